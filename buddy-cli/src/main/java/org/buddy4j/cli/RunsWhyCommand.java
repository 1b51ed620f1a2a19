package org.buddy4j.cli;

import org.buddy4j.core.Execution;
import org.buddy4j.insights.failures.FailureAnalysis;
import org.buddy4j.insights.failures.FailureReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buddy runs why PIPELINE RUN}: the failed (or terminated) actions of a run with their error
 * messages and the tail of their logs ({@link FailureAnalysis}: {@code GET …/executions/{execution_id}},
 * {@code GET …/action_executions/{action_execution_id}[/logs]}).
 */
@Command(name = "why", mixinStandardHelpOptions = true,
    description = "Why a run failed: its failed or terminated actions, their error messages and the last lines of"
        + " their logs (GET …/executions/{execution_id}, …/action_executions/{id}/logs).")
final class RunsWhyCommand extends SessionCommand {
  @Parameters(index = "0", paramLabel = "PIPELINE", description = "Pipeline ID.")
  int pipeline;

  @Parameters(index = "1", paramLabel = "RUN", description = "Execution ID.")
  int run;

  @Option(names = {"-n", "--tail"}, defaultValue = "30", paramLabel = "N",
      description = "Log lines per failed action, 1 to " + FailureAnalysis.MAX_TAIL + " (default: ${DEFAULT-VALUE}).")
  int tail;

  @Override
  void check() {
    if (tail < 1 || tail > FailureAnalysis.MAX_TAIL) {
      throw new UsageException("--tail: " + tail + " is not between 1 and " + FailureAnalysis.MAX_TAIL);
    }
  }

  @Override
  int run(Session session) {
    Execution execution = session.client().workspace(session.workspace(null)).project(session.project(null))
        .pipeline(pipeline).execution(run);
    FailureReport report = FailureAnalysis.of(session.client(), execution, tail);
    context().out().print(session.client().redactor().scrub(report.toText()));
    context().out().flush();
    return ExitCode.OK;
  }
}
