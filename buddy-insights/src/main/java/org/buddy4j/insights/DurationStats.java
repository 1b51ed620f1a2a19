package org.buddy4j.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How many durations, their mean and their 90th percentile (nearest rank: the value at position
 * {@code ceil(0.9 × n)} of the sorted list, so with 10 values the 9th smallest). {@code mean} and
 * {@code p90} are {@code null} when there are none. The mean is rounded to the millisecond.
 */
public record DurationStats(int count, Duration mean, Duration p90) {
  public static final DurationStats NONE = new DurationStats(0, null, null);

  public static DurationStats of(List<Duration> values) {
    if (values.isEmpty()) {
      return NONE;
    }
    List<Duration> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    long totalMillis = 0;
    for (Duration d : sorted) {
      totalMillis += d.toMillis();
    }
    int rank = (int) Math.ceil(0.9 * sorted.size());
    return new DurationStats(sorted.size(), Duration.ofMillis(Math.round((double) totalMillis / sorted.size())),
        sorted.get(rank - 1));
  }
}
