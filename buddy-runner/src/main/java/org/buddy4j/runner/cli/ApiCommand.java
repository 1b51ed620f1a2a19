package org.buddy4j.runner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to Buddy and prints what it got: opens the session, runs, closes it. */
abstract class ApiCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  FormatOption output = new FormatOption();

  @Override
  public final Integer call() {
    BuddyCommand root = BuddyCommand.root(spec);
    try (Session session = root.openSession()) {
      Printer printer = new Printer(root.context.out(), output.format, session.client().redactor());
      return run(session, printer);
    }
  }

  CliContext context() {
    return BuddyCommand.root(spec).context;
  }

  /** The command's work; returns the exit code. */
  abstract int run(Session session, Printer printer);
}
