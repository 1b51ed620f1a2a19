package org.buddy4j.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One action's run inside an execution
 * ({@code …/executions/{execution_id}/action_executions/{action_execution_id}}): its status, times and
 * the log lines written so far.
 */
final class ActionRun {
  enum Gate { NONE, APPLY, VARIABLES }

  final String id;
  final ActionRecord action;
  final boolean selected;
  final Gate gate;
  String status;
  Instant start;
  Instant finish;
  boolean gateOpened;
  boolean failsNextAttempt;
  String errorMessage;
  Integer approverId;
  Instant approvalDate;
  Integer terminatorId;
  Instant terminationDate;
  /** Log lines a seed's history gave this action; they replace the generated ones. */
  List<String> seededLog;

  ActionRun(String id, ActionRecord action, boolean selected, Gate gate, boolean fails) {
    this.id = id;
    this.action = action;
    this.selected = selected;
    this.gate = gate;
    this.failsNextAttempt = fails;
    this.status = selected ? ExecutionRecord.ENQUEUED : ExecutionRecord.SKIPPED;
  }

  void resetForRetry() {
    status = ExecutionRecord.ENQUEUED;
    start = null;
    finish = null;
    errorMessage = null;
    terminatorId = null;
    terminationDate = null;
  }

  /** Percent done at {@code now}. */
  double progress(Instant now) {
    if (finish != null || ExecutionRecord.SUCCESSFUL.equals(status)) {
      return 100;
    }
    if (start == null || action.durationSeconds <= 0) {
      return 0;
    }
    double done = Duration.between(start, now).toMillis() / (action.durationSeconds * 1000.0);
    return Math.max(0, Math.min(99, Math.floor(done * 100)));
  }

  /** The log lines written by {@code now}: all when finished, a share of them while running. */
  List<String> logLines(Instant now) {
    if (seededLog != null) {
      return new ArrayList<>(seededLog);
    }
    int total = action.logLines;
    int available;
    if (finish != null) {
      available = total;
    } else if (start == null) {
      available = 0;
    } else {
      available = (int) Math.min(total, Math.floor(total * progress(now) / 100.0));
    }
    List<String> lines = new ArrayList<>(available + 1);
    for (int i = 1; i <= available; i++) {
      lines.add(String.format("[%s] %s (%s): step %d of %d", action.name, action.type, id, i, total));
    }
    if (errorMessage != null && finish != null) {
      lines.add("ERROR: " + errorMessage);
    }
    if (terminationDate != null) {
      lines.add("Action terminated by user");
    }
    return lines;
  }
}
