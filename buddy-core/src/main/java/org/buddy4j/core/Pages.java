package org.buddy4j.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy paging over Buddy's {@code page}/{@code per_page} lists: a page is fetched only when the
 * stream reaches it. The walk ends at an empty page, a short page, or the last page the envelope
 * announces ({@code total_page_count}) — whichever comes first, as Buddy's own SDK does.
 */
public final class Pages {
  private Pages() {}

  /** Fetches page {@code page} (1-based) of {@code perPage} items. */
  @FunctionalInterface
  public interface Fetcher<T> {
    Page<T> fetch(int page, int perPage);
  }

  /** One page: its items and, when the envelope says, how many pages there are. */
  public record Page<T>(List<T> items, Integer totalPages) {
    public Page {
      items = items == null ? List.of() : items;
    }
  }

  /** A lazy stream of every item, {@code perPage} at a time. */
  public static <T> Stream<T> stream(Fetcher<T> fetcher, int perPage) {
    if (perPage < 1) {
      throw new IllegalArgumentException("perPage must be at least 1");
    }
    Iterator<T> it = new Iterator<>() {
      private int page = 0;
      private Iterator<T> current = List.<T>of().iterator();
      private boolean last = false;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !last) {
          Page<T> p = fetcher.fetch(++page, perPage);
          current = p.items().iterator();
          last = p.items().size() < perPage || (p.totalPages() != null && page >= p.totalPages());
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
