package org.buddy4j.cli;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.buddy4j.core.provision.ApplyReport;
import org.buddy4j.core.provision.Change;
import org.buddy4j.core.provision.Plan;
import org.buddy4j.core.provision.PlanText;
import org.buddy4j.core.provision.Provisioner;
import org.buddy4j.dsl.ScriptFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buddy apply FILE.groovy}: makes Buddy match the script's declarations, then runs its imperative
 * statements (runs, rollbacks, waits). The plan is shown first and, on a terminal, confirmed; without a
 * terminal only {@code --yes} applies it. Changes are applied in dependency order, one request each, and
 * printed as each is done; the first failure stops the apply and says what was applied and what was not.
 * Re-running converges: what was created is found by its natural key, never created twice.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Apply a script's declarations (the plan 'buddy plan' shows), then run its statements (runs, waits).",
        "Asks before changing anything on a terminal; elsewhere needs --yes."},
    footer = {"", "Exit codes: 0 applied (or nothing to change) and the statements succeeded, 1 Buddy refused or failed"
        + " (what was and was not applied is listed; re-run to converge), 2 a mistake in the script or the command, or"
        + " changes pending without a terminal and without --yes (nothing sent but reads)."})
final class ApplyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.groovy")
  Path file;

  @Option(names = {"-y", "--yes"}, description = "Apply without asking (needed when standard input is not a terminal).")
  boolean yes;

  @Mixin
  ProvisionFlags provision = new ProvisionFlags();

  @Mixin
  ScriptFlags flags = new ScriptFlags();

  @Override
  public Integer call() {
    BuddyCommand root = BuddyCommand.root(spec);
    PrintStream out = root.context.out();
    ScriptPlan checked = ScriptPlan.check(file, flags.options(root), provision);
    try (Session session = root.openSession()) {
      Provisioner provisioner = checked.provisioner(session.client());
      Plan plan = checked.plan(provisioner);
      out.print(PlanText.text(plan));
      out.flush();
      List<Change> pending = plan.pending();
      if (!pending.isEmpty()) {
        if (!confirmed(pending.size())) {
          out.println("Apply cancelled: nothing was changed.");
          return ExitCode.FAILED;
        }
        ApplyReport report = provisioner.apply(plan, change -> {
          out.println("applied: " + change.action().name().toLowerCase(Locale.ROOT) + " " + change.address());
          out.flush();
        });
        if (!report.succeeded()) {
          failed(report, root.context.err());
          return ExitCode.FAILED;
        }
        out.println("Applied " + report.applied().size() + " change" + (report.applied().size() == 1 ? "" : "s")
            + "; state file " + checked.stateFile + ".");
      }
      try {
        checked.script.run(session.client(), checked.options);
      } catch (ScriptFailedException e) {
        String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
        root.context.err().println(e.getMessage() + (e.getMessage().contains(cause) ? "" : cause));
        return ExitCode.FAILED;
      }
      return ExitCode.OK;
    }
  }

  /**
   * Whether to go on: {@code --yes}, or "y" typed on the terminal. Without a terminal (a pipe, CI) there is
   * nobody to ask, and changing Buddy unasked is not a default: a usage error, nothing applied.
   */
  private boolean confirmed(int changes) {
    if (yes) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException("apply: " + changes + " change" + (changes == 1 ? "" : "s")
          + " pending and standard input is not a terminal, so nobody can confirm them: nothing applied;"
          + " pass --yes to apply without asking");
    }
    String answer = console.readLine("Apply %d change%s? [y/N] ", changes, changes == 1 ? "" : "s");
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }

  /** What was applied (a re-run finds it again), what was not, and the failure: core's rendering of the report. */
  private static void failed(ApplyReport report, PrintStream err) {
    err.print(PlanText.text(report));
    err.println("buddy: apply stopped at the first failure; run 'buddy apply' again to converge: what was applied is"
        + " found by its key, not created again.");
    err.flush();
  }
}
