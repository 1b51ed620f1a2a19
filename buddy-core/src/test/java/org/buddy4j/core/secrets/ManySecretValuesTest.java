package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.Redactor;
import org.junit.jupiter.api.Test;

/** The Redactor keeps masking every secret value it was given, however many, with memory that repeats do not grow. */
class ManySecretValuesTest {
  private static String secret(int i) {
    return String.format("FAKE-SECRET-%05d-x", i);
  }

  @Test
  void everyOneOfManyThousandValuesIsMaskedInFreeText() {
    Redactor redactor = Redactor.standard();
    int n = 5_000;
    // Interleaved like a batch: one value per run, a few redactions between adds.
    for (int i = 0; i < n; i++) {
      redactor.addSecret(secret(i));
      String line = "run " + i + " failed: variable DB_PASSWORD=" + secret(i) + " rejected";
      assertEquals("run " + i + " failed: variable DB_PASSWORD=*** rejected", redactor.scrub(line));
    }
    assertEquals(n, redactor.knownSecretCount());
    // Later, every one of them still is masked, the first and those past the old 1,024 cap alike.
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < n; i++) {
      all.append(secret(i)).append(' ');
    }
    String scrubbed = redactor.scrub(all.toString());
    assertEquals("*** ".repeat(n), scrubbed);
    for (int i : new int[] {0, 1023, 1024, 1025, 4999}) {
      assertEquals("[***]", redactor.scrub("[" + secret(i) + "]"), "value " + i);
    }
  }

  @Test
  void repeatsAddNothing() {
    Redactor redactor = Redactor.standard();
    for (int round = 0; round < 1_000; round++) {
      for (int i = 0; i < 10; i++) {
        redactor.addSecret(secret(i));
      }
      redactor.scrub("a log line " + round);
    }
    assertEquals(10, redactor.knownSecretCount());
    redactor.addSecret("short"); // under 6 characters: not kept (it would garble ordinary text)
    redactor.addSecret(null);
    assertEquals(10, redactor.knownSecretCount());
    assertEquals("*** and short", redactor.scrub(secret(3) + " and short"));
  }

  @Test
  void aSecretThatIsPartOfAnotherIsMaskedWithNoTailLeft() {
    Redactor redactor = Redactor.standard();
    redactor.addSecret("FAKE-SECRET-1");
    redactor.addSecret("FAKE-SECRET-10");
    redactor.addSecret("FAKE-SECRET-100-long");
    redactor.addSecret("SECRET-100-long-tail"); // overlaps the one before, starting inside it
    assertEquals("a=*** b=*** c=*** d=***",
        redactor.scrub("a=FAKE-SECRET-1 b=FAKE-SECRET-10 c=FAKE-SECRET-100-long d=SECRET-100-long-tail"));
    // Both overlapping secrets in one run of text: one mask covers them, no character of either remains.
    assertEquals("x***y", redactor.scrub("xFAKE-SECRET-100-long-taily"));
    // Added in the other order, with a redaction between (a new matcher level each time): the same.
    Redactor other = Redactor.standard();
    other.addSecret("FAKE-SECRET-100-long");
    other.scrub("warm up");
    other.addSecret("FAKE-SECRET-1");
    other.scrub("warm up");
    other.addSecret("FAKE-SECRET-10");
    assertEquals("***/***/***", other.scrub("FAKE-SECRET-100-long/FAKE-SECRET-10/FAKE-SECRET-1"));
  }

  @Test
  void aSecretThatJsonEscapesIsMaskedInJson() {
    Redactor redactor = Redactor.standard();
    String quoted = "FAKE\"SECRET\\with-quotes";
    redactor.addSecret(quoted);
    String json = "{\"errors\":[{\"message\":\"value FAKE\\\"SECRET\\\\with-quotes is not allowed\"}],\"note\":[\"FAKE\\\"SECRET\\\\with-quotes\"]}";
    String out = redactor.redactJson(json);
    assertFalse(out.contains("SECRET"), out);
    assertTrue(out.contains("value *** is not allowed"), out);
  }

  @Test
  void concurrentAddsAndRedactionsNeverMissAValueAddedBefore() throws Exception {
    Redactor redactor = Redactor.standard();
    int threads = 4;
    int perThread = 1_500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        results.add(pool.submit(() -> {
          go.await();
          List<String> leaks = new ArrayList<>();
          for (int i = base; i < base + perThread; i++) {
            redactor.addSecret(secret(i));
            // This thread's value, and one another thread may be adding at this moment.
            String out = redactor.scrub("mine " + secret(i) + " theirs " + secret((i + perThread) % (threads * perThread)));
            if (out.contains(secret(i))) {
              leaks.add(out);
            }
          }
          return leaks;
        }));
      }
      go.countDown();
      for (Future<List<String>> r : results) {
        assertEquals(List.of(), r.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perThread, redactor.knownSecretCount());
    for (int i = 0; i < threads * perThread; i++) {
      assertEquals("***", redactor.scrub(secret(i)), "value " + i);
    }
  }
}
