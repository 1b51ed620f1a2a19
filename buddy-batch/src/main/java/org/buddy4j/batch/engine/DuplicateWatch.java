package org.buddy4j.batch.engine;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * Watches the markers of runs that were sent again after an in-doubt start was declared absent: if
 * the first POST is applied late after all, a second execution carries the same marker. The newer one
 * is cancelled at once ({@code PATCH …/executions/{execution_id}} with {@code CANCEL}) if it is still
 * running, and every duplicate is reported, never silently two. Lists
 * {@code GET …/pipelines/{pipeline_id}/executions} pages every poll interval while any watch is open.
 * A watch ends when every late start it expects has shown up, or once its run is no longer watched and
 * the late-start horizon has passed (after at least one look). Event-loop only.
 */
final class DuplicateWatch {
  /** One run whose marker is watched. */
  static final class Watch {
    final Slot slot;
    final PipelineState pipeline;
    int floor;
    int expected;
    Instant until;
    boolean looked;
    final Set<Integer> handled = new HashSet<>();

    Watch(Slot slot, PipelineState pipeline, int floor, int expected, Instant until) {
      this.slot = slot;
      this.pipeline = pipeline;
      this.floor = floor;
      this.expected = expected;
      this.until = until;
    }
  }

  private final Vertx vertx;
  private final ApiCalls calls;
  private final Clock clock;
  private final Duration interval;
  private final Consumer<Runnable> write;
  private final Runnable idle;
  private final java.util.function.BiConsumer<Slot, Integer> repoint;
  private int cancelling;
  private final Map<PipelineState, List<Watch>> watches = new HashMap<>();
  private final Set<PipelineState> scanning = new HashSet<>();
  private final List<Duplicate> found = new ArrayList<>();
  private final org.buddy4j.batch.journal.Journal journal;

  DuplicateWatch(Vertx vertx, ApiCalls calls, Clock clock, Duration interval, org.buddy4j.batch.journal.Journal journal,
                 Consumer<Runnable> write, Runnable idle, java.util.function.BiConsumer<Slot, Integer> repoint) {
    this.vertx = vertx;
    this.calls = calls;
    this.clock = clock;
    this.interval = interval;
    this.journal = journal;
    this.write = write;
    this.idle = idle;
    this.repoint = repoint;
  }

  /** Starts watching {@code slot}'s marker for {@code expected} late starts above {@code floor}, until {@code until}. */
  void watch(Slot slot, PipelineState p, int floor, int expected, Instant until) {
    if (expected <= 0) {
      return;
    }
    List<Watch> list = watches.computeIfAbsent(p, k -> new ArrayList<>());
    for (Watch w : list) {
      if (w.slot == slot) { // one more in-doubt POST of a run already watched
        w.expected += expected;
        w.floor = Math.min(w.floor, floor);
        w.until = until.isAfter(w.until) ? until : w.until;
        return;
      }
    }
    list.add(new Watch(slot, p, floor, expected, until));
    if (scanning.add(p)) {
      vertx.setTimer(Math.max(1, interval.toMillis()), id -> scan(p));
    }
  }

  /** No watch open and no cancel under way. */
  boolean isEmpty() {
    return watches.isEmpty() && cancelling == 0;
  }

  /** Every duplicate seen so far. */
  List<Duplicate> duplicates() {
    return List.copyOf(found);
  }

  /** The batch stopped: stop looking (the journal keeps what is still expected for a resume). */
  void stop() {
    watches.clear();
  }

  private void scan(PipelineState p) {
    List<Watch> list = watches.get(p);
    if (list == null || list.isEmpty()) {
      scanning.remove(p);
      watches.remove(p);
      if (isEmpty()) {
        idle.run();
      }
      return;
    }
    Map<RunMarker, TreeMap<Integer, ExecutionData>> byMarker = new HashMap<>();
    int downTo = Integer.MAX_VALUE;
    for (Watch w : list) {
      byMarker.put(w.slot.marker, new TreeMap<>());
      downTo = Math.min(downTo, w.floor);
    }
    Instant started = clock.instant();
    ExecutionPages.walk(calls, p, downTo, e -> {
      String comment = e.getComment();
      byMarker.forEach((marker, runs) -> {
        if (marker.in(comment)) {
          runs.put(e.getId(), e);
        }
      });
    }).onComplete(ar -> {
      if (ar.succeeded()) {
        for (Watch w : new ArrayList<>(list)) {
          judge(w, byMarker.get(w.slot.marker));
          w.looked = true;
          if (w.expected <= 0 || (w.slot.settled() && !started.isBefore(w.until))) {
            list.remove(w);
          }
        }
      }
      if (list.isEmpty()) {
        watches.remove(p);
        scanning.remove(p);
        if (isEmpty()) {
          idle.run();
        }
      } else {
        // Again next round (a failed listing too).
        vertx.setTimer(Math.max(1, interval.toMillis()), id -> scan(p));
      }
    });
  }

  /** Two or more runs carry one marker: keep the oldest, cancel each newer one that still runs. */
  private void judge(Watch w, TreeMap<Integer, ExecutionData> runs) {
    if (runs == null || runs.size() < 2) {
      return;
    }
    int kept = runs.firstKey();
    for (ExecutionData e : runs.tailMap(kept, false).values()) {
      if (!w.handled.add(e.getId())) {
        continue;
      }
      w.expected--;
      String key = w.slot.item.key();
      boolean over = ExecutionStatus.isFinished(e.getStatus(), e.getFinishDate() != null);
      if (over) {
        report(w, key, e.getId(), kept, false, e.getStatus(), "started twice; the second run was already over");
        continue;
      }
      if (w.slot.executionId == e.getId()) {
        repoint.accept(w.slot, kept); // the run being watched is the newer one: watch the kept one instead
      }
      PipelineState p = w.pipeline;
      cancelling++;
      calls.call(Lane.OBSERVE, () -> p.client.cancel(e.getId()))
          .onSuccess(after -> report(w, key, e.getId(), kept, true, after.status(), "started twice; the second run was cancelled"))
          .onFailure(err -> report(w, key, e.getId(), kept, false, e.getStatus(),
              "started twice; cancelling the second run failed: " + calls.client().redactor().scrub(String.valueOf(err.getMessage()))))
          .onComplete(ar -> {
            cancelling--;
            if (isEmpty()) {
              idle.run();
            }
          });
    }
  }

  private void report(Watch w, String key, int id, int kept, boolean cancelled, String status, String message) {
    found.add(new Duplicate(key, w.slot.marker.text(), id, kept, cancelled, status, message));
    write.accept(() -> journal.duplicate(key, id, kept, cancelled, status));
  }
}
