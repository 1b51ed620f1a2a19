package org.buddy4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code buddy workspaces list|get}: {@code GET /workspaces} and {@code GET /workspaces/{workspace}}. */
@Command(name = "workspaces", mixinStandardHelpOptions = true, description = "List or show workspaces.",
    subcommands = {WorkspacesCommand.List.class, WorkspacesCommand.Get.class})
final class WorkspacesCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The workspaces the token can reach (GET /workspaces).")
  static final class List extends ApiCommand {
    @Override
    int run(Session session, Printer printer) {
      printer.list(session.client().workspaces().list().toList(), "domain", "name", "id", "html_url");
      return ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One workspace (GET /workspaces/{workspace}).")
  static final class Get extends ApiCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DOMAIN", description = "Workspace handle (default: --workspace).")
    String domain;

    @Override
    int run(Session session, Printer printer) {
      printer.one(session.client().workspace(session.workspace(domain)).get(),
          "domain", "name", "id", "owner_id", "frozen", "create_date", "html_url");
      return ExitCode.OK;
    }
  }
}
