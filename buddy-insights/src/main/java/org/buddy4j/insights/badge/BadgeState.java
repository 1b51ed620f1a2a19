package org.buddy4j.insights.badge;

import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobConclusion;
import org.buddy4j.insights.unified.JobStatus;

/**
 * The state a status badge shows for a run (a Buddy execution, {@code GET …/executions}), with its
 * colour: passing (green), failing (red), running (queued or in progress; amber), cancelled (grey),
 * unknown (no run, skipped, or a status this library does not know; light grey).
 */
public enum BadgeState {
  PASSING("passing", "#4c1"),
  FAILING("failing", "#e05d44"),
  RUNNING("running", "#dfb317"),
  CANCELLED("cancelled", "#9f9f9f"),
  UNKNOWN("unknown", "#bbb");

  private final String text;
  private final String color;

  BadgeState(String text, String color) {
    this.text = text;
    this.color = color;
  }

  /** The word on the badge. */
  public String text() {
    return text;
  }

  /** The colour of the state half of the badge. */
  public String color() {
    return color;
  }

  /** The state of a run; {@link #UNKNOWN} for none. */
  public static BadgeState of(Job job) {
    if (job == null) {
      return UNKNOWN;
    }
    if (job.status() != JobStatus.COMPLETED) {
      return RUNNING;
    }
    if (job.conclusion() == JobConclusion.PASSED) {
      return PASSING;
    }
    if (job.conclusion() == JobConclusion.FAILED) {
      return FAILING;
    }
    return job.conclusion() == JobConclusion.CANCELLED ? CANCELLED : UNKNOWN;
  }
}
