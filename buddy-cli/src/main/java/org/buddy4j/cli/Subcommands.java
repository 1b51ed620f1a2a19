package org.buddy4j.cli;

import java.util.List;
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
  static final List<String> NAMES = List.of("workspaces", "projects", "pipelines", "runs", "integrations", "insights",
      "badge", "batch", "script", "plan", "apply", "export", "emulator", "api", "completion");

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
    root.addSubcommand(name, new CommandLine(type(name), root.getFactory()));
  }

  /** Adds the subcommand {@code args} names (all of them when it names none, or names {@code completion}). */
  static void addFor(CommandLine root, String[] args) {
    String name = named(root, args);
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

  /** Whether {@code arg} is a root option whose value is the next argument ({@code -w X}, {@code -vw X}). */
  private static boolean takesSeparateValue(CommandLine root, String arg) {
    if (arg.contains("=")) {
      return false;
    }
    OptionSpec option = root.getCommandSpec().findOption(arg);
    if (option == null && !arg.startsWith("--") && arg.length() > 2) {
      option = root.getCommandSpec().findOption(arg.charAt(arg.length() - 1)); // a cluster: its last letter
    }
    return option != null && option.arity().max() > 0;
  }
}
