package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.batch.engine.RunEvent.Kind;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * The reconcile step, for a POST whose outcome is unknown: lists the pipeline's executions
 * ({@code GET …/pipelines/{pipeline_id}/executions} pages, newest first down to the run's floor) and looks
 * for the run's marker — found: it runs; absent once the POST's window has passed: it was not applied;
 * cannot tell after a few tries: unknown. Runs in doubt on one pipeline share each listing.
 */
final class Reconciler {
  private static final int MAX_SCAN_FAILURES = 5;

  private final EngineScope scope;

  Reconciler(EngineScope scope) {
    this.scope = scope;
  }

  /** Finds out whether {@code slot}'s last POST was applied. */
  Future<RunEvent> reconcile(Slot slot) {
    Future<RunEvent> decided = slot.awaitStep();
    PipelineState p = scope.pipeline(slot.item.pipelineRef());
    p.toReconcile.add(slot);
    // Wait a moment first, so a POST still being processed by Buddy shows up in the list.
    schedule(p, scope.settings.settle().toMillis());
    return decided;
  }

  private void schedule(PipelineState p, long delayMs) {
    if (p.scanScheduled) {
      return;
    }
    p.scanScheduled = true;
    scope.after(delayMs, () -> scan(p));
  }

  private void scan(PipelineState p) {
    p.scanScheduled = false;
    List<Slot> pending = new ArrayList<>(p.toReconcile);
    p.toReconcile.clear();
    if (pending.isEmpty()) {
      return;
    }
    if (scope.stopped()) {
      pending.forEach(s -> s.report(RunEvent.of(Kind.STOPPED, scope.stopReason())));
      return;
    }
    Map<String, Slot> byMarker = new HashMap<>();
    int downTo = Integer.MAX_VALUE;
    for (Slot s : pending) {
      byMarker.put(s.marker.text(), s);
      downTo = Math.min(downTo, s.floor);
    }
    Map<Slot, ExecutionData> found = new HashMap<>();
    Instant listedAt = scope.now(); // a run applied before this is in the listing
    ExecutionPages.walk(scope.calls, p, downTo, e -> {
      for (String marker : RunMarker.find(e.getComment())) {
        Slot s = byMarker.get(marker);
        if (s != null && e.getId() > s.floor) {
          found.merge(s, e, (a, b) -> a.getId() <= b.getId() ? a : b); // the oldest, if ever two
        }
      }
    }).onSuccess(pages -> judge(p, pending, found, listedAt)).onFailure(err -> listingFailed(p, pending, err));
  }

  private void judge(PipelineState p, List<Slot> pending, Map<Slot, ExecutionData> found, Instant listedAt) {
    for (Slot s : pending) {
      ExecutionData e = found.get(s);
      if (e != null) {
        scope.counters.reconciled++;
        s.report(RunEvent.started(e.getId(), e.getStatus(), ExecutionStatus.isFinished(e.getStatus(), e.getFinishDate() != null)));
      } else if (s.absentAfter != null && listedAt.isBefore(s.absentAfter)) {
        // Not there yet, but the POST could still be applied: look again (paced) until its window is over.
        p.toReconcile.add(s);
      } else {
        // Listed after its window (after Buddy's 500, or its timeout plus margin), past the floor, and the
        // marker is not there: the POST was not applied in time.
        s.report(RunEvent.of(Kind.ABSENT, s.answered ? "reconciled after HTTP 500: no run carries its marker"
            : "reconciled after its timeout: no run carries its marker"));
      }
    }
    if (!p.toReconcile.isEmpty()) {
      long untilWindow = p.toReconcile.stream().filter(x -> x.absentAfter != null)
          .mapToLong(x -> Duration.between(scope.now(), x.absentAfter).toMillis()).min().orElse(0);
      schedule(p, Math.max(1, Math.min(scope.settings.pollInterval().toMillis(), untilWindow + 1)));
    }
  }

  private void listingFailed(PipelineState p, List<Slot> pending, Throwable err) {
    for (Slot s : pending) {
      if (++s.scanFailures >= MAX_SCAN_FAILURES) {
        s.report(RunEvent.of(Kind.UNKNOWN, "could not find out whether the run started: " + scope.redact(err.getMessage())));
      } else {
        p.toReconcile.add(s);
      }
    }
    if (!p.toReconcile.isEmpty()) {
      schedule(p, Math.min(30_000, Math.max(50, scope.settings.settle().toMillis()) << Math.min(6, pending.get(0).scanFailures)));
    }
  }
}
