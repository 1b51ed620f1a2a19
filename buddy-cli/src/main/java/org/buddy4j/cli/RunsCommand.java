package org.buddy4j.cli;

import java.time.Duration;
import java.util.stream.Collectors;
import org.buddy4j.core.Execution;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buddy runs …}: a pipeline's executions,
 * {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions[/{execution_id}]}.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Start, watch and manage pipeline runs.",
    subcommands = {RunsCommand.Start.class, RunsCommand.Status.class, RunsCommand.ListRuns.class,
        RunsCommand.Cancel.class, RunsCommand.Retry.class, RunsCommand.Approve.class, RunsCommand.Logs.class,
        RunsWhyCommand.class, RunsRollbackCommand.class, RunsExportCommand.class})
final class RunsCommand {
  static final String[] FIELDS = {"id", "status", "branch.name", "tag.name", "pull_request.name", "to_revision.revision",
      "comment", "priority", "start_date", "finish_date", "html_url"};

  /** Pipeline ID plus the common waiting options. */
  abstract static class RunCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline ID.")
    int pipeline;

    PipelineClient pipeline(Session session) {
      return session.client().workspace(session.workspace(null)).project(session.project(null)).pipeline(pipeline);
    }

    /** Prints the run; exit 1 when it is over and not successful. */
    int show(Printer printer, Execution run) {
      printer.one(run.data(), FIELDS);
      return run.isFinished() && !run.isSuccessful() ? ExitCode.FAILED : ExitCode.OK;
    }
  }

  /** A run's ID after the pipeline. */
  abstract static class OneRun extends RunCommand {
    @Parameters(index = "1", paramLabel = "RUN", description = "Execution ID.")
    int run;
  }

  static final class WaitOptions {
    @Option(names = "--wait", description = "Wait until the run is over (exit 1 if it did not succeed).")
    boolean waitForIt;

    @Option(names = "--timeout", defaultValue = "60m", converter = DurationConverter.class, paramLabel = "DURATION",
        description = "Longest wait (default: ${DEFAULT-VALUE}).")
    Duration timeout;
  }

  /** The run's fields are flags from core's run-request catalogue ({@link RunFlags}). */
  @Command(name = "start", mixinStandardHelpOptions = true, modelTransformer = RunFlags.class,
      description = "Start a run (POST …/pipelines/{pipeline_id}/executions).")
  static final class Start extends RunCommand {
    @Option(names = "--follow", description = "Print each action's log as it runs, until the run is over.")
    boolean follow;

    @ArgGroup(exclusive = false)
    WaitOptions wait = new WaitOptions();

    @Override
    int run(Session session, Printer printer) {
      RunOptions o = RunFlags.apply(spec, RunOptions.defaults());
      Execution run = pipeline(session).run(o);
      if (printer.text()) {
        context().err().println("Started run #" + run.id() + " of pipeline " + pipeline + " (" + run.status() + ")");
      }
      if (follow) {
        run = new LogFollower(context().out(), Duration.ofMillis(500)).print(run, null, true);
      } else if (wait.waitForIt) {
        run = run.waitUntilFinished(wait.timeout);
      }
      return (follow || wait.waitForIt) ? show(printer, run) : showStarted(printer, run);
    }

    @Override
    void check() {
      RunFlags.apply(spec, RunOptions.defaults());
    }

    private int showStarted(Printer printer, Execution run) {
      printer.one(run.data(), FIELDS);
      return ExitCode.OK;
    }
  }

  /**
   * A command on one run that may then wait for it to end: the action, an optional {@code --wait},
   * and the run printed (exit 1 when it is over and not successful).
   */
  abstract static class WaitableRun extends OneRun {
    @ArgGroup(exclusive = false)
    WaitOptions wait = new WaitOptions();

    /** What to do to the run (it has just been read). */
    abstract Execution act(Execution current);

    @Override
    final int run(Session session, Printer printer) {
      Execution e = act(pipeline(session).execution(run));
      return report(printer, wait.waitForIt ? e.waitUntilFinished(wait.timeout) : e);
    }

    int report(Printer printer, Execution e) {
      return show(printer, e);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "A run's state (GET …/executions/{execution_id}).")
  static final class Status extends WaitableRun {
    @Override
    Execution act(Execution current) {
      return current;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Recent runs, newest first (GET …/executions).")
  static final class ListRuns extends RunCommand {
    @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    int run(Session session, Printer printer) {
      var runs = pipeline(session).executions(Math.min(100, Math.max(1, limit))).limit(limit)
          .map(Execution::data).collect(Collectors.toList());
      printer.list(runs, "id", "status", "branch.name", "comment", "start_date", "finish_date");
      return ExitCode.OK;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a run (PATCH …/executions/{execution_id}, CANCEL).")
  static final class Cancel extends WaitableRun {
    @Override
    Execution act(Execution current) {
      return current.cancel();
    }

    @Override
    int report(Printer printer, Execution e) {
      printer.one(e.data(), FIELDS);
      return ExitCode.OK; // TERMINATED is what was asked for
    }
  }

  @Command(name = "retry", mixinStandardHelpOptions = true, description = "Run a failed run again (PATCH …, RETRY).")
  static final class Retry extends WaitableRun {
    @Override
    Execution act(Execution current) {
      return current.retry();
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a run waiting for approval (PATCH …, APPLY).")
  static final class Approve extends WaitableRun {
    @Override
    Execution act(Execution current) {
      return current.approve();
    }
  }

  @Command(name = "logs", mixinStandardHelpOptions = true,
      description = "A run's logs, action by action (GET …/action_executions/{id}/logs).")
  static final class Logs extends OneRun {
    @Option(names = "--action", paramLabel = "ID", description = "Only this action (action ID or action execution ID).")
    String action;

    @Option(names = {"-f", "--follow"}, description = "Keep printing as the run goes, until it is over.")
    boolean follow;

    @Override
    int run(Session session, Printer printer) {
      Execution e = new LogFollower(context().out(), Duration.ofMillis(500))
          .print(pipeline(session).execution(run), action, follow);
      if (follow && printer.text()) {
        context().err().println("Run #" + e.id() + " " + e.status());
      }
      return follow && e.isFinished() && !e.isSuccessful() ? ExitCode.FAILED : ExitCode.OK;
    }
  }
}
