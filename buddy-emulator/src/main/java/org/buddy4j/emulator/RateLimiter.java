package org.buddy4j.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Buddy's per-token rate limit: {@code limit} requests per fixed window of {@code windowSeconds} (real
 * time, not the simulated clock, because clients pace themselves with wall-clock time). Every API answer
 * carries {@code X-Rate-Limit-Limit/-Remaining/-Reset}; over the limit the answer is 429. Windows of tokens
 * not seen for a whole window are forgotten, so memory is bounded by the tokens seen in about two windows.
 */
final class RateLimiter {
  /** What one request used up, for the response headers. */
  static final class Decision {
    final int limit;
    final int remaining;
    final long resetEpochSeconds;
    final boolean allowed;

    Decision(int limit, int remaining, long resetEpochSeconds, boolean allowed) {
      this.limit = limit;
      this.remaining = remaining;
      this.resetEpochSeconds = resetEpochSeconds;
      this.allowed = allowed;
    }
  }

  private static final class Window {
    long endMillis;
    int used;
  }

  private final LongSupplier epochMillis;
  private final Map<String, Window> windows = new HashMap<>();
  private int limit;
  private int windowSeconds;
  private long nextSweepMillis;

  RateLimiter(int limit, int windowSeconds) {
    this(limit, windowSeconds, System::currentTimeMillis);
  }

  RateLimiter(int limit, int windowSeconds, LongSupplier epochMillis) {
    this.epochMillis = epochMillis;
    configure(limit, windowSeconds);
  }

  synchronized void configure(int newLimit, int newWindowSeconds) {
    if (newLimit < 1 || newWindowSeconds < 1) {
      throw ApiError.badRequest("Fields 'limit' and 'windowSeconds' must be at least 1");
    }
    limit = newLimit;
    windowSeconds = newWindowSeconds;
    windows.clear();
    nextSweepMillis = 0;
  }

  synchronized int limit() {
    return limit;
  }

  synchronized int windowSeconds() {
    return windowSeconds;
  }

  /** How many tokens have a window in memory (expired windows are swept once per window length). */
  synchronized int trackedTokens() {
    return windows.size();
  }

  /** Counts one request against {@code key} (the bearer token, or "anonymous"). */
  synchronized Decision take(String key) {
    long now = epochMillis.getAsLong();
    if (now >= nextSweepMillis) {
      // An expired window counts the same as none, so dropping them changes no answer; without this, every
      // distinct token ever seen (bogus ones included: counting happens before authentication) stayed forever.
      windows.values().removeIf(w -> now >= w.endMillis);
      nextSweepMillis = now + windowSeconds * 1000L;
    }
    Window window = windows.computeIfAbsent(key, k -> new Window());
    if (now >= window.endMillis) {
      window.endMillis = now + windowSeconds * 1000L;
      window.used = 0;
    }
    window.used++;
    boolean allowed = window.used <= limit;
    // Round the reset up, so a client that sleeps until it never arrives early.
    long reset = (window.endMillis + 999) / 1000;
    return new Decision(limit, Math.max(0, limit - window.used), reset, allowed);
  }
}
