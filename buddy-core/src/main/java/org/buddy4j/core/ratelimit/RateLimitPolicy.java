package org.buddy4j.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to do about Buddy's rate limit.
 *
 * <ul>
 *   <li>{@link Mode#WAIT} (default): on 429, wait until the window resets (capped by {@link #maxWait()})
 *       and send again — safe for every method, because a 429 was not applied. Before sending, slow
 *       down when few calls remain: spread the remaining calls over the rest of the window.</li>
 *   <li>{@link Mode#FAIL}: on 429, throw {@code BuddyRateLimitException} at once; no slow-down.</li>
 * </ul>
 */
public final class RateLimitPolicy {

  /** Reaction to an exhausted limit. */
  public enum Mode { WAIT, FAIL }

  private final Mode mode;
  private final Duration maxWait;
  private final int slowDownBelow;
  private final int maxRateLimitRetries;

  private RateLimitPolicy(Mode mode, Duration maxWait, int slowDownBelow, int maxRateLimitRetries) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.slowDownBelow = slowDownBelow;
    this.maxRateLimitRetries = maxRateLimitRetries;
  }

  /** Wait for the reset (at most 5 minutes per wait), slow down below 5 remaining calls, 5 tries on 429. */
  public static RateLimitPolicy waitForReset() {
    return new RateLimitPolicy(Mode.WAIT, Duration.ofMinutes(5), 5, 5);
  }

  /** Fail at once on 429. */
  public static RateLimitPolicy failFast() {
    return new RateLimitPolicy(Mode.FAIL, Duration.ZERO, 0, 0);
  }

  /** A copy that waits at most {@code maxWait} for one reset. */
  public RateLimitPolicy withMaxWait(Duration maxWait) {
    return new RateLimitPolicy(mode, maxWait, slowDownBelow, maxRateLimitRetries);
  }

  /** A copy that starts slowing down when fewer than {@code remaining} calls are left (0 turns it off). */
  public RateLimitPolicy withSlowDownBelow(int remaining) {
    return new RateLimitPolicy(mode, maxWait, remaining, maxRateLimitRetries);
  }

  /** A copy that sends again at most {@code retries} times after a 429. */
  public RateLimitPolicy withMaxRetries(int retries) {
    return new RateLimitPolicy(mode, maxWait, slowDownBelow, retries);
  }

  public Mode mode() {
    return mode;
  }

  public Duration maxWait() {
    return maxWait;
  }

  public int slowDownBelow() {
    return slowDownBelow;
  }

  public int maxRateLimitRetries() {
    return mode == Mode.FAIL ? 0 : maxRateLimitRetries;
  }

  /**
   * How long to pause before the next request, given what the tracker last saw: nothing while plenty
   * of calls remain; the rest of the window divided among the remaining calls when few remain; the
   * whole rest of the window when none remain. Never more than {@link #maxWait()}.
   */
  public Duration delayBeforeRequest(RateLimitStatus status, Instant now) {
    if (mode == Mode.FAIL || !status.known() || status.remaining() >= slowDownBelow) {
      return Duration.ZERO;
    }
    Duration window = status.untilReset(now);
    if (window.isZero()) {
      return Duration.ZERO;
    }
    Duration delay = status.remaining() <= 0 ? window : window.dividedBy(status.remaining() + 1L);
    return delay.compareTo(maxWait) > 0 ? maxWait : delay;
  }

  @Override
  public String toString() {
    return "RateLimitPolicy[" + mode + ", maxWait=" + maxWait + ", slowDownBelow=" + slowDownBelow + "]";
  }
}
