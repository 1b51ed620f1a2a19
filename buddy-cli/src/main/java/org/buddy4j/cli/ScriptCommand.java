package org.buddy4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.buddy4j.dsl.BuddyScripts;
import org.buddy4j.dsl.DslProblem;
import org.buddy4j.dsl.ScriptFailedException;
import org.buddy4j.dsl.ScriptOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buddy script FILE.groovy}: runs a buddy-dsl script. The whole script is checked first (syntax,
 * every word, every value); a mistake is one {@code file:line: message} and nothing is sent. Check, dry
 * run and run all execute inside the DSL's script boundary (an allowlist, lifted only by {@code --trusted})
 * with a CPU budget ({@code --timeout}).
 */
@Command(name = "script", mixinStandardHelpOptions = true,
    description = {"Run a Buddy Groovy script (see examples/*.groovy).",
        "The script is checked in full before its first request; --dry-run prints the requests instead of sending them."})
final class ScriptCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.groovy")
  Path file;

  @Option(names = "--dry-run", description = "Print every request the script would send; send none.")
  boolean dryRun;

  @Option(names = "--check", description = "Only check the script (exit 0 when it is fine, 2 with its mistakes).")
  boolean check;

  @Mixin
  ScriptFlags flags = new ScriptFlags();

  @Override
  public Integer call() {
    BuddyCommand root = BuddyCommand.root(spec);
    CliContext ctx = root.context;
    InputFiles.requireFile(file, "script");
    ScriptOptions options = flags.options(root);
    if (check) {
      List<DslProblem> problems = BuddyScripts.check(file, options);
      problems.forEach(p -> ctx.err().println(p));
      if (problems.isEmpty()) {
        ctx.err().println(file + ": ok");
      }
      return problems.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
    }
    if (dryRun) {
      BuddyScripts.dryRun(file, options).print(ctx.out());
      return ExitCode.OK;
    }
    try (Session session = root.openSession()) {
      BuddyScripts.run(file, session.client(), options);
      return ExitCode.OK;
    } catch (ScriptFailedException e) {
      String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
      ctx.err().println(e.getMessage() + (e.getMessage().contains(cause) ? "" : cause));
      return ExitCode.FAILED;
    }
  }
}
