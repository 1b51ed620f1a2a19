package org.buddy4j.cli;

import java.util.concurrent.Callable;
import org.buddy4j.core.Handles;
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
    check();
    BuddyCommand root = BuddyCommand.root(spec);
    try (Session session = root.openSession()) {
      Printer printer = new Printer(root.context.out(), output.format, session.client().redactor());
      return run(session, printer);
    }
  }

  /** Checks the arguments before anything starts or is sent; throws {@link UsageException} on a mistake. */
  void check() {}

  /** A usage error when {@code value} is not a URL handle ({@link Handles}). */
  static void requireHandle(String what, String value) {
    String problem = Handles.problem(what, value);
    if (problem != null) {
      throw new UsageException(problem);
    }
  }

  CliContext context() {
    return BuddyCommand.root(spec).context;
  }

  /** The command's work; returns the exit code. */
  abstract int run(Session session, Printer printer);
}
