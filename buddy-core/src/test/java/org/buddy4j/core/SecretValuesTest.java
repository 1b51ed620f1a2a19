package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cost of keeping many secrets, counted (not timed): adds interleaved with redactions rebuild each
 * value O(log n) times, not once per add, and a text is matched against few automata.
 */
class SecretValuesTest {
  @Test
  void interleavedAddsAndMasksRebuildEachValueLogarithmicallyOften() {
    SecretValues values = new SecretValues();
    int n = 5_000;
    int maxLevels = 0;
    for (int i = 0; i < n; i++) {
      values.add("FAKE-SECRET-" + i + "-value");
      assertEquals("run ***", values.mask("run FAKE-SECRET-" + i + "-value", "***"));
      maxLevels = Math.max(maxLevels, values.levels());
    }
    int log2 = 32 - Integer.numberOfLeadingZeros(n); // 13 for 5,000
    long rebuilt = values.rebuiltValues();
    // One automaton rebuilt per add would put n(n+1)/2 = 12.5 million values into automata.
    assertTrue(rebuilt <= (long) n * (log2 + 1), "values put into automata: " + rebuilt);
    assertTrue(maxLevels <= log2 + 1, "automata per text: " + maxLevels);
    assertEquals(n, values.size());
  }

  @Test
  void aRepeatChangesNothing() {
    SecretValues values = new SecretValues();
    assertTrue(values.add("FAKE-SECRET-repeated"));
    values.mask("x", "***");
    long rebuilt = values.rebuiltValues();
    for (int i = 0; i < 100; i++) {
      assertEquals(false, values.add("FAKE-SECRET-repeated"));
      values.mask("x", "***");
    }
    assertEquals(1, values.size());
    assertEquals(rebuilt, values.rebuiltValues(), "a known value triggers no rebuild");
  }

  @Test
  void masksExactlyWhatANaiveSearchFinds() {
    // Random values over a tiny alphabet overlap, nest and repeat in every way; compare with indexOf.
    Random random = new Random(11);
    for (int round = 0; round < 300; round++) {
      SecretValues values = new SecretValues();
      List<String> known = new ArrayList<>();
      int count = 1 + random.nextInt(12);
      for (int i = 0; i < count; i++) {
        String v = randomText(random, 1 + random.nextInt(6));
        if (values.add(v)) {
          known.add(v);
        }
        if (random.nextBoolean()) {
          values.mask("x", "#"); // fold into a new level now and then, so several levels take part
        }
      }
      String text = randomText(random, random.nextInt(60));
      assertEquals(naiveMask(text, known), values.mask(text, "#"), "values " + known + " in " + text);
    }
  }

  @Test
  void memoryIsAboutTheTrieNodesOfTheDistinctValues() {
    SecretValues values = new SecretValues();
    for (int i = 0; i < 5_000; i++) {
      values.add(String.format("FAKE-SECRET-%05d-%08x-FAKE-TAIL", i, i * 0x5eed)); // 36 characters
      values.mask("x", "***");
    }
    // A trie node per character at most, less what values share: within a level, the common "FAKE-SECRET-"
    // is stored once, so at most 12 nodes plus 24 per value per level (and a root per level).
    int levels = values.levels();
    assertTrue(values.states() <= levels * 13 + 5_000 * 24, "trie nodes: " + values.states() + " in " + levels + " levels");
  }

  private static String randomText(Random random, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append("abc".charAt(random.nextInt(3)));
    }
    return sb.toString();
  }

  /** Every character covered by some occurrence of some value, masked; each maximal overlapping run once. */
  private static String naiveMask(String text, List<String> values) {
    int[] coverEnd = new int[text.length()];
    java.util.Arrays.fill(coverEnd, -1);
    for (String v : values) {
      for (int at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) {
        coverEnd[at] = Math.max(coverEnd[at], at + v.length());
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (coverEnd[i] < 0) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = coverEnd[i];
      for (int j = i + 1; j < end; j++) {
        end = Math.max(end, coverEnd[j]);
      }
      out.append('#');
      i = end;
    }
    return out.toString();
  }
}
