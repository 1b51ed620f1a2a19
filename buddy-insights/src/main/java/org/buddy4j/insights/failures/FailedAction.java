package org.buddy4j.insights.failures;

import java.util.List;

/**
 * One action that failed (or was terminated) in a run, from
 * {@code GET …/executions/{execution_id}/action_executions/{action_execution_id}}, with the last lines
 * of its log ({@code …/logs}). {@code totalLines} is how many lines the log has (when Buddy says,
 * else the number read); {@code tail} the last of them, oldest first.
 */
public record FailedAction(String actionExecutionId, Integer actionId, String actionName, String actionType,
                           String status, String errorMessage, int totalLines, List<String> tail) {
  public FailedAction {
    tail = List.copyOf(tail);
  }
}
