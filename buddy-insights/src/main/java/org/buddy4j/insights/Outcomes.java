package org.buddy4j.insights;

import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobStatus;

/**
 * Counts of runs by how they stand: still queued, in progress, or completed as passed / failed /
 * cancelled / skipped (a completed run with a status this library does not know counts in {@code total}
 * only). Immutable; {@link #plus(Job)} returns a new value.
 */
public record Outcomes(int total, int queued, int inProgress, int passed, int failed, int cancelled, int skipped) {
  public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0);

  /** These counts with one more run. */
  public Outcomes plus(Job job) {
    int q = queued;
    int r = inProgress;
    int p = passed;
    int f = failed;
    int c = cancelled;
    int s = skipped;
    if (job.status() == JobStatus.QUEUED) {
      q++;
    } else if (job.status() == JobStatus.IN_PROGRESS) {
      r++;
    } else if (job.conclusion() != null) {
      switch (job.conclusion()) {
        case PASSED -> p++;
        case FAILED -> f++;
        case CANCELLED -> c++;
        case SKIPPED -> s++;
        default -> { }
      }
    }
    return new Outcomes(total + 1, q, r, p, f, c, s);
  }

  /** {@code failed / (passed + failed)}; {@code null} when neither happened. */
  public Double failureRate() {
    int decided = passed + failed;
    return decided == 0 ? null : (double) failed / decided;
  }
}
