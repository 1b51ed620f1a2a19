package org.buddy4j.emulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Finds a pipeline's oldest finished runs without walking its whole history: the run-history cap drops
 * the oldest finished runs, and walking from the oldest past thousands of runs still going (a busy
 * pipeline: every run of the last few simulated seconds) cost as much as the whole request once the cap
 * was reached. Runs are filed by what their state machine can do next: finished ones by id; running ones
 * by the instant the clock alone brings them to rest ({@link ExecutionRecord#settlesAt()}: finished, or
 * at a gate), so a run is filed once when it is created and looked at once more when it settles, which
 * under load matters: the queue holds every run of the last few simulated seconds; a run waiting for a PATCH
 * is filed again when one changes it ({@link #recheck}). The files are hints: a run is advanced and its
 * state checked before it is dropped, so a RETRY that reopened it is never lost.
 */
final class RunRetention {
  private final TreeMap<Integer, ExecutionRecord> executions;
  /** Runs finished when last looked at, by id (oldest first). */
  private final TreeMap<Integer, ExecutionRecord> finished = new TreeMap<>();
  /**
   * Runs that may change on the clock, soonest first, by a whole simulated millisecond rounded up (a
   * plain long: comparing instants was most of the queue's cost); a run may be filed twice, the extra
   * entry is skipped. Runs filed in the order they come due (a pipeline's runs are alike, so a newer
   * one settles later) wait in a plain queue, the others in a priority queue: the two are read as one,
   * soonest first.
   */
  private final ArrayDeque<Filed> inOrder = new ArrayDeque<>();
  private final PriorityQueue<Filed> outOfOrder = new PriorityQueue<>(Comparator.comparingLong(Filed::at));

  private record Filed(long at, ExecutionRecord run) {
  }

  RunRetention(TreeMap<Integer, ExecutionRecord> executions) {
    this.executions = executions;
  }

  /** A run a request changed: looked at again at the next drop. */
  void recheck(ExecutionRecord run) {
    enqueue(new Filed(Long.MIN_VALUE, run));
  }

  /**
   * A new run, filed by when it settles as created, without advancing it (its creator still fills it in; a
   * request's {@code delay_until} only makes it settle later: the early entry is looked at and filed again).
   */
  void added(ExecutionRecord run) {
    Instant settles = run.settlesAt();
    enqueue(new Filed(settles == null ? Long.MIN_VALUE : millisUp(settles), run));
  }

  /** Drops the oldest finished runs until at most {@code cap} are kept; a run still going is never dropped. */
  void dropOldestFinished(int cap, Instant now) {
    if (executions.size() <= cap && filed() <= 2 * executions.size() + 64) {
      return; // (the second test bounds the entries that PATCHes file while under the cap)
    }
    long until = millisUp(now);
    for (Filed next = soonest(); next != null && next.at < until; next = soonest()) {
      (next == inOrder.peekFirst() ? inOrder : outOfOrder).poll();
      file(next.run, now);
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
    Instant settles = run.settlesAt();
    if (settles != null) {
      enqueue(new Filed(millisUp(settles), run));
    }
    // else it waits for a PATCH (approval, variables), which files it again.
  }

  private void enqueue(Filed filed) {
    Filed last = inOrder.peekLast();
    if (last == null || last.at <= filed.at) {
      inOrder.addLast(filed);
    } else {
      outOfOrder.add(filed);
    }
  }

  private Filed soonest() {
    Filed a = inOrder.peekFirst();
    Filed b = outOfOrder.peek();
    return a == null ? b : b == null || a.at <= b.at ? a : b;
  }

  private int filed() {
    return inOrder.size() + outOfOrder.size();
  }

  /**
   * {@code t} in whole milliseconds, rounded up. An entry is taken once its milliseconds are below
   * {@code millisUp(now)}, so by then {@code now} is past the instant it was filed for, and advancing the
   * run moves it on (an entry taken early would be filed again at the same place, forever).
   */
  private static long millisUp(Instant t) {
    try {
      long millis = t.toEpochMilli();
      return t.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    } catch (ArithmeticException farAway) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
