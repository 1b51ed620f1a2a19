package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobConclusion;

/**
 * DORA's four keys over the runs of an {@link Insights} window, as Google's Four Keys project defines
 * them, with every run of the scope's pipelines counted as a deployment. A <em>deployment</em> is a run
 * in the window that finished passed or failed (cancelled and skipped runs deployed nothing).
 * <ul>
 *   <li>{@code deploymentFrequency}: successful deployments per day and per week of the window
 *       ({@code successfulDeployments ÷ window days}, × 7).</li>
 *   <li>{@code leadTimeForChanges}: the median, over successful deployments whose revision has a commit
 *       date, of {@code finish_date − to_revision.commit_date} (the time a commit took to reach a
 *       finished deployment). Median as Four Keys computes it (PERCENTILE_CONT 0.5: the mean of the two
 *       middle values of an even count).</li>
 *   <li>{@code changeFailureRate}: failed deployments ÷ deployments ({@code null} without any).</li>
 *   <li>{@code timeToRestore}: per pipeline and branch, in start order, the first failed deployment
 *       after a success (or first in the window) opens an incident at its {@code finish_date}; the next
 *       successful deployment of the same pipeline and branch restores it at its {@code finish_date}.
 *       The median over restored incidents; open ones are counted in {@code openIncidents}.</li>
 * </ul>
 */
public record FourKeys(int deployments, int successfulDeployments, double deploymentsPerDay,
                       double deploymentsPerWeek, Duration leadTimeForChanges, int leadTimeSamples,
                       Double changeFailureRate, Duration timeToRestore, int restoredIncidents, int openIncidents) {

  /** The four keys of {@code timeline} (the runs that started in {@code window}, oldest first). */
  public static FourKeys of(TimeWindow window, List<Job> timeline) {
    int deployments = 0;
    int successful = 0;
    List<Duration> leadTimes = new ArrayList<>();
    Map<String, Job> openByLine = new LinkedHashMap<>();
    List<Duration> restores = new ArrayList<>();
    for (Job job : timeline) {
      boolean passed = job.conclusion() == JobConclusion.PASSED;
      if (job.finishedAt() == null || !(passed || job.conclusion() == JobConclusion.FAILED)) {
        continue;
      }
      deployments++;
      String line = job.workspace() + "/" + job.repo() + "/" + job.workflowId() + "@" + job.ref();
      if (passed) {
        successful++;
        Instant committed = committedAt(job);
        if (committed != null) {
          leadTimes.add(Duration.between(committed, job.finishedAt()));
        }
        Job failed = openByLine.remove(line);
        if (failed != null) {
          restores.add(Duration.between(failed.finishedAt(), job.finishedAt()));
        }
      } else {
        openByLine.putIfAbsent(line, job);
      }
    }
    double days = window.length().toMillis() / 86_400_000.0;
    double perDay = successful / days;
    return new FourKeys(deployments, successful, perDay, perDay * 7, median(leadTimes), leadTimes.size(),
        deployments == 0 ? null : (double) (deployments - successful) / deployments, median(restores),
        restores.size(), openByLine.size());
  }

  /** {@code to_revision.commit_date} of the run, or {@code null} when Buddy did not send one. */
  static Instant committedAt(Job job) {
    var revision = job.raw().getToRevision();
    return revision == null || revision.getCommitDate() == null ? null : revision.getCommitDate().toInstant();
  }

  /** The median (the mean of the two middle values for an even count), to the millisecond; null if empty. */
  static Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return Duration.ofMillis(Math.round((sorted.get(n / 2 - 1).toMillis() + sorted.get(n / 2).toMillis()) / 2.0));
  }
}
