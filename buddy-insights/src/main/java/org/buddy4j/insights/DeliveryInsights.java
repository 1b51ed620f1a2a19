package org.buddy4j.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.ProjectClient;
import org.buddy4j.core.WorkspaceClient;
import org.buddy4j.insights.unified.Job;

/**
 * Collects the runs of a scope in a time window and computes {@link Insights} from them. Reads
 * {@code GET …/projects} and {@code GET …/pipelines} to find the pipelines, then each pipeline's
 * {@code GET …/executions} newest first, page by page, stopping at the first run that started before
 * the window (so a week's insights do not read a year of history). Runs with no {@code start_date}
 * yet are in no window.
 *
 * <pre>{@code
 * Insights week = DeliveryInsights.collect(client, InsightsScope.project("acme", "web"),
 *     TimeWindow.endingAt(Instant.now(), Duration.ofDays(7)));
 * Files.writeString(Path.of("insights.html"), InsightsHtmlReport.render(week));
 * }</pre>
 */
public final class DeliveryInsights {
  private DeliveryInsights() {}

  /** The insights of {@code scope} over {@code window}. */
  public static Insights collect(BuddyClient client, InsightsScope scope, TimeWindow window) {
    return collect(client, scope, window, Clock.systemUTC());
  }

  /** As {@link #collect(BuddyClient, InsightsScope, TimeWindow)}, dated by {@code clock}. */
  public static Insights collect(BuddyClient client, InsightsScope scope, TimeWindow window, Clock clock) {
    Objects.requireNonNull(client, "client");
    List<Job> jobs = new ArrayList<>();
    pipelines(client, scope).forEach(p -> jobs.addAll(runsIn(p, window)));
    return Insights.of(scope, window, jobs, clock.instant());
  }

  /** The runs of one pipeline that started in the window, newest first. */
  public static List<Job> runsIn(PipelineClient pipeline, TimeWindow window) {
    List<Job> out = new ArrayList<>();
    try (Stream<Job> runs = pipeline.executions().map(Job::of)) {
      var it = runs.iterator();
      while (it.hasNext()) {
        Job job = it.next();
        if (job.startedAt() == null) {
          continue;
        }
        if (job.startedAt().isBefore(window.from())) {
          break;
        }
        if (window.contains(job.startedAt())) {
          out.add(job);
        }
      }
    }
    return out;
  }

  private static Stream<PipelineClient> pipelines(BuddyClient client, InsightsScope scope) {
    WorkspaceClient ws = client.workspace(scope.workspace());
    if (scope.pipelineId() != null) {
      return Stream.of(ws.project(scope.project()).pipeline(scope.pipelineId()));
    }
    Stream<ProjectClient> projects = scope.project() != null ? Stream.of(ws.project(scope.project()))
        : ws.projects().list().map(p -> ws.project(p.getName()));
    return projects.flatMap(p -> p.pipelines().list().map(pl -> p.pipeline(pl.getId())));
  }
}
