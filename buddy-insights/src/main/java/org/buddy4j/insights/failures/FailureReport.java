package org.buddy4j.insights.failures;

import java.util.List;
import org.buddy4j.insights.unified.Job;

/**
 * Why a run failed: its failed (or terminated) actions with their error messages and log tails, read
 * from {@code GET …/executions/{execution_id}} and each action's {@code …/logs}. {@link #toText()} is
 * what a terminal shows.
 */
public record FailureReport(Job run, List<FailedAction> failedActions, int tailLines) {
  public FailureReport {
    failedActions = List.copyOf(failedActions);
  }

  /** Whether any action failed or was terminated. */
  public boolean hasFailures() {
    return !failedActions.isEmpty();
  }

  public String toText() {
    StringBuilder t = new StringBuilder();
    t.append(run.workflowName()).append(" #").append(run.id()).append(" (").append(run.workspace()).append('/')
        .append(run.repo()).append('/').append(run.workflowId()).append("): ").append(run.buddyStatus())
        .append(" on ").append(run.ref()).append(" at ").append(run.shortRevision());
    if (run.triggeredBy() != null) {
      t.append(", triggered by ").append(run.triggeredBy());
    }
    t.append('\n');
    if (failedActions.isEmpty()) {
      return t.append(run.conclusion() == null ? "The run has not finished; no action has failed so far.\n"
          : "No action failed or was terminated in this run.\n").toString();
    }
    for (FailedAction a : failedActions) {
      t.append('\n').append(a.status()).append(": ").append(a.actionName());
      if (a.actionType() != null) {
        t.append(" [").append(a.actionType()).append(']');
      }
      t.append('\n');
      if (a.errorMessage() != null && !a.errorMessage().isBlank()) {
        t.append("  error: ").append(a.errorMessage()).append('\n');
      }
      if (a.tail().isEmpty()) {
        t.append("  (empty log)\n");
        continue;
      }
      int first = a.totalLines() - a.tail().size() + 1;
      t.append("  last ").append(a.tail().size()).append(" of ").append(a.totalLines()).append(" log lines:\n");
      int width = String.valueOf(a.totalLines()).length();
      for (int i = 0; i < a.tail().size(); i++) {
        t.append(String.format("  %" + width + "d | %s%n", first + i, a.tail().get(i)));
      }
    }
    return t.toString();
  }
}
