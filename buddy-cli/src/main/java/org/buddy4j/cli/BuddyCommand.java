package org.buddy4j.cli;

import org.buddy4j.core.LogLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code buddy}: the root command; every subcommand reaches the shared options and context through it.
 * Its subcommands are added by {@link Subcommands} (all of them, or only the one a command line names).
 */
@Command(name = "buddy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "The Buddy.works command line: everyday commands, Groovy scripts, and batches of runs.",
        "",
        "Configuration: BUDDY_TOKEN, BUDDY_API_ENDPOINT, BUDDY_WORKSPACE, BUDDY_PROJECT (or the flags below).",
        "With no token and no endpoint, commands run against an embedded Buddy emulator."},
    footer = {"", "Exit codes: 0 ok, 1 failed, 2 bad usage or input (nothing sent), 3 batch outcome unknown,",
        "4 plan: changes pending (batch: a run started twice)."})
public final class BuddyCommand implements Runnable {
  final CliContext context;

  @Mixin
  GlobalOptions global = new GlobalOptions();

  @Spec
  CommandSpec spec;

  public BuddyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  /** The root command object of any command in the tree. */
  static BuddyCommand root(CommandSpec spec) {
    return (BuddyCommand) spec.root().userObject();
  }

  Session.Settings settings() {
    return Session.Settings.resolve(context, global);
  }

  Session openSession() {
    if (global.logLevel() != LogLevel.NONE) {
      Verbosity.enableHttpLogging();
    }
    return Session.open(context, settings(), false);
  }
}
