package org.buddy4j.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.buddy4j.core.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code buddy} subcommands, added to the root only when needed. Picocli reflects over every class
 * in a command tree (and the types of their fields and methods), so a tree of all commands loads the
 * batch engine, the DSL and the emulator's classes for a plain {@code workspaces list}. A command line
 * that names a subcommand gets a tree with only that one; anything else (no subcommand, {@code --help},
 * a misspelt name, {@code completion}) gets the whole tree, so help, suggestions and the completion
 * script still see every command.
 */
final class Subcommands {
  /** Top-level names, in the order help lists them. */
  static final List<String> NAMES = List.of("workspaces", "projects", "pipelines", "runs", "integrations",
      "variables", "environments", "targets", "sandboxes", "groups", "members", "permissions", "webhooks", "tokens", "actions",
      "insights", "badge", "batch", "script", "plan", "apply", "export", "emulator", "api", "completion");

  private Subcommands() {}

  /**
   * The class of a top-level command, or null. A switch rather than a map of class literals: only the
   * named class is loaded.
   */
  static Class<?> type(String name) {
    switch (name) {
      case "workspaces": return WorkspacesCommand.class;
      case "projects": return ProjectsCommand.class;
      case "pipelines": return PipelinesCommand.class;
      case "runs": return RunsCommand.class;
      case "integrations": return IntegrationsCommand.class;
      case "insights": return InsightsCommand.class;
      case "badge": return BadgeCommand.class;
      case "batch": return BatchCommand.class;
      case "script": return ScriptCommand.class;
      case "plan": return PlanCommand.class;
      case "apply": return ApplyCommand.class;
      case "export": return ExportCommand.class;
      case "emulator": return EmulatorCommand.class;
      case "api": return RawApiCommand.class;
      case "completion": return CompletionCommand.class;
      // The resource families: one command built from the Family table (FamilyCommand).
      case "variables": case "environments": case "targets": case "sandboxes": case "groups": case "members":
      case "permissions": case "webhooks": case "tokens": case "actions":
        return FamilyCommand.class;
      default: return null;
    }
  }

  /** Adds every subcommand to {@code root}. */
  static void addAll(CommandLine root) {
    for (String name : NAMES) {
      add(root, name);
    }
  }

  /**
   * Adds one, built as its own {@code CommandLine}: picocli applies model transformers (the run flags of
   * {@code runs start}, the batch help's field list) only to a tree built that way, not to a class handed
   * to {@code addSubcommand}.
   */
  private static void add(CommandLine root, String name) {
    Class<?> type = type(name);
    root.addSubcommand(name, type == FamilyCommand.class ? FamilyCommand.commandLine(Family.of(name), root.getFactory())
        : new CommandLine(type, root.getFactory()));
  }

  /**
   * Adds the subcommand {@code args} names (all of them when it names none, or names {@code completion};
   * none for a bare {@code buddy --version}, which prints one line: the whole tree cost it 0.2 s).
   */
  static void addFor(CommandLine root, String[] args) {
    String name = named(root, args);
    if (name == null && args.length > 0 && Arrays.stream(args).allMatch(a -> a.equals("--version") || a.equals("-V"))) {
      return;
    }
    if (name == null || name.equals("completion")) {
      addAll(root);
    } else {
      add(root, name);
    }
  }

  /**
   * The first argument that is a subcommand name and not the value of a root option ({@code -w runs}
   * names a workspace), or null. Stops at {@code --}.
   */
  static String named(CommandLine root, String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (a.startsWith("-")) {
        if (takesSeparateValue(root, a)) {
          i++;
        }
        continue;
      }
      return type(a) != null ? a : null;
    }
    return null;
  }

  /**
   * A command line's first word that names no command where one is expected (at the root, or under a
   * command that has subcommands and takes no parameters of its own), as the usage error to report, or null.
   * Checked before picocli parses: picocli ignores an unmatched word when {@code --help} follows it and
   * prints the help of the command above, exit 0 ({@code buddy plna --help}).
   */
  static CommandLine.ParameterException unknown(CommandLine root, String[] args) {
    CommandLine current = root;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (a.startsWith("-")) {
        if (takesSeparateValue(current, a)) {
          i++;
        }
        continue;
      }
      CommandLine sub = current.getSubcommands().get(a);
      if (sub != null) {
        current = sub;
        continue;
      }
      if (current.getSubcommands().isEmpty() || !current.getCommandSpec().positionalParameters().isEmpty()) {
        return null;
      }
      Set<String> names = current.getSubcommands().keySet();
      // "variables lst" under "buddy variables": named as the user would type it after "buddy".
      String above = current == root ? "" : current.getCommandSpec().qualifiedName().substring(root.getCommandName().length() + 1) + " ";
      String near = Suggestions.nearest(a, names).map(n -> "; did you mean '" + above + n + "'?").orElse("");
      return new CommandLine.ParameterException(current, "unknown command '" + above + a + "'" + near
          + " (choices: " + String.join(", ", names) + ")");
    }
    return null;
  }

  /** Whether {@code arg} is an option of {@code command} whose value is the next argument ({@code -w X}, {@code -vw X}). */
  private static boolean takesSeparateValue(CommandLine command, String arg) {
    if (arg.contains("=")) {
      return false;
    }
    OptionSpec option = command.getCommandSpec().findOption(arg);
    if (option == null && !arg.startsWith("--") && arg.length() > 2) {
      option = command.getCommandSpec().findOption(arg.charAt(arg.length() - 1)); // a cluster: its last letter
    }
    return option != null && option.arity().max() > 0;
  }
}
