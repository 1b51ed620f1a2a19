package org.buddy4j.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values a {@link Redactor} has been told about, and the masking of all of them in a text
 * in one pass ({@link SecretAutomaton}, Aho–Corasick). Nothing is ever dropped: memory grows with the
 * number of distinct values only (about 600 bytes for a 36-character value), and a repeat adds nothing.
 *
 * <p>Why levels: a batch adds one value per run and redacts a few log lines between adds, so one
 * automaton rebuilt on every change would cost O(n²) over n runs. Instead new values wait in a pending
 * list; the next {@link #mask} turns them into a new level, merged with the levels before it while
 * those are not more than twice its size (Bentley–Saxe). Each value is rebuilt O(log n) times in all,
 * and a text is matched against at most log₂(n) + 1 automata. Safe for concurrent use: adds and the
 * rebuild take one lock; masking reads an immutable snapshot.
 */
final class SecretValues {
  private final Object lock = new Object();
  private final Set<String> distinct = new HashSet<>(); // guarded by lock
  private final List<String> pending = new ArrayList<>(); // guarded by lock
  private volatile boolean dirty;
  private volatile List<Level> levels = List.of();
  private long rebuiltValues; // guarded by lock; how many values were put into automata, for tests

  /** One automaton over a fixed list of values. */
  private record Level(List<String> values, SecretAutomaton automaton) {
    static Level of(List<String> values) {
      return new Level(values, new SecretAutomaton(values));
    }
  }

  /** Remembers a value; false when it was known already. */
  boolean add(String value) {
    synchronized (lock) {
      if (!distinct.add(value)) {
        return false;
      }
      pending.add(value);
      dirty = true;
      return true;
    }
  }

  /** How many distinct values are kept. */
  int size() {
    synchronized (lock) {
      return distinct.size();
    }
  }

  /** How many automata a text is matched against now (after folding in pending values). */
  int levels() {
    return current().size();
  }

  /** How many values all rebuilds so far have put into automata (the rebuild work). */
  long rebuiltValues() {
    synchronized (lock) {
      return rebuiltValues;
    }
  }

  /** The text with every occurrence of every value replaced by {@code mask}; overlapping ones become one mask. */
  String mask(String text, String mask) {
    List<Level> now = current();
    if (now.isEmpty() || text == null || text.isEmpty()) {
      return text;
    }
    List<Long> spans = new ArrayList<>();
    for (Level level : now) {
      level.automaton().find(text, spans);
    }
    if (spans.isEmpty()) {
      return text;
    }
    if (now.size() > 1) {
      spans.sort(null); // by start: each level's spans are in order, the levels' are interleaved
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0; // text before this index is written out or masked
    int i = 0;
    while (i < spans.size()) {
      int start = (int) (spans.get(i) >>> 32);
      int end = (int) (long) spans.get(i); // exclusive
      // Merge every span that overlaps this one (from another level), so no part of a longer secret survives.
      while (++i < spans.size() && (int) (spans.get(i) >>> 32) < end) {
        end = Math.max(end, (int) (long) spans.get(i));
      }
      out.append(text, copied, start).append(mask);
      copied = end;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** How many trie nodes all levels hold (about 22 bytes each), for tests and measurements. */
  int states() {
    return current().stream().mapToInt(l -> l.automaton().states()).sum();
  }

  private List<Level> current() {
    if (!dirty) {
      return levels;
    }
    synchronized (lock) {
      if (!dirty) {
        return levels;
      }
      List<Level> next = new ArrayList<>(levels);
      List<String> merged = new ArrayList<>(pending);
      pending.clear();
      while (!next.isEmpty() && next.get(next.size() - 1).values().size() <= 2 * merged.size()) {
        List<String> bigger = new ArrayList<>(next.remove(next.size() - 1).values());
        bigger.addAll(merged);
        merged = bigger;
      }
      next.add(Level.of(List.copyOf(merged)));
      rebuiltValues += merged.size();
      levels = List.copyOf(next);
      dirty = false;
      return levels;
    }
  }
}
