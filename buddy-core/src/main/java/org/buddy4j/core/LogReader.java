package org.buddy4j.core;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ActionExecutionLogs;

/**
 * Reads an action execution's log through {@code GET …/action_executions/{id}/logs?offset&limit},
 * page by page up to {@code total_element_count} (or an empty page); when following, keeps polling
 * while the action runs and ends once it has finished and every line has been read.
 */
final class LogReader implements Iterator<String> {
  private static final int LIMIT = 1000;

  private final Execution execution;
  private final String actionExecutionId;
  private final boolean follow;
  private final Deque<String> buffered = new ArrayDeque<>();
  private final Poller poller;
  private final Duration pollInitial;
  private int offset;
  private Integer total; // total_element_count of the latest page, when Buddy sent it
  private boolean done;

  LogReader(Execution execution, String actionExecutionId, boolean follow) {
    this.execution = execution;
    this.actionExecutionId = actionExecutionId;
    this.follow = follow;
    this.pollInitial = execution.pipeline().context().pollInitial();
    this.poller = execution.pipeline().context().poller();
  }

  @Override
  public boolean hasNext() {
    while (buffered.isEmpty() && !done) {
      if (!follow && total != null && offset >= total) {
        done = true; // every line Buddy counted has been read
        break;
      }
      if (readPage() > 0) {
        poller.reset(pollInitial);
        continue;
      }
      if (!follow) {
        done = true; // an empty page: no more lines so far
      } else if (actionFinished()) {
        // One last read: lines written between the empty page and the status check.
        if (readPage() == 0) {
          done = true;
        }
      } else {
        poller.sleep(Duration.ofDays(1));
      }
    }
    return !buffered.isEmpty();
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffered.poll();
  }

  private int readPage() {
    ActionExecutionLogs page = execution.logPage(actionExecutionId, offset, LIMIT);
    List<String> lines = page.getLogs() == null ? List.of() : page.getLogs();
    buffered.addAll(lines);
    offset += lines.size();
    total = page.getTotalElementCount();
    return lines.size();
  }

  private boolean actionFinished() {
    ActionExecution action = execution.actionExecution(actionExecutionId);
    return ExecutionStatus.isFinished(action.getStatus(), action.getFinishDate() != null);
  }
}
