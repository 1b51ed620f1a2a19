package org.buddy4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.generated.model.Integration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buddy integrations …}: {@code /workspaces/{workspace}/integrations[/{hash_id}]}. Secrets are never printed. */
@Command(name = "integrations", mixinStandardHelpOptions = true, description = "List, show, create and delete integrations.",
    subcommands = {IntegrationsCommand.List.class, IntegrationsCommand.Get.class, IntegrationsCommand.Create.class,
        IntegrationsCommand.Delete.class})
final class IntegrationsCommand {
  static final String[] FIELDS = {"hash_id", "name", "type", "identifier", "scope", "project_name", "auth_type",
      "all_pipelines_allowed", "html_url"};

  /** The integrations of the session's workspace. */
  static IntegrationsClient integrations(Session session) {
    return session.client().workspace(session.workspace(null)).integrations();
  }

  /** A subcommand about one integration, named by its {@code HASH_ID}. */
  abstract static class OneIntegration extends ApiCommand {
    @Parameters(index = "0", paramLabel = "HASH_ID")
    String hashId;

    @Override
    void check() {
      requireHandle("HASH_ID", hashId);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The workspace's integrations (GET …/integrations).")
  static final class List extends ApiCommand {
    @Override
    int run(Session session, Printer printer) {
      printer.list(integrations(session).list(),
          "hash_id", "name", "type", "scope", "auth_type");
      return ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "One integration (GET …/integrations/{hash_id}).")
  static final class Get extends OneIntegration {
    @Override
    int run(Session session, Printer printer) {
      printer.one(integrations(session).get(hashId), FIELDS);
      return ExitCode.OK;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create an integration (POST …/integrations), checked against the integration catalog first.",
          "Example: buddy integrations create --type DIGITAL_OCEAN --name do --set token=$DO_TOKEN"})
  static final class Create extends ApiCommand {
    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "e.g. AMAZON, GIT_HUB, DIGITAL_OCEAN.")
    String type;

    @Option(names = "--name", required = true, paramLabel = "NAME")
    String name;

    @Option(names = "--scope", defaultValue = "WORKSPACE", paramLabel = "SCOPE",
        description = "WORKSPACE, PROJECT, ADMIN… (default: ${DEFAULT-VALUE}).")
    String scope;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
        description = "Any other field of the type, e.g. --set auth_type=TOKEN --set token=… (repeatable).")
    java.util.List<String> fields = new java.util.ArrayList<>();

    @Override
    void check() {
      ParameterErrors.keyValues("--set", fields);
    }

    @Override
    int run(Session session, Printer printer) {
      Map<String, Object> body = new LinkedHashMap<>(ParameterErrors.keyValues("--set", fields));
      body.put("type", type);
      body.put("name", name);
      body.put("scope", scope);
      Integration integration = RequestBodies.convert(BuddyJson.mapper().valueToTree(body), Integration.class, "--set");
      Integration created;
      try {
        created = integrations(session).create(integration);
      } catch (IllegalArgumentException e) {
        throw new UsageException(session.client().redactor().scrub(e.getMessage()));
      }
      printer.one(created, FIELDS);
      return ExitCode.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an integration (DELETE …/integrations/{hash_id}).")
  static final class Delete extends OneIntegration {
    @Override
    int run(Session session, Printer printer) {
      integrations(session).delete(hashId);
      context().err().println("Deleted integration " + hashId);
      return ExitCode.OK;
    }
  }
}
