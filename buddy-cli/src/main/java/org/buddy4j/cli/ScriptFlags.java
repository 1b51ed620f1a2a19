package org.buddy4j.cli;

import java.time.Duration;
import org.buddy4j.dsl.ScriptOptions;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs a DSL script ({@code script}, {@code plan}, {@code apply}): the
 * script boundary's CPU budget and {@code --trusted}; and the one place a command's settings become the
 * script's {@link ScriptOptions} (environment, output, default workspace and project).
 */
final class ScriptFlags {
  @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
      description = {"The most CPU time the script's own code may use in each of its check and run (default: ${DEFAULT-VALUE}).",
          "Waiting for Buddy costs none; a script that computes longer is stopped (exit 2)."})
  Duration timeout;

  @Option(names = "--trusted", description = {"Lift the script boundary's allowlist (off by default): only for a local "
      + "script you wrote.", "The DSL's words, the time limit and the token rule still apply."})
  boolean trusted;

  /** The script's options for this command line; a usage error for a timeout that is not positive. */
  ScriptOptions options(BuddyCommand root) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new UsageException("--timeout: expected a positive duration, e.g. 30s or 2m, got " + timeout);
    }
    CliContext ctx = root.context;
    Session.Settings settings = root.settings();
    ScriptOptions options = ScriptOptions.defaults().environment(ctx.env()).out(ctx.out())
        .cpuLimit(timeout).trusted(trusted);
    if (settings.effectiveWorkspace() != null) {
      options.workspace(settings.effectiveWorkspace());
    }
    if (settings.effectiveProject() != null) {
      options.project(settings.effectiveProject());
    }
    return options;
  }
}
