package org.buddy4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate limiter forgets tokens whose window is over, so a stream of distinct (e.g. bogus) tokens cannot grow it forever. */
class RateLimiterMemoryTest {

  @Test
  void expiredWindowsAreSweptAndCountingIsUnchanged() {
    AtomicLong now = new AtomicLong(1_000_000);
    RateLimiter limiter = new RateLimiter(2, 60, now::get);
    for (int i = 0; i < 5_000; i++) {
      limiter.take("bogus-" + i);
    }
    assertTrue(limiter.take("kept").allowed);
    assertTrue(limiter.take("kept").allowed);
    assertFalse(limiter.take("kept").allowed, "third call in the window is over the limit of 2");
    assertEquals(5_001, limiter.trackedTokens());

    now.addAndGet(61_000);
    RateLimiter.Decision fresh = limiter.take("kept");
    assertTrue(fresh.allowed, "a new window");
    assertEquals(1, fresh.remaining);
    assertEquals(1, limiter.trackedTokens(), "only the token seen in the current window is remembered");
  }

  @Test
  void aShorterWindowIsSweptOnItsOwnSchedule() {
    AtomicLong now = new AtomicLong(1_000_000);
    RateLimiter limiter = new RateLimiter(1000, 3600, now::get);
    limiter.take("first");
    limiter.configure(1000, 5);
    for (int i = 0; i < 100; i++) {
      limiter.take("bogus-" + i);
    }
    now.addAndGet(6_000);
    limiter.take("kept");
    assertEquals(1, limiter.trackedTokens(), "swept after 5 s, not after the old hour");
  }
}
