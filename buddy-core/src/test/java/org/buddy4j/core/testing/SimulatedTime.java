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
 * A clock that stands still until the client sleeps, and a sleeper that moves it instead of waiting:
 * give both to {@code BuddyClient.builder().clock(t).sleeper(t)} and a test sees exactly how long the
 * client chose to wait, in no time, however busy the machine is.
 */
public final class SimulatedTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new ArrayList<>();

  public SimulatedTime(Instant start) {
    this.now = start;
  }

  /** Starting at the real time now, shifted by {@code offset} (a client whose clock is off). */
  public static SimulatedTime startingNow(Duration offset) {
    return new SimulatedTime(Instant.now().plus(offset));
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  /** Every pause the client took, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** All pauses added up. */
  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
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
    throw new UnsupportedOperationException("UTC only");
  }
}
