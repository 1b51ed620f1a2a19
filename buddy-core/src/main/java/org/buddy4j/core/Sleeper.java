package org.buddy4j.core;

import java.time.Duration;

/**
 * How a {@link BuddyClient} pauses: between polls of {@code waitUntilFinished} and log following, before
 * a rate-limit reset, and in retry backoff. The default sleeps the calling thread. Tests pass one that
 * moves a simulated {@link java.time.Clock} (given with {@link BuddyClient.Builder#clock}) instead, so
 * what they check about waiting does not depend on how fast the machine is.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps the calling thread. */
  Sleeper THREAD = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

  /** Pauses for {@code duration} (positive). */
  void sleep(Duration duration) throws InterruptedException;
}
