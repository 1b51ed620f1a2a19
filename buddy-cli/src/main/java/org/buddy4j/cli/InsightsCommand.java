package org.buddy4j.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.buddy4j.insights.DeliveryInsights;
import org.buddy4j.insights.Insights;
import org.buddy4j.insights.InsightsHtmlReport;
import org.buddy4j.insights.InsightsJson;
import org.buddy4j.insights.InsightsScope;
import org.buddy4j.insights.InsightsText;
import org.buddy4j.insights.TimeWindow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buddy insights}: delivery insights ({@link DeliveryInsights}) of a pipeline, a project or a
 * workspace over a time window, read from {@code GET …/projects}, {@code GET …/pipelines} and each
 * pipeline's {@code GET …/pipelines/{pipeline_id}/executions}; printed as text or JSON, or written as
 * one self-contained HTML report with inline SVG charts.
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
    description = {
        "Delivery insights over a time window: runs and outcomes, failure rate, duration (mean, p90), time to deploy,"
            + " queue time, MTTR, per branch, per day, and the timeline (GET …/pipelines/{pipeline_id}/executions).",
        "Scope: --pipeline ID (of the project), the project (-p/--project or $BUDDY_PROJECT), or --workspace-wide.",
        "The HTML report is one self-contained file with inline SVG charts: no scripts, nothing fetched."})
final class InsightsCommand extends SessionCommand {
  /** What the insights are printed as. */
  enum Format { TEXT, JSON, HTML }

  static final class Scope {
    @Option(names = "--pipeline", paramLabel = "ID", description = "Only this pipeline of the project.")
    Integer pipeline;

    @Option(names = "--workspace-wide", description = "Every pipeline of every project of the workspace.")
    boolean workspaceWide;
  }

  @ArgGroup(exclusive = true)
  Scope scope;

  @Option(names = "--since", defaultValue = "30d", converter = TimePoint.Converter.class, paramLabel = "WHEN",
      description = "Start of the window: how long ago (30d, 12h, 90m, 2w) or a UTC date or time"
          + " (2026-03-01, 2026-03-01T08:00:00Z) (default: ${DEFAULT-VALUE}).")
  TimePoint since;

  @Option(names = "--until", converter = TimePoint.Converter.class, paramLabel = "WHEN",
      description = "End of the window (exclusive), in the same forms (default: now).")
  TimePoint until;

  @Option(names = {"-o", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of stdout.")
  Path output;

  private TimeWindow window;

  @Override
  void check() {
    if (scope != null && scope.workspaceWide && BuddyCommand.root(spec).global.project != null) {
      throw new UsageException("--workspace-wide covers every project: leave out --project");
    }
    window = TimePoint.window(since, until, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    checkWritable(output);
  }

  @Override
  int run(Session session) {
    String workspace = session.workspace(null);
    InsightsScope what;
    if (scope != null && scope.workspaceWide) {
      what = InsightsScope.workspace(workspace);
    } else {
      String project;
      try {
        project = session.project(null);
      } catch (UsageException e) {
        throw new UsageException("no project: pass --project NAME (or set BUDDY_PROJECT), or --workspace-wide");
      }
      what = scope != null && scope.pipeline != null ? InsightsScope.pipeline(workspace, project, scope.pipeline)
          : InsightsScope.project(workspace, project);
    }
    Insights insights = DeliveryInsights.collect(session.client(), what, window);
    String doc = switch (format) {
      case TEXT -> InsightsText.render(insights);
      case JSON -> InsightsJson.render(insights) + "\n";
      case HTML -> InsightsHtmlReport.render(insights);
    };
    write(output, doc, (format == Format.HTML ? "the HTML insights report of " : "the insights ("
        + format.name().toLowerCase(java.util.Locale.ROOT) + ") of ") + what.label()
        + " (" + insights.outcomes().total() + " runs, " + window.from() + " – " + window.to() + ")");
    return ExitCode.OK;
  }
}
