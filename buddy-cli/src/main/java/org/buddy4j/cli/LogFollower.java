package org.buddy4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.generated.model.ActionExecution;

/**
 * Prints a run's logs action by action, as {@code GET …/action_executions/{id}/logs} gives them:
 * each action's lines under a {@code ==> name} heading, following a running action until it ends
 * and then moving on to the next one, until the whole run is over.
 */
final class LogFollower {
  private final PrintStream out;
  private final Duration pause;

  LogFollower(PrintStream out, Duration pause) {
    this.out = out;
    this.pause = pause;
  }

  /** Prints every action's log; with {@code follow}, keeps going until the run is over. Returns the last snapshot. */
  Execution print(Execution run, String onlyAction, boolean follow) {
    Set<String> done = new HashSet<>();
    Execution current = run;
    while (true) {
      boolean progressed = false;
      for (ActionExecution a : current.actionExecutions()) {
        String id = a.getActionExecutionId();
        if (id == null || done.contains(id) || (onlyAction != null && !onlyAction.equals(id)
            && (a.getAction() == null || !onlyAction.equals(String.valueOf(a.getAction().getId()))))) {
          continue;
        }
        if (!started(a)) {
          if (follow) {
            break; // actions run in order: wait for this one to start
          }
          continue;
        }
        String name = a.getAction() != null && a.getAction().getName() != null ? a.getAction().getName() : id;
        out.println("==> " + name + " (" + id + ")");
        Iterator<String> lines = follow ? current.followLogs(id) : current.logs(id).iterator();
        while (lines.hasNext()) {
          out.println(lines.next());
          out.flush();
        }
        done.add(id);
        progressed = true;
      }
      if (!follow || current.isFinished() && !progressed) {
        return current;
      }
      if (!progressed) {
        sleep();
      }
      current = current.refresh();
    }
  }

  private static boolean started(ActionExecution a) {
    String s = a.getStatus();
    return s != null && !ExecutionStatus.ENQUEUED.equals(s) && !ExecutionStatus.INITIAL.equals(s)
        && !"NOT_EXECUTED".equals(s) && !ExecutionStatus.SKIPPED.equals(s);
  }

  private void sleep() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
