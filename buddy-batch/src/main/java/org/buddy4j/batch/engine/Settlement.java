package org.buddy4j.batch.engine;

import org.buddy4j.batch.journal.ItemState;
import org.buddy4j.core.ExecutionStatus;

/**
 * A run's last step: its final journal record, its line in the result log and its count. Each settled
 * run that held a place in flight hands it back ({@code freed}) so the pump can take the next one.
 */
final class Settlement {
  private final EngineScope scope;
  private final ResultLog results;
  private final Runnable freed;

  Settlement(EngineScope scope, ResultLog results, Runnable freed) {
    this.scope = scope;
    this.results = results;
    this.freed = freed;
  }

  /** The run is over with {@code status}. */
  void finished(Slot slot, String status) {
    scope.writer.write(() -> scope.journal.finished(slot.item.key(), slot.executionId, status));
    settle(slot, ExecutionStatus.SUCCESSFUL.equals(status) ? Outcome.SUCCEEDED : Outcome.FAILED, status, null);
  }

  /** The run will not start (Buddy refused it, or it could not be sent). */
  void failed(Slot slot, String status, String message) {
    scope.writer.write(() -> scope.journal.failed(slot.item.key(), status, message));
    settle(slot, Outcome.FAILED, status, message);
  }

  /** What became of the run cannot be told. */
  void unknown(Slot slot, String message) {
    scope.writer.write(() -> scope.journal.unknown(slot.item.key(), message));
    settle(slot, Outcome.UNKNOWN, null, message);
  }

  /** Records the run's outcome and frees its place. */
  void settle(Slot slot, Outcome outcome, String status, String message) {
    slot.moveTo(RunState.SETTLED);
    record(slot, outcome, status, message);
    freed.run();
  }

  /** A run the journal shows over before this resume: recorded again, not touched (it held no place). */
  void doneBefore(Slot slot, ItemState state) {
    slot.executionId = state.executionId();
    slot.moveTo(RunState.SETTLED);
    scope.counters.alreadyDone++;
    boolean ok = state.stage() == ItemState.Stage.FINISHED && ExecutionStatus.SUCCESSFUL.equals(state.status());
    record(slot, ok ? Outcome.SUCCEEDED : Outcome.FAILED, state.status(),
        state.message() == null ? "finished before the resume" : state.message());
  }

  private void record(Slot slot, Outcome outcome, String status, String message) {
    int id = slot.executionId;
    scope.writer.write(() -> results.record(slot.item, id, outcome, status, message));
    RunCounters c = scope.counters;
    c.done++;
    switch (outcome) {
      case SUCCEEDED -> c.succeeded++;
      case FAILED -> c.failed++;
      case UNKNOWN -> c.unknown++;
      case NOT_STARTED -> c.notStarted++;
      case SUBMITTED -> { }
    }
  }
}
