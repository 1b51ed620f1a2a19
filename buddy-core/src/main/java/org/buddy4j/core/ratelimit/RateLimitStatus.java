package org.buddy4j.core.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * What the last response said about the rate limit: {@code X-Rate-Limit-Limit},
 * {@code X-Rate-Limit-Remaining} and {@code X-Rate-Limit-Reset} (Unix seconds), plus when it was seen.
 * Any of the three may be unknown ({@code -1} / {@code null}) when Buddy did not send it.
 */
public record RateLimitStatus(int limit, int remaining, Instant resetAt, Instant observedAt) {

  /** Nothing seen yet. */
  public static final RateLimitStatus UNKNOWN = new RateLimitStatus(-1, -1, null, Instant.EPOCH);

  /** Whether Buddy has told us how many calls are left. */
  public boolean known() {
    return remaining >= 0;
  }

  /** Time until the window resets, from {@code now}; zero when unknown or past. */
  public Duration untilReset(Instant now) {
    if (resetAt == null || !resetAt.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, resetAt);
  }

  @Override
  public String toString() {
    return "RateLimit[" + remaining + "/" + limit + ", resets " + resetAt + "]";
  }
}
