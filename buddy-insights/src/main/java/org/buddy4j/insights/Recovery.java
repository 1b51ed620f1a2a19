package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;

/**
 * One incident of a pipeline: it went red with run {@code failedRun} (the first failure after a pass,
 * at that run's {@code finish_date}) and green again with run {@code recoveredRun} (the next passed
 * run, at its {@code finish_date}). {@code recoveredRun}, {@code recoveredAt} and {@code timeToRecover}
 * are {@code null} while it has not recovered within the window.
 */
public record Recovery(String pipeline, int pipelineId, int failedRun, Instant failedAt, Integer recoveredRun,
                       Instant recoveredAt, Duration timeToRecover) {

  public boolean recovered() {
    return recoveredRun != null;
  }
}
