package org.buddy4j.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.Sleeper;

/**
 * A clock that moves only when the client sleeps on it: waits and deadlines run in no real time and
 * end the same way on any machine. Remembers every pause it was asked for.
 */
public final class SimulatedTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> pauses = new ArrayList<>();

  public SimulatedTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    pauses.add(duration);
    now = now.plus(duration);
  }

  /** Every pause so far, in order. */
  public synchronized List<Duration> pauses() {
    return List.copyOf(pauses);
  }

  /** All pauses added up. */
  public synchronized Duration slept() {
    return pauses.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
