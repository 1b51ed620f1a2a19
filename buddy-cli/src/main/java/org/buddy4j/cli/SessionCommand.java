package org.buddy4j.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to Buddy and writes a document of its own (a report, a badge, events) rather
 * than Buddy's models: checks its options, opens the session, runs, closes it.
 */
abstract class SessionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    check();
    try (Session session = BuddyCommand.root(spec).openSession()) {
      return run(session);
    }
  }

  /** Checks the options before anything is sent; throws {@link UsageException} on a mistake. */
  void check() {}

  /** The command's work; returns the exit code. */
  abstract int run(Session session);

  CliContext context() {
    return BuddyCommand.root(spec).context;
  }

  /** A usage error (before anything is sent) when {@code file} cannot be written: no such directory, or a directory. */
  static void checkWritable(Path file) {
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("--output: there is no directory " + parent);
    }
    if (Files.isDirectory(file)) {
      throw new UsageException("--output: " + file + " is a directory; give a file name");
    }
  }

  /** Writes {@code content} to {@code file}, or to stdout when there is none; says what was written on stderr. */
  void write(Path file, String content, String what) {
    if (file == null) {
      context().out().print(content);
      context().out().flush();
      return;
    }
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("--output: cannot write " + file + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    context().err().println("Wrote " + what + " to " + file);
    context().err().flush();
  }
}
