package org.buddy4j.batch.report;

import org.buddy4j.batch.engine.QuotaGovernor;
import org.buddy4j.batch.engine.RunCounters;

/**
 * Hears how a batch is going: called on the engine's event loop, so it may read the counters and the
 * governor but must not block (print, and return).
 */
public interface ProgressListener {
  /** How often {@link #update} is called, in milliseconds. */
  long intervalMillis();

  /** Every {@link #intervalMillis()} while the batch runs. */
  void update(RunCounters counters, QuotaGovernor governor);

  /** Once, when every run is settled (before the summary). */
  default void finish(RunCounters counters, QuotaGovernor governor) {
    update(counters, governor);
  }
}
