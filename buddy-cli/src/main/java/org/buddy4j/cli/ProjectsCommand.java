package org.buddy4j.cli;

import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code buddy projects list|get}: {@code GET /workspaces/{workspace}/projects[/{project_name}]}. */
@Command(name = "projects", mixinStandardHelpOptions = true, description = "List or show projects.",
    subcommands = {ProjectsCommand.List.class, ProjectsCommand.Get.class})
final class ProjectsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The workspace's projects (GET …/projects).")
  static final class List extends ApiCommand {
    @Override
    int run(Session session, Printer printer) {
      var projects = session.client().workspace(session.workspace(null)).projects().list().collect(Collectors.toList());
      printer.list(projects, "name", "display_name", "status", "html_url");
      return ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One project (GET …/projects/{project_name}).")
  static final class Get extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Project handle (default: --project).")
    String name;

    @Override
    int run(Session session, Printer printer) {
      printer.one(session.client().workspace(session.workspace(null)).project(session.project(name)).get(),
          "name", "display_name", "status", "default_branch", "create_date", "html_url");
      return ExitCode.OK;
    }
  }
}
