package org.buddy4j.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a request is sent again after a fault that proves it was not applied
 * (connection refused, 502/503/504 on a GET) — never after one that may have been applied to a POST
 * or PATCH. Backoff is capped exponential with full jitter: a random delay between zero and
 * {@code min(maxDelay, baseDelay × 2^attempt)}, so many clients retrying at once spread out.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;

  private RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.maxAttempts = maxAttempts;
    this.baseDelay = Objects.requireNonNull(baseDelay);
    this.maxDelay = Objects.requireNonNull(maxDelay);
  }

  /** 4 attempts in all, 200 ms base, 5 s cap. */
  public static RetryPolicy standard() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** One attempt: nothing is ever sent twice. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /** Attempts in all (first try included), base delay and cap. */
  public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
  public Duration backoff(int attempt) {
    return backoff(attempt, ThreadLocalRandom.current());
  }

  /**
   * {@link #backoff(int)} drawing its jitter from {@code random} (seed it to test the bounds): between zero
   * and {@link #ceiling(int)}, both included.
   */
  public Duration backoff(int attempt, Random random) {
    long ceiling = ceiling(attempt).toMillis();
    return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  /** The longest pause after {@code attempt} failed attempts: {@code min(maxDelay, baseDelay × 2^(attempt-1))}. */
  public Duration ceiling(int attempt) {
    long base = baseDelay.toMillis();
    long cap = maxDelay.toMillis();
    return Duration.ofMillis(Math.min(cap, base << Math.min(20, Math.max(0, attempt - 1))));
  }

  @Override
  public String toString() {
    return "RetryPolicy[" + maxAttempts + " attempts, " + baseDelay.toMillis() + "-" + maxDelay.toMillis() + " ms]";
  }
}
