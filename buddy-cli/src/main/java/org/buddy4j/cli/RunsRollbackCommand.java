package org.buddy4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.core.Execution;
import org.buddy4j.core.rollback.RollbackPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buddy runs rollback PIPELINE}: runs the pipeline again at the revision of its last successful
 * run before the current one ({@link RollbackPlan}: {@code GET …/executions}, then one
 * {@code POST …/executions}); {@code --dry-run} shows the plan and sends nothing.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = {
        "Run the pipeline at the revision of its last successful run before the current one"
            + " (GET …/executions, then POST …/executions).",
        "The current run is the newest finished one; the target is the newest successful run before it,"
            + " on the same branch, at another revision. Exit 1 if there is none."})
final class RunsRollbackCommand extends RunsCommand.RunCommand {
  @Option(names = "--dry-run", description = "Show the current run, the target run and the revision; start nothing.")
  boolean dryRun;

  @ArgGroup(exclusive = false)
  RunsCommand.WaitOptions wait = new RunsCommand.WaitOptions();

  @Override
  int run(Session session, Printer printer) {
    RollbackPlan plan = RollbackPlan.of(pipeline(session));
    if (dryRun) {
      if (printer.text()) {
        context().out().println(plan);
        context().out().println("(dry run: nothing was started)");
        context().out().flush();
      } else {
        printer.one(describe(plan), "revision");
      }
      return ExitCode.OK;
    }
    Execution run = plan.execute();
    if (printer.text()) {
      context().err().println("Started run #" + run.id() + " of pipeline " + pipeline + ": " + plan.comment());
    }
    if (wait.waitForIt) {
      return show(printer, run.waitUntilFinished(wait.timeout));
    }
    printer.one(run.data(), RunsCommand.FIELDS);
    return ExitCode.OK;
  }

  private static Map<String, Object> describe(RollbackPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("current_run", plan.current().id());
    m.put("current_status", plan.current().status());
    m.put("current_revision", plan.current().revision().orElse(null));
    m.put("target_run", plan.target().id());
    m.put("revision", plan.revision());
    m.put("branch", plan.branch());
    m.put("comment", plan.comment());
    m.put("runs_in_progress", plan.runsInProgress());
    return m;
  }
}
