package org.buddy4j.insights.unified;

import java.util.List;
import java.util.Optional;

/**
 * One page of a unified list. {@code nextCursor} is an opaque string to pass back for the next page
 * ({@code null} on the last page); {@code totalItems} is set when Buddy's envelope said
 * ({@code total_element_count}).
 */
public record Page<T>(List<T> items, String nextCursor, Integer totalItems) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null;
  }

  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }
}
