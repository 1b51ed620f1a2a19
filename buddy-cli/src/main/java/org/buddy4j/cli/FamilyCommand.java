package org.buddy4j.cli;

import java.util.ArrayList;
import java.util.stream.Collectors;
import org.buddy4j.cli.Family.At;
import org.buddy4j.cli.Family.Level;
import org.buddy4j.core.Resources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;

/**
 * {@code buddy <family> list|get|create|update|delete} for every row of {@link Family}: one implementation.
 * Each operation is an annotated class (its output format, {@code --data}, {@code --set}); what differs by
 * family is added through picocli's programmatic API when the family's command is built: the descriptions,
 * the ID parameter and its label, {@code --pipeline} where the family has a pipeline scope, and only the
 * operations Buddy offers. Only the named family's command is built ({@link Subcommands}).
 */
final class FamilyCommand {
  private FamilyCommand() {}

  /** The command of one family, {@code buddy variables …}. */
  static CommandLine commandLine(Family family, CommandLine.IFactory factory) {
    CommandSpec spec = CommandSpec.create().name(family.command).mixinStandardHelpOptions(true);
    spec.usageMessage().description("List, show, create, update and delete " + family.command + ". " + family.scopeHelp());
    CommandLine cli = new CommandLine(spec, factory);
    for (String operation : family.operations()) {
      cli.addSubcommand(operation, operation(family, operation, factory));
    }
    return cli;
  }

  private static CommandLine operation(Family family, String operation, CommandLine.IFactory factory) {
    Op op = switch (operation) {
      case "list" -> new ListOp(family);
      case "get" -> new GetOp(family);
      case "create" -> new CreateOp(family);
      case "update" -> new UpdateOp(family);
      default -> new DeleteOp(family);
    };
    CommandLine cli = new CommandLine(op, factory);
    CommandSpec spec = cli.getCommandSpec();
    spec.usageMessage().description(op.description());
    if (op.takesId()) {
      spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel(family.idLabel()).type(String.class)
          .description("The " + family.noun + "'s ID" + (family.id == Family.Id.NUMBER ? " (a number)." : ".")).build());
    }
    if (family.levels.contains(Level.PIPELINE)) {
      spec.addOption(OptionSpec.builder("--pipeline").type(Integer.class).paramLabel("ID")
          .required(family.levels.size() == 1)
          .description(family.levels.size() == 1 ? "The pipeline (its ID) in -p/--project."
              : "The pipeline's " + family.command + " (its ID) in -p/--project, not the workspace's.")
          .build());
    }
    return cli;
  }

  /** One operation on one family: the scope its flags name, the ID, then the call. */
  abstract static class Op extends ApiCommand {
    final Family family;
    Level level;
    Object id;

    Op(Family family) {
      this.family = family;
    }

    abstract String description();

    boolean takesId() {
      return true;
    }

    @Override
    void check() {
      GlobalOptions flags = BuddyCommand.root(spec).global;
      OptionSpec pipelineOption = spec.findOption("--pipeline");
      Integer pipeline = pipelineOption == null ? null : pipelineOption.getValue();
      level = level(flags.project != null, pipeline);
      if (takesId()) {
        id = id(spec.positionalParameters().get(0).getValue());
      }
    }

    /** The scope: a pipeline's with {@code --pipeline}, a project's with {@code -p} (not from BUDDY_PROJECT), else the workspace's. */
    private Level level(boolean projectFlag, Integer pipeline) {
      if (family.levels.contains(Level.USER)) {
        if (projectFlag) {
          throw new UsageException("buddy " + family.command + ": " + family.command + " belong to the token's user;"
              + " -p/--project does not apply");
        }
        return Level.USER;
      }
      if (pipeline != null) {
        if (pipeline < 1) {
          throw new UsageException("--pipeline: a pipeline ID is a positive number");
        }
        return Level.PIPELINE;
      }
      if (projectFlag && family.levels.contains(Level.PROJECT)) {
        return Level.PROJECT;
      }
      if (projectFlag) {
        throw new UsageException("buddy " + family.command + ": " + family.command + " belong to the workspace;"
            + " -p/--project does not apply");
      }
      return Level.WORKSPACE;
    }

    private Object id(String given) {
      if (family.id == Family.Id.HANDLE) {
        requireHandle(family.idLabel(), given);
        return given;
      }
      try {
        int n = Integer.parseInt(given);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException notANumber) {
        // said below
      }
      throw new UsageException("buddy " + family.command + ": " + family.idLabel() + " is a positive number, not '"
          + given + "'");
    }

    @Override
    final int run(Session session, Printer printer) {
      At at = new At(session.client(), level, level == Level.USER ? null : session.workspace(null),
          level == Level.PROJECT || level == Level.PIPELINE ? session.project(null) : null,
          level == Level.PIPELINE ? spec.findOption("--pipeline").<Integer>getValue() : null);
      @SuppressWarnings("unchecked")
      Resources<Object, Object, Object, Object> resources = (Resources<Object, Object, Object, Object>) family.reach.apply(at);
      try {
        return run(resources, printer);
      } catch (UnsupportedOperationException e) {
        throw new UsageException("buddy " + family.command + ": " + e.getMessage());
      }
    }

    abstract int run(Resources<Object, Object, Object, Object> resources, Printer printer);
  }

  /** An operation that sends a body: {@code --data} and {@code --set}, read and checked before anything is sent. */
  abstract static class WriteOp extends Op {
    @Option(names = {"-d", "--data"}, paramLabel = "JSON|@FILE", description = "The fields as a JSON object, or @file to read it from.")
    String data;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
        description = {"A field (a.b for a nested one); lists split at commas, a value starting with [ or { is JSON;"
            + " over --data (repeatable)."})
    java.util.List<String> sets = new ArrayList<>();

    Object body;

    WriteOp(Family family) {
      super(family);
    }

    abstract Class<?> bodyType();

    @Override
    void check() {
      super.check();
      body = RequestBodies.body(data, sets, bodyType(), family.noun);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true)
  static final class ListOp extends Op {
    ListOp(Family family) {
      super(family);
    }

    @Override
    String description() {
      return "Every " + family.noun + " (GET). " + family.scopeHelp();
    }

    @Override
    boolean takesId() {
      return false;
    }

    @Override
    int run(Resources<Object, Object, Object, Object> resources, Printer printer) {
      printer.list(resources.list().collect(Collectors.toList()), family.columns.toArray(String[]::new));
      return ExitCode.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true)
  static final class GetOp extends Op {
    GetOp(Family family) {
      super(family);
    }

    @Override
    String description() {
      return "One " + family.noun + " by its ID (GET …/{id}).";
    }

    @Override
    int run(Resources<Object, Object, Object, Object> resources, Printer printer) {
      printer.one(resources.get(id), family.fields.toArray(String[]::new));
      return ExitCode.OK;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true)
  static final class CreateOp extends WriteOp {
    CreateOp(Family family) {
      super(family);
    }

    @Override
    String description() {
      return "Create " + RequestBodies.article(family.noun) + " (POST) from --data and/or --set; prints what Buddy made."
          + (family == Family.TOKENS ? " Its value is printed this once: Buddy never shows it again." : "");
    }

    @Override
    boolean takesId() {
      return false;
    }

    @Override
    Class<?> bodyType() {
      return family.createBody.apply(level);
    }

    @Override
    void check() {
      super.check();
      if (family == Family.SANDBOXES && level == Level.WORKSPACE) {
        throw new UsageException("buddy sandboxes create: a sandbox belongs to a project: pass -p/--project NAME");
      }
    }

    @Override
    int run(Resources<Object, Object, Object, Object> resources, Printer printer) {
      Object created = resources.create(body);
      if (family == Family.TOKENS) {
        printer.oneRevealing(created, "token", family.fields.toArray(String[]::new));
        context().err().println("buddy: the token's value is shown this once (Buddy never returns it again): keep it now");
      } else {
        printer.one(created, family.fields.toArray(String[]::new));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true)
  static final class UpdateOp extends WriteOp {
    UpdateOp(Family family) {
      super(family);
    }

    @Override
    String description() {
      return "Change " + RequestBodies.article(family.noun) + "'s fields (PATCH …/{id}) from --data and/or --set;"
          + " fields not given are left as they are.";
    }

    @Override
    Class<?> bodyType() {
      return family.updateBody.apply(level);
    }

    @Override
    int run(Resources<Object, Object, Object, Object> resources, Printer printer) {
      printer.one(resources.update(id, body), family.fields.toArray(String[]::new));
      return ExitCode.OK;
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true)
  static final class DeleteOp extends Op {
    DeleteOp(Family family) {
      super(family);
    }

    @Override
    String description() {
      return "Delete " + RequestBodies.article(family.noun) + " by its ID (DELETE …/{id}); asks nothing.";
    }

    @Override
    int run(Resources<Object, Object, Object, Object> resources, Printer printer) {
      resources.delete(id);
      context().err().println("Deleted " + family.noun + " " + id);
      return ExitCode.OK;
    }
  }
}
