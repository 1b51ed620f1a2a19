package org.buddy4j.cli;

import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code buddy pipelines list|get}: {@code GET …/projects/{project_name}/pipelines[/{pipeline_id}]}. */
@Command(name = "pipelines", mixinStandardHelpOptions = true, description = "List or show pipelines.",
    subcommands = {PipelinesCommand.List.class, PipelinesCommand.Get.class})
final class PipelinesCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The project's pipelines (GET …/pipelines).")
  static final class List extends ApiCommand {
    @Override
    int run(Session session, Printer printer) {
      var pipelines = session.client().workspace(session.workspace(null)).project(session.project(null))
          .pipelines().list().collect(Collectors.toList());
      printer.list(pipelines, "id", "name", "on", "refs", "last_execution_status");
      return ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One pipeline (GET …/pipelines/{pipeline_id}).")
  static final class Get extends ApiCommand {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline ID.")
    int pipeline;

    @Override
    int run(Session session, Printer printer) {
      printer.one(session.client().workspace(session.workspace(null)).project(session.project(null)).pipeline(pipeline).get(),
          "id", "name", "on", "refs", "priority", "last_execution_status", "last_execution_revision", "html_url");
      return ExitCode.OK;
    }
  }
}
