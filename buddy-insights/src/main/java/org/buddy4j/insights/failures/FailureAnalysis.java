package org.buddy4j.insights.failures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ActionExecutionLogs;
import org.buddy4j.insights.unified.Job;

/**
 * Failure analysis of one run: which actions FAILED (or were TERMINATED), their
 * {@code error_message} ({@code GET …/action_executions/{action_execution_id}}) and the last lines of
 * their logs ({@code GET …/action_executions/{action_execution_id}/logs?offset&limit}). The tail is read
 * with at most two requests: the first page tells {@code total_element_count}, the second starts at
 * {@code total − tail}; without a count the whole log is streamed and only its tail kept.
 *
 * <pre>{@code
 * Execution run = client.workspace("acme").project("web").pipeline(4).execution(17);
 * System.out.print(FailureAnalysis.of(client, run, 30).toText());
 * }</pre>
 */
public final class FailureAnalysis {
  /** The most lines one log request returns (Buddy's maximum {@code limit}). */
  public static final int MAX_TAIL = 1000;

  private FailureAnalysis() {}

  /** The failed actions of {@code execution} with the last {@code tailLines} (1–1000) lines of each log. */
  public static FailureReport of(BuddyClient client, Execution execution, int tailLines) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(execution, "execution");
    if (tailLines < 1 || tailLines > MAX_TAIL) {
      throw new IllegalArgumentException("tail must be 1 to " + MAX_TAIL + " lines, not " + tailLines);
    }
    Execution run = execution.actionExecutions().isEmpty() ? execution.refresh() : execution;
    List<FailedAction> failed = new ArrayList<>();
    for (ActionExecution a : run.actionExecutions()) {
      if (!ExecutionStatus.FAILED.equals(a.getStatus()) && !ExecutionStatus.TERMINATED.equals(a.getStatus())) {
        continue;
      }
      String id = a.getActionExecutionId();
      if (id == null) {
        continue;
      }
      ActionExecution details = a.getErrorMessage() != null ? a : run.actionExecution(id);
      Tail tail = tail(client, run, id, tailLines);
      var action = details.getAction() != null ? details.getAction() : a.getAction();
      failed.add(new FailedAction(id, action == null ? null : action.getId(),
          action == null || action.getName() == null ? id : action.getName(), action == null ? null : action.getType(),
          a.getStatus(), details.getErrorMessage(), tail.total, tail.lines));
    }
    return new FailureReport(Job.of(run), failed, tailLines);
  }

  private record Tail(int total, List<String> lines) {}

  private static Tail tail(BuddyClient client, Execution run, String actionExecutionId, int n) {
    ActionExecutionLogs first = run.logPage(actionExecutionId, 0, n);
    List<String> lines = first.getLogs() == null ? List.of() : first.getLogs();
    Integer total = first.getTotalElementCount();
    if (total == null) {
      Deque<String> last = new ArrayDeque<>(n + 1);
      int count = 0;
      try (Stream<String> all = run.logs(actionExecutionId)) {
        for (String line : (Iterable<String>) all::iterator) {
          last.addLast(line);
          count++;
          if (last.size() > n) {
            last.removeFirst();
          }
        }
      }
      return new Tail(count, new ArrayList<>(last));
    }
    if (total <= lines.size()) {
      List<String> kept = lines.size() > n ? lines.subList(lines.size() - n, lines.size()) : lines;
      return new Tail(Math.max(total, lines.size()), kept);
    }
    ActionExecutionLogs end = run.logPage(actionExecutionId, Math.max(0, total - n), n);
    return new Tail(total, end.getLogs() == null ? List.of() : end.getLogs());
  }
}
