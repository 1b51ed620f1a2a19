package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Backoff is capped exponential with full jitter; checked with a seeded random, never by timing. */
class RetryPolicyBackoffTest {
  private final RetryPolicy policy = RetryPolicy.of(5, Duration.ofMillis(1000), Duration.ofSeconds(8));

  @Test
  void ceilingDoublesPerAttemptUpToTheCap() {
    assertEquals(Duration.ofMillis(1000), policy.ceiling(1));
    assertEquals(Duration.ofMillis(2000), policy.ceiling(2));
    assertEquals(Duration.ofMillis(4000), policy.ceiling(3));
    assertEquals(Duration.ofMillis(8000), policy.ceiling(4));
    assertEquals(Duration.ofMillis(8000), policy.ceiling(5));
    assertEquals(Duration.ofMillis(8000), policy.ceiling(1000)); // no overflow past the cap
    assertEquals(Duration.ofMillis(1000), policy.ceiling(0));
  }

  @Test
  void everyDelayLiesBetweenZeroAndTheCeilingAndTheySpreadOut() {
    Random random = new Random(42);
    for (int attempt = 1; attempt <= 6; attempt++) {
      long ceiling = policy.ceiling(attempt).toMillis();
      Set<Long> seen = new HashSet<>();
      long max = 0;
      for (int i = 0; i < 500; i++) {
        long ms = policy.backoff(attempt, random).toMillis();
        assertTrue(ms >= 0 && ms <= ceiling, "attempt " + attempt + ": " + ms + " ms outside [0, " + ceiling + "]");
        seen.add(ms);
        max = Math.max(max, ms);
      }
      assertTrue(seen.size() > 100, "jittered, not one fixed delay: " + seen.size() + " distinct values");
      assertTrue(max > ceiling / 2, "full jitter reaches the upper half: max " + max + " of " + ceiling);
    }
  }

  @Test
  void theSameSeedGivesTheSameDelays() {
    Random a = new Random(7);
    Random b = new Random(7);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertEquals(policy.backoff(attempt, a), policy.backoff(attempt, b));
    }
  }

  @Test
  void noneNeverWaits() {
    assertEquals(Duration.ZERO, RetryPolicy.none().backoff(3, new Random(1)));
  }
}
