package org.buddy4j.emulator;

import java.util.List;

/** Buddy's {@code page} (1-based) and {@code per_page} paging over an in-memory list. */
final class Paging<T> {
  final int page;
  final int perPage;
  final List<T> items;
  final int total;

  private Paging(int page, int perPage, List<T> items, int total) {
    this.page = page;
    this.perPage = perPage;
    this.items = items;
    this.total = total;
  }

  static <T> Paging<T> of(List<T> all, int page, int perPage) {
    int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    return new Paging<>(page, perPage, all.subList(from, to), all.size());
  }

  int totalPages() {
    return (total + perPage - 1) / perPage;
  }
}
