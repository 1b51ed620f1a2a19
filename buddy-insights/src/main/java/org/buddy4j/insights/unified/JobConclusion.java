package org.buddy4j.insights.unified;

import org.buddy4j.core.ExecutionStatus;

/**
 * How a completed job (a Buddy execution) ended. From Buddy's {@code status}: SUCCESSFUL is
 * {@link #PASSED}, FAILED is {@link #FAILED}, TERMINATED (cancelled by someone) is {@link #CANCELLED},
 * SKIPPED and NOT_EXECUTED are {@link #SKIPPED}. Anything else has no conclusion ({@code null}): the
 * job is not over, or Buddy sent a status this library does not know (the raw value stays on the job).
 */
public enum JobConclusion {
  PASSED, FAILED, CANCELLED, SKIPPED;

  /** The conclusion of a Buddy {@code status} value, or {@code null} if it has none. */
  public static JobConclusion of(String buddyStatus) {
    if (buddyStatus == null) {
      return null;
    }
    switch (buddyStatus) {
      case ExecutionStatus.SUCCESSFUL:
        return PASSED;
      case ExecutionStatus.FAILED:
        return FAILED;
      case ExecutionStatus.TERMINATED:
        return CANCELLED;
      case ExecutionStatus.SKIPPED:
      case ExecutionStatus.NOT_EXECUTED:
        return SKIPPED;
      default:
        return null;
    }
  }
}
