package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time window {@code [from, to)}: a run belongs to it when its {@code start_date} does. */
public record TimeWindow(Instant from, Instant to) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the window must start before it ends: " + from + " … " + to);
    }
  }

  /** The {@code length} up to {@code end}. */
  public static TimeWindow endingAt(Instant end, Duration length) {
    return new TimeWindow(end.minus(length), end);
  }

  public boolean contains(Instant t) {
    return t != null && !t.isBefore(from) && t.isBefore(to);
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
