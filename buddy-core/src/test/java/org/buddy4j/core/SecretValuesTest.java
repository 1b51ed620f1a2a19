package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
