package org.buddy4j.cli;

import java.nio.file.Path;
import org.buddy4j.insights.badge.StatusBadge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buddy badge}: an SVG status badge ({@link StatusBadge}) of the latest run of a pipeline on a
 * branch, found with {@code GET …/pipelines/{pipeline_id}/executions}.
 */
@Command(name = "badge", mixinStandardHelpOptions = true,
    description = {
        "An SVG status badge of a pipeline's latest run on a branch (GET …/pipelines/{pipeline_id}/executions):"
            + " passing, failing, running, cancelled or unknown.",
        "A standalone, well-formed SVG: no scripts, links, images or fonts to fetch."})
final class BadgeCommand extends SessionCommand {
  @Option(names = "--pipeline", required = true, paramLabel = "ID", description = "Pipeline ID.")
  int pipeline;

  @Option(names = "--branch", paramLabel = "NAME", description = "The branch (default: the latest run on any ref).")
  String branch;

  @Option(names = "--label", defaultValue = "build", paramLabel = "TEXT",
      description = "The left half's text (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the SVG to this file instead of stdout.")
  Path output;

  @Override
  void check() {
    if (label.isBlank()) {
      throw new UsageException("--label: give a text for the badge's left half, e.g. build");
    }
    checkWritable(output);
  }

  @Override
  int run(Session session) {
    StatusBadge badge = StatusBadge.latest(
        session.client().workspace(session.workspace(null)).project(session.project(null)).pipeline(pipeline), branch, label);
    String svg = badge.toSvg();
    write(output, svg.endsWith("\n") ? svg : svg + "\n", "badge '" + badge.label() + ": " + badge.state().text() + "'"
        + (badge.latestRun() == null ? " (no run" + (branch == null ? "" : " on " + branch) + ")"
            : " (run #" + badge.latestRun().id() + " on " + badge.latestRun().ref() + ")"));
    return ExitCode.OK;
  }
}
