package org.buddy4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.dsl.DslException;
import org.buddy4j.batch.file.BatchFileException;
import org.buddy4j.batch.journal.JournalException;
import picocli.CommandLine;

/**
 * Builds and runs the {@code buddy} command line. Mistakes a user can fix (bad options, a bad batch
 * line, a script error) print one clear message and exit 2; Buddy's refusals print its message and
 * exit 1; no stack trace unless {@code BUDDY_DEBUG} is set.
 */
public final class BuddyCli {
  private BuddyCli() {}

  /** Runs {@code buddy args…} and returns the exit code. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    CliContext ctx = new CliContext(env, out, err);
    CommandLine cli = new CommandLine(new BuddyCommand(ctx));
    Subcommands.addFor(cli, args);
    configure(cli, ctx);
    CommandLine.ParameterException unknown = Subcommands.unknown(cli, args);
    if (unknown != null) {
      return new ParameterErrors().handleParseException(unknown, args);
    }
    return cli.execute(args);
  }

  /** The whole command tree (also used to generate the shell completion script). */
  public static CommandLine commandLine(CliContext ctx) {
    CommandLine cli = new CommandLine(new BuddyCommand(ctx));
    Subcommands.addAll(cli);
    return configure(cli, ctx);
  }

  /** Streams and handlers; after the subcommands are added, as picocli applies these to the tree it has. */
  private static CommandLine configure(CommandLine cli, CliContext ctx) {
    cli.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli would read any "@name" argument as a file of more arguments: "buddy api … --data @body.json"
    // must reach the command as written (and a file's text must never come back as "unmatched arguments").
    cli.setExpandAtFiles(false);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintStream errOut = ctx.err();
      if (ctx.env("BUDDY_DEBUG") != null) {
        e.printStackTrace(errOut);
      }
      if (e instanceof UsageException || e instanceof BatchFileException || e instanceof DslException
          || e instanceof JournalException) {
        errOut.println(e.getMessage());
        return ExitCode.USAGE;
      }
      if (e instanceof BuddyException) {
        errOut.println("buddy: " + e.getMessage());
        return ExitCode.FAILED;
      }
      errOut.println("buddy: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return ExitCode.FAILED;
    });
    cli.setParameterExceptionHandler(new ParameterErrors());
    return cli;
  }
}
