package org.buddy4j.core;

import java.time.Duration;
import org.buddy4j.core.errors.BuddyException;

/** Capped backoff for polling: each pause is half again as long as the last, up to a maximum. */
final class Poller {
  private Duration next;
  private final Duration max;
  private final Sleeper sleeper;

  Poller(Duration initial, Duration max, Sleeper sleeper) {
    this.next = initial;
    this.max = max;
    this.sleeper = sleeper;
  }

  /** Sleeps the next interval (never past {@code atMost}) and grows the interval. */
  void sleep(Duration atMost) {
    Duration d = next.compareTo(atMost) < 0 ? next : atMost;
    Duration grown = next.plus(next.dividedBy(2));
    next = grown.compareTo(max) > 0 ? max : grown;
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuddyException("interrupted while polling", e);
    }
  }

  /** Back to the first interval (something changed). */
  void reset(Duration initial) {
    next = initial;
  }
}
