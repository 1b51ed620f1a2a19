package org.buddy4j.emulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Finds a pipeline's oldest finished runs without walking its whole history: the run-history cap drops
 * the oldest finished runs, and walking from the oldest past thousands of runs still going (a busy
 * pipeline: every run of the last few simulated seconds) cost as much as the whole request once the cap
 * was reached. Runs are filed by what their state machine can do next: finished ones by id; running ones
 * by the instant their state can next change on the clock ({@link ExecutionRecord#nextChange()}); a run
 * waiting for a PATCH is filed again when one changes it ({@link #recheck}). The files are hints: a run
 * is advanced and its state checked before it is dropped, so a RETRY that reopened it is never lost.
 */
final class RunRetention {
  private final TreeMap<Integer, ExecutionRecord> executions;
  /** Runs finished when last looked at, by id (oldest first). */
  private final TreeMap<Integer, ExecutionRecord> finished = new TreeMap<>();
  /** Runs that may change on the clock, soonest first; a run may be filed twice, the extra entry is skipped. */
  private final PriorityQueue<Filed> running = new PriorityQueue<>(Comparator.comparing((Filed f) -> f.at));

  private record Filed(Instant at, ExecutionRecord run) {
  }

  RunRetention(TreeMap<Integer, ExecutionRecord> executions) {
    this.executions = executions;
  }

  /** A new run, or one a request changed: looked at again at the next drop. */
  void recheck(ExecutionRecord run) {
    running.add(new Filed(Instant.MIN, run));
  }

  /** Drops the oldest finished runs until at most {@code cap} are kept; a run still going is never dropped. */
  void dropOldestFinished(int cap, Instant now) {
    if (executions.size() <= cap && running.size() <= 2 * executions.size() + 64) {
      return; // (the second test bounds the entries that PATCHes file while under the cap)
    }
    while (!running.isEmpty() && !running.peek().at.isAfter(now)) {
      file(running.poll().run, now);
    }
    while (executions.size() > cap && !finished.isEmpty()) {
      ExecutionRecord oldest = finished.pollFirstEntry().getValue();
      if (executions.get(oldest.id) != oldest) {
        continue;
      }
      oldest.advance(now);
      if (oldest.finished()) {
        executions.remove(oldest.id);
      } else {
        file(oldest, now);
      }
    }
  }

  private void file(ExecutionRecord run, Instant now) {
    if (executions.get(run.id) != run) {
      return;
    }
    run.advance(now);
    if (run.finished()) {
      finished.put(run.id, run);
      return;
    }
    finished.remove(run.id);
    Instant next = run.nextChange();
    if (next != null) {
      running.add(new Filed(next, run));
    }
    // else it waits for a PATCH (approval, variables), which files it again.
  }
}
