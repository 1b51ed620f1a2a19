package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.batch.engine.RunEvent.Kind;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * The watch step: polls started runs until they are over. Each poll interval, per pipeline, either one
 * {@code GET …/executions/{execution_id}} per run (a few old runs deep in the list) or
 * {@code GET …/pipelines/{pipeline_id}/executions} pages down to the oldest run watched (one page refreshes
 * up to 100 runs).
 */
final class Poller {
  private static final int MAX_POLL_FAILURES = 10;

  private final EngineScope scope;

  Poller(EngineScope scope) {
    this.scope = scope;
  }

  /** Watches {@code slot}'s run ({@code slot.executionId}) until it is over. */
  Future<RunEvent> watch(Slot slot) {
    Future<RunEvent> over = slot.awaitStep();
    PipelineState p = scope.pipeline(slot.item.pipelineRef());
    p.running.put(slot.executionId, slot);
    scope.counters.running++;
    if (!p.polling) {
      p.polling = true;
      scope.after(scope.settings.pollInterval().toMillis(), () -> poll(p));
    }
    return over;
  }

  /** The batch stopped: every watched run is reported {@link Kind#STOPPED} (it keeps running in Buddy). */
  void stop(String reason) {
    for (PipelineState p : scope.pipelines()) {
      List<Slot> running = new ArrayList<>(p.running.values());
      p.running.clear();
      scope.counters.running -= running.size();
      running.forEach(s -> s.report(RunEvent.of(Kind.STOPPED, reason)));
    }
  }

  /** The run {@code slot} watched was cancelled as a duplicate: watch the kept one, {@code kept}, instead. */
  void repoint(Slot slot, int kept) {
    PipelineState p = scope.pipeline(slot.item.pipelineRef());
    if (p.running.remove(slot.executionId, slot)) {
      p.running.put(kept, slot);
    }
    slot.executionId = kept;
  }

  private void poll(PipelineState p) {
    if (p.running.isEmpty() || scope.stopped()) {
      p.polling = false;
      return;
    }
    int minId = p.running.firstKey();
    long pages = (Math.max(p.maxKnownId, minId) - minId) / ExecutionPages.PER_PAGE + 1;
    Future<?> round;
    if (p.running.size() <= 10 && p.running.size() < pages) {
      // A few old runs deep in the list: one GET each is cheaper than paging down to them.
      List<Future<?>> gets = new ArrayList<>();
      for (Slot s : new ArrayList<>(p.running.values())) {
        gets.add(scope.calls.call(Lane.OBSERVE, () -> p.client.execution(s.executionId).data())
            .onSuccess(e -> seen(p, e))
            .onFailure(err -> failed(p, s, err)));
      }
      round = Future.join(gets);
    } else {
      round = ExecutionPages.walk(scope.calls, p, minId, e -> seen(p, e));
    }
    round.onComplete(ar -> {
      if (p.running.isEmpty() || scope.stopped()) {
        p.polling = false;
      } else {
        scope.after(scope.settings.pollInterval().toMillis(), () -> poll(p));
      }
    });
  }

  private void seen(PipelineState p, ExecutionData e) {
    Slot s = p.running.get(e.getId());
    if (s == null) {
      return;
    }
    s.pollFailures = 0;
    if (ExecutionStatus.isFinished(e.getStatus(), e.getFinishDate() != null)) {
      p.running.remove(e.getId());
      scope.counters.running--;
      s.report(RunEvent.finished(e.getStatus()));
    }
  }

  private void failed(PipelineState p, Slot s, Throwable err) {
    if (err instanceof BuddyRateLimitException) {
      return; // asked again next round
    }
    if (err instanceof BuddyNotFoundException || ++s.pollFailures >= MAX_POLL_FAILURES) {
      p.running.remove(s.executionId);
      scope.counters.running--;
      s.report(RunEvent.of(Kind.UNKNOWN, "run #" + s.executionId + " could not be read: " + scope.redact(err.getMessage())));
    }
  }
}
