package org.buddy4j.insights.unified;

import org.buddy4j.core.ExecutionStatus;

/**
 * Where a job (a Buddy execution, {@code GET …/pipelines/{pipeline_id}/executions/{execution_id}}) is
 * in its life, kept apart from how it ended ({@link JobConclusion}).
 *
 * <p>From Buddy's {@code status}: ENQUEUED and INITIAL are {@link #QUEUED}; INPROGRESS, TERMINATING and
 * every WAITING_* state are {@link #IN_PROGRESS}; SUCCESSFUL, FAILED, TERMINATED, SKIPPED and
 * NOT_EXECUTED are {@link #COMPLETED}. A status this library does not know is COMPLETED when Buddy set a
 * {@code finish_date}, else IN_PROGRESS.
 */
public enum JobStatus {
  QUEUED, IN_PROGRESS, COMPLETED;

  /** The unified status of a Buddy {@code status} value. */
  public static JobStatus of(String buddyStatus, boolean hasFinishDate) {
    if (ExecutionStatus.ENQUEUED.equals(buddyStatus) || ExecutionStatus.INITIAL.equals(buddyStatus)) {
      return QUEUED;
    }
    return ExecutionStatus.isFinished(buddyStatus, hasFinishDate) ? COMPLETED : IN_PROGRESS;
  }
}
