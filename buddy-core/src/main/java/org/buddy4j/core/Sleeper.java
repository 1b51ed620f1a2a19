package org.buddy4j.core;

import java.time.Duration;

/**
 * How the client pauses between polls ({@code waitUntilFinished}, {@code waitUntil}, log following).
 * The real one sleeps; a test passes one that advances a simulated clock instead, so a wait's verdict
 * never depends on how fast the machine is.
 */
@FunctionalInterface
public interface Sleeper {
  /** Pauses for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** {@link Thread#sleep}. */
  static Sleeper system() {
    return d -> Thread.sleep(Math.max(1, d.toMillis()));
  }
}
