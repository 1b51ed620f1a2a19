package org.buddy4j.batch.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one run of a batch is in its life. Only the pump ({@link BatchEngine}) moves a run, and only
 * along these edges: a run is (re)sent only from {@link #NEW} or {@link #NOT_APPLIED}, and it reaches
 * {@code NOT_APPLIED} only once the journal says why — so no path starts a run whose last POST may
 * have been applied.
 */
enum RunState {
  /** Read from the batch file (or the journal, on resume); nothing done with it yet in this session. */
  NEW,
  /** The start step: the pipeline's baseline, the run's turn, its intent forced to the journal, the POST. */
  STARTING,
  /** Proven not started (refused, never sent, or listed absent after its window); may be sent again. */
  NOT_APPLIED,
  /** Its POST may or may not have been applied: its marker is being looked for. */
  RECONCILING,
  /** Started in Buddy; polled until it is over. */
  WATCHING,
  /** Its outcome is recorded; only a duplicate watch may still look at its marker. */
  SETTLED;

  private Set<RunState> next;

  static {
    NEW.next = EnumSet.of(STARTING, RECONCILING, WATCHING, SETTLED);
    STARTING.next = EnumSet.of(WATCHING, RECONCILING, NOT_APPLIED, SETTLED);
    NOT_APPLIED.next = EnumSet.of(STARTING, SETTLED);
    RECONCILING.next = EnumSet.of(WATCHING, NOT_APPLIED, SETTLED);
    WATCHING.next = EnumSet.of(SETTLED);
    SETTLED.next = EnumSet.noneOf(RunState.class);
  }

  /** Whether a run in this state may move to {@code to}. */
  boolean canMoveTo(RunState to) {
    return next.contains(to);
  }
}
