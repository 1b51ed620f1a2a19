package org.buddy4j.core;

import java.util.Set;

/**
 * The status values of executions and action executions. An open set: Buddy may add values, and
 * they are kept as sent. Finished: SUCCESSFUL, FAILED, TERMINATED, SKIPPED, NOT_EXECUTED. Not
 * finished: ENQUEUED, INITIAL, INPROGRESS, TERMINATING and every WAITING_* state.
 */
public final class ExecutionStatus {
  public static final String ENQUEUED = "ENQUEUED";
  public static final String INITIAL = "INITIAL";
  public static final String INPROGRESS = "INPROGRESS";
  public static final String TERMINATING = "TERMINATING";
  public static final String WAITING_FOR_APPLY = "WAITING_FOR_APPLY";
  public static final String WAITING_FOR_VARIABLES = "WAITING_FOR_VARIABLES";
  public static final String WAITING_FOR_SETTABLE_VARIABLES = "WAITING_FOR_SETTABLE_VARIABLES";
  public static final String WAITING_FOR_VT_SESSION = "WAITING_FOR_VT_SESSION";
  public static final String SUCCESSFUL = "SUCCESSFUL";
  public static final String FAILED = "FAILED";
  public static final String TERMINATED = "TERMINATED";
  public static final String SKIPPED = "SKIPPED";
  public static final String NOT_EXECUTED = "NOT_EXECUTED";

  private static final Set<String> RUNNING = Set.of(ENQUEUED, INITIAL, INPROGRESS, TERMINATING);
  private static final Set<String> FINISHED = Set.of(SUCCESSFUL, FAILED, TERMINATED, SKIPPED, NOT_EXECUTED);

  private ExecutionStatus() {}

  /**
   * Whether a run in {@code status} is over. A status this library does not know counts as finished
   * only when Buddy also set a finish date.
   */
  public static boolean isFinished(String status, boolean hasFinishDate) {
    if (status == null) {
      return hasFinishDate;
    }
    if (FINISHED.contains(status)) {
      return true;
    }
    if (RUNNING.contains(status) || status.startsWith("WAITING_")) {
      return false;
    }
    return hasFinishDate;
  }

  /** Whether the status is one Buddy documents. */
  public static boolean isKnown(String status) {
    return status != null && (FINISHED.contains(status) || RUNNING.contains(status) || status.startsWith("WAITING_FOR_"));
  }
}
