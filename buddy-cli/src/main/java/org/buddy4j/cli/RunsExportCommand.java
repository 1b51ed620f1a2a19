package org.buddy4j.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.buddy4j.insights.DeliveryInsights;
import org.buddy4j.insights.TimeWindow;
import org.buddy4j.insights.unified.CdEventsExport;
import org.buddy4j.insights.unified.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buddy runs export PIPELINE}: a pipeline's runs ({@code GET …/pipelines/{pipeline_id}/executions})
 * as CDEvents in CloudEvents 1.0 JSON, one event per line ({@link CdEventsExport}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
        "Export a pipeline's runs (GET …/executions) as CDEvents: one CloudEvents 1.0 JSON event per line, oldest"
            + " run first (pipelinerun queued/started/finished, taskrun started/finished for each action).",
        "Event ids are stable: exporting a run twice gives the same events."})
final class RunsExportCommand extends SessionCommand {
  /** What the runs are exported as. */
  enum Format { CDEVENTS }

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline ID.")
  int pipeline;

  @Option(names = "--since", converter = TimePoint.Converter.class, paramLabel = "WHEN",
      description = "Only runs started since: how long ago (30d, 12h, 90m, 2w) or a UTC date or time"
          + " (2026-03-01, 2026-03-01T08:00:00Z) (default: every run).")
  TimePoint since;

  @Option(names = "--until", converter = TimePoint.Converter.class, paramLabel = "WHEN",
      description = "Only runs started before this, in the same forms (default: now).")
  TimePoint until;

  @Option(names = {"-o", "--format"}, defaultValue = "cdevents", paramLabel = "FORMAT",
      description = "cdevents (default: ${DEFAULT-VALUE}).")
  Format format = Format.CDEVENTS;

  private TimeWindow window;

  @Override
  void check() {
    window = TimePoint.window(since, until, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  int run(Session session) {
    List<Job> runs = new ArrayList<>(DeliveryInsights.runsIn(
        session.client().workspace(session.workspace(null)).project(session.project(null)).pipeline(pipeline), window));
    Collections.reverse(runs); // oldest first
    CdEventsExport export = CdEventsExport.create();
    int events = 0;
    for (Job run : runs) {
      var lines = export.events(run);
      for (var event : lines) {
        context().out().println(CdEventsExport.toJson(event));
      }
      events += lines.size();
    }
    context().out().flush();
    context().err().println("Exported " + events + " CDEvents of " + runs.size() + " run(s) of pipeline " + pipeline);
    return ExitCode.OK;
  }
}
