package org.buddy4j.batch.journal;

/**
 * Where one run stood when the journal ended, and so what resume does with it.
 *
 * @param stage the last thing recorded
 * @param executionId the run's execution ID once known, else 0
 * @param floor the pipeline's newest execution ID before the last intent (reconciliation lists down to it)
 * @param status the final status (FINISHED / FAILED)
 * @param message why it failed or is unknown
 * @param intentAt when the last intent was written (null when the journal does not say: long ago)
 * @param timeoutMs the read timeout the last intent's POST was sent with (0 when the journal does not say)
 * @param lateStarts in-doubt POSTs that were declared absent and whose late start has not been seen: a
 *     late apply of each may still show up as a second run with the same marker
 * @param lateSince when the last of those in-doubt POSTs was sent (null when none)
 * @param lateFloor the lowest floor of those POSTs: a late start has a higher execution ID
 */
public record ItemState(Stage stage, int executionId, int floor, String status, String message,
                        java.time.Instant intentAt, long timeoutMs, int lateStarts, java.time.Instant lateSince,
                        int lateFloor) {

  /** The same doubt history with a new stage and outcome. */
  ItemState next(Stage nextStage, int nextId, String nextStatus, String nextMessage) {
    return new ItemState(nextStage, nextId, floor, nextStatus, nextMessage, intentAt, timeoutMs, lateStarts, lateSince,
        lateFloor);
  }

  /** What the journal last said about a run. */
  public enum Stage {
    /** About to POST; no answer recorded: the run may or may not exist. */
    INTENT,
    /** Buddy answered with the run's ID. */
    SUBMITTED,
    /** Proven not started (429, refused connection, or reconciliation found no run): send it. */
    NOT_APPLIED,
    /** The run is over (any final status). */
    FINISHED,
    /** Buddy refused the POST for good (e.g. 404, 422). */
    FAILED,
    /** Could not find out whether it started. */
    UNKNOWN
  }

  /** What resume does with a run in this state. */
  public enum Action { SKIP, POLL, RECONCILE, SUBMIT }

  public Action resumeAction() {
    return switch (stage) {
      case FINISHED, FAILED -> Action.SKIP;
      case SUBMITTED -> Action.POLL;
      case INTENT, UNKNOWN -> Action.RECONCILE;
      case NOT_APPLIED -> Action.SUBMIT;
    };
  }
}
