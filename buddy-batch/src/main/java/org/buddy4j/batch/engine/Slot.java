package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.journal.ItemState;

/** One run of the batch: its item, its marker, its {@link RunState} and what is known so far. Event-loop only. */
final class Slot {
  final BatchItem item;
  final RunMarker marker;
  private RunState state = RunState.NEW;
  /** Newest execution ID of the pipeline known before the (last) POST: our run's ID is higher. */
  int floor;
  int executionId;
  int transportFailures;
  int scanFailures;
  /** A GET of this run failed (e.g. 404): how many times in a row. */
  int pollFailures;
  /** When the last intent was written (runner's clock), and when its POST counts as absent if not found. */
  Instant intentAt;
  Instant absentAfter;
  /** Buddy answered the last POST (500): it is done with it, no late apply to wait for. */
  boolean answered;
  /** In-doubt POSTs declared absent whose late start has not been seen; their lowest floor; the last one's time. */
  int lateStarts;
  int lateFloor;
  Instant lateSince;
  /** The step a batched reconcile or watch owes this run: completed once, with its event. */
  private Promise<RunEvent> step;

  Slot(BatchItem item, RunMarker marker) {
    this.item = item;
    this.marker = marker;
  }

  /**
   * Takes up what the journal knew of the run when the last runner stopped: its execution ID and floor,
   * the window of an unanswered POST ({@code timeout}: its read timeout when the journal does not say),
   * and in-doubt POSTs declared absent whose late start may still show up.
   */
  void resumeFrom(ItemState state, Duration timeout, Duration doubtMargin) {
    executionId = state.executionId();
    floor = state.floor();
    if (state.resumeAction() == ItemState.Action.RECONCILE) {
      // Unanswered when the runner stopped: it could still be applied until its timeout has passed.
      intentAt = state.intentAt() == null ? Instant.EPOCH : state.intentAt();
      absentAfter = intentAt.plus(state.timeoutMs() > 0 ? Duration.ofMillis(state.timeoutMs()) : timeout).plus(doubtMargin);
    }
    lateStarts = state.lateStarts();
    lateFloor = state.lateFloor();
    lateSince = state.lateSince() == null ? Instant.EPOCH : state.lateSince();
  }

  RunState state() {
    return state;
  }

  /** Moves the run along its lifecycle; an edge {@link RunState} does not allow is a bug, never papered over. */
  void moveTo(RunState next) {
    if (!state.canMoveTo(next)) {
      throw new IllegalStateException("run " + item.key() + ": " + state + " cannot become " + next);
    }
    state = next;
  }

  /** The run's outcome is recorded; a duplicate watch may outlive it. */
  boolean settled() {
    return state == RunState.SETTLED;
  }

  /** A batched step (reconcile, watch) takes the run: the future completes with the event it {@link #report}s. */
  Future<RunEvent> awaitStep() {
    step = Promise.promise();
    return step.future();
  }

  /** Hands the step's event to whoever awaits it (once). */
  void report(RunEvent event) {
    Promise<RunEvent> p = step;
    step = null;
    if (p != null) {
      p.complete(event);
    }
  }
}
