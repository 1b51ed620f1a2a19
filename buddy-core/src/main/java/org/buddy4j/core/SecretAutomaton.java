package org.buddy4j.core;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable Aho–Corasick automaton over a fixed set of distinct strings, in flat arrays: it finds,
 * in one pass over a text, every place where any of them occurs.
 *
 * <p>Why hand-written: the libraries measured here did not fit a runner that must run thousands of
 * secrets in a small heap. {@code org.ahocorasick:ahocorasick} 0.6.3 keeps a HashMap per trie node (about
 * 4.3 KB per 36-character value: 21 MB for 5,000 values); {@code com.hankcs:aho-corasick-double-array-trie}
 * 1.2.3 is compact but took 5.4 s to build over 5,000 values. This one stores about 22 bytes per trie
 * node (children as sorted runs of parallel arrays) and builds in linear time after a sort.
 */
final class SecretAutomaton {
  private final int[] childStart; // children of state s: edges childStart[s] until childStart[s + 1]
  private final char[] edgeChar; // sorted within each state's run
  private final int[] edgeTarget;
  private final int[] fail;
  private final int[] length; // length of the value that ends at a state, 0 if none
  private final int[] longestEnding; // the state (this or down its fail chain) whose value is longest, or -1

  /** Builds the automaton over {@code values} (distinct, non-empty). */
  SecretAutomaton(List<String> values) {
    String[] sorted = values.toArray(String[]::new);
    Arrays.sort(sorted);
    // 1. The trie, from the sorted values: each value shares its prefix with the one before.
    int total = 1;
    for (String v : sorted) {
      total += v.length();
    }
    int[] parent = new int[total];
    char[] via = new char[total];
    int[] len = new int[total];
    int states = 1;
    int[] path = new int[64];
    String previous = "";
    for (String v : sorted) {
      int common = 0;
      while (common < v.length() && common < previous.length() && v.charAt(common) == previous.charAt(common)) {
        common++;
      }
      if (path.length < v.length() + 1) {
        path = Arrays.copyOf(path, Math.max(v.length() + 1, path.length * 2));
      }
      for (int d = common; d < v.length(); d++) {
        parent[states] = path[d];
        via[states] = v.charAt(d);
        path[d + 1] = states++;
      }
      len[path[v.length()]] = v.length();
      previous = v;
    }
    // 2. Children as runs: states were created in sorted order, so each run is sorted by character.
    childStart = new int[states + 1];
    for (int s = 1; s < states; s++) {
      childStart[parent[s] + 1]++;
    }
    for (int s = 0; s < states; s++) {
      childStart[s + 1] += childStart[s];
    }
    edgeChar = new char[states - 1];
    edgeTarget = new int[states - 1];
    int[] fill = Arrays.copyOf(childStart, states);
    for (int s = 1; s < states; s++) {
      int e = fill[parent[s]]++;
      edgeChar[e] = via[s];
      edgeTarget[e] = s;
    }
    // 3. Failure links and the longest value ending at each state, breadth first.
    fail = new int[states];
    length = Arrays.copyOf(len, states);
    longestEnding = new int[states];
    longestEnding[0] = -1;
    int[] queue = new int[states];
    int head = 0;
    int tail = 0;
    for (int e = childStart[0]; e < childStart[1]; e++) {
      queue[tail++] = edgeTarget[e];
    }
    while (head < tail) {
      int s = queue[head++];
      if (parent[s] != 0) {
        int f = fail[parent[s]];
        int next;
        while ((next = child(f, via[s])) < 0 && f != 0) {
          f = fail[f];
        }
        fail[s] = next < 0 ? 0 : next;
      }
      longestEnding[s] = length[s] > 0 ? s : longestEnding[fail[s]];
      for (int e = childStart[s]; e < childStart[s + 1]; e++) {
        queue[tail++] = edgeTarget[e];
      }
    }
  }

  private int child(int state, char c) {
    int lo = childStart[state];
    int hi = childStart[state + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      char m = edgeChar[mid];
      if (m < c) {
        lo = mid + 1;
      } else if (m > c) {
        hi = mid - 1;
      } else {
        return edgeTarget[mid];
      }
    }
    return -1;
  }

  /**
   * Adds to {@code spans} the places in {@code text} covered by the values, as {@code start << 32 | end}
   * (end exclusive), overlapping ones merged.
   */
  void find(CharSequence text, List<Long> spans) {
    int state = 0;
    int from = spans.size();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int next;
      while ((next = child(state, c)) < 0 && state != 0) {
        state = fail[state];
      }
      state = next < 0 ? 0 : next;
      int hit = longestEnding[state];
      if (hit >= 0) {
        // The longest value ending here covers every shorter one that ends here too.
        int start = i + 1 - length[hit];
        int end = i + 1;
        // Ends only grow, so an earlier span overlaps this one only if it ends after this one starts.
        while (spans.size() > from && (int) (long) spans.get(spans.size() - 1) > start) {
          start = Math.min(start, (int) (spans.remove(spans.size() - 1) >>> 32));
        }
        spans.add(((long) start << 32) | end);
      }
    }
  }

  /** How many trie nodes it has (the memory it takes is about 22 bytes each). */
  int states() {
    return fail.length;
  }
}
