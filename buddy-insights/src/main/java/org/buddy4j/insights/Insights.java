package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.buddy4j.insights.unified.Job;

/**
 * Delivery insights over a time window, computed from Buddy's executions
 * ({@code GET …/pipelines/{pipeline_id}/executions}). Definitions:
 * <ul>
 *   <li>{@code timeline}: the runs whose {@code start_date} is in the window, oldest first.</li>
 *   <li>{@code failureRate} = failed ÷ (passed + failed). Cancelled (TERMINATED) and skipped runs are
 *       left out: someone stopped them, they did not fail. {@code null} without passed or failed runs.</li>
 *   <li>{@code duration}: {@code finish_date − start_date} of the passed and failed runs (cancelled ones
 *       were cut short); mean and p90 (nearest rank).</li>
 *   <li>{@code deployTime} (mean time to deploy): the same, over passed runs only.</li>
 *   <li>{@code queueTime}: Buddy sends no enqueue timestamp, so queue time is the gap from the run's
 *       {@code start_date} to the earliest {@code start_date} of its action executions (waiting for a
 *       worker and preparing the environment), over runs where an action started.</li>
 *   <li>{@code meanTimeToRecovery}: per pipeline, in start order, a failed run after a pass (or first in
 *       the window) opens an incident at its {@code finish_date}; the next passed run of the same
 *       pipeline closes it at its {@code finish_date}; cancelled, skipped and unfinished runs neither
 *       open nor close one. MTTR is the mean over closed incidents ({@code null} if none);
 *       {@code recoveries} lists every incident, open ones too.</li>
 *   <li>{@code perBranch}: outcomes per ref (branch name; {@code tag v1}, {@code PR pull/3} for runs on a
 *       tag or pull request), most runs first. {@code perDay}: per UTC day of the window (every day for
 *       windows up to 92 days, otherwise only days with runs).</li>
 *   <li>{@code fourKeys}: DORA's four keys (deployment frequency, lead time for changes, change
 *       failure rate, time to restore), defined in {@link FourKeys}.</li>
 * </ul>
 */
public record Insights(InsightsScope scope, TimeWindow window, Instant generatedAt, List<Job> timeline,
                       Outcomes outcomes, DurationStats duration, DurationStats deployTime, DurationStats queueTime,
                       Duration meanTimeToRecovery, List<Recovery> recoveries, Map<String, Outcomes> perBranch,
                       List<DayOutcomes> perDay, FourKeys fourKeys) {

  public Insights {
    timeline = List.copyOf(timeline);
    recoveries = List.copyOf(recoveries);
    perBranch = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perBranch));
    perDay = List.copyOf(perDay);
  }

  /** failed ÷ (passed + failed), or {@code null}. */
  public Double failureRate() {
    return outcomes.failureRate();
  }

  /** Insights over {@code jobs} (any order; those outside the window are ignored). */
  public static Insights of(InsightsScope scope, TimeWindow window, List<Job> jobs, Instant generatedAt) {
    return InsightsCalculator.compute(scope, window, jobs, generatedAt);
  }
}
