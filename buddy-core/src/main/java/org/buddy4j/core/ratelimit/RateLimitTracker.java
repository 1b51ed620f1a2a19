package org.buddy4j.core.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One shared view of Buddy's rate limit, updated from every response's {@code X-Rate-Limit-*}
 * headers. Thread-safe: a newer observation replaces an older one atomically.
 *
 * <p>Buddy's reset is an absolute Unix time, so it is shifted by the difference between the
 * response's {@code Date} header and the local clock: a machine whose clock is off still waits the
 * right amount.
 */
public final class RateLimitTracker {
  private final AtomicReference<RateLimitStatus> current = new AtomicReference<>(RateLimitStatus.UNKNOWN);
  // A request's own exchange: with calls in parallel, current() may already be another response's.
  private final ThreadLocal<Exchange> onThread = new ThreadLocal<>();

  /**
   * One request as the calling thread last saw it: when it went out (its last attempt) and what its
   * answer said about the rate limit ({@link RateLimitStatus#UNKNOWN} while none came back).
   */
  public record Exchange(Instant sentAt, RateLimitStatus answer) {}
  private final Clock clock;

  public RateLimitTracker() {
    this(Clock.systemUTC());
  }

  public RateLimitTracker(Clock clock) {
    this.clock = clock;
  }

  /** The latest status (never null). */
  public RateLimitStatus current() {
    return current.get();
  }

  /**
   * The latest request sent on the calling thread and its answer: with calls in parallel, this
   * thread's own call, which {@link #current()} may already not be. Null before the first.
   */
  public Exchange lastExchangeOnThisThread() {
    return onThread.get();
  }

  /** A request is going out on the calling thread now. */
  public void sending() {
    onThread.set(new Exchange(clock.instant(), RateLimitStatus.UNKNOWN));
  }

  /** Records the rate-limit headers of one response (header names in any case); returns what was read. */
  public RateLimitStatus update(Map<String, ? extends Collection<String>> headers) {
    RateLimitStatus seen = read(headers, clock.instant());
    Exchange sent = onThread.get();
    onThread.set(new Exchange(sent == null ? seen.observedAt() : sent.sentAt(), seen));
    if (seen.known() || seen.resetAt() != null) {
      current.accumulateAndGet(seen, (old, now) -> now.observedAt().isBefore(old.observedAt()) ? old : now);
    }
    return seen;
  }

  /** Parses the headers without recording them. */
  public static RateLimitStatus read(Map<String, ? extends Collection<String>> headers, Instant now) {
    int limit = intHeader(headers, "X-Rate-Limit-Limit");
    int remaining = intHeader(headers, "X-Rate-Limit-Remaining");
    long reset = longHeader(headers, "X-Rate-Limit-Reset");
    Instant resetAt = null;
    if (reset > 0) {
      resetAt = Instant.ofEpochSecond(reset);
      Instant serverNow = serverDate(headers);
      if (serverNow != null) {
        resetAt = now.plus(java.time.Duration.between(serverNow, resetAt));
      }
    }
    return new RateLimitStatus(limit, remaining, resetAt, now);
  }

  private static Instant serverDate(Map<String, ? extends Collection<String>> headers) {
    String date = header(headers, "Date");
    if (date == null) {
      return null;
    }
    // The Date header changes once a second while calls come many times a second: parsing it was
    // most of the cost of reading the headers (buddy-bench, ClientOverhead).
    ParsedDate last = lastDate;
    if (last != null && last.header().equals(date)) {
      return last.instant();
    }
    try {
      Instant instant = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      lastDate = new ParsedDate(date, instant);
      return instant;
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  private record ParsedDate(String header, Instant instant) {}

  /** The latest Date header parsed (by any tracker), with its value; an immutable pair, so racing is harmless. */
  private static volatile ParsedDate lastDate;

  private static int intHeader(Map<String, ? extends Collection<String>> headers, String name) {
    long v = longHeader(headers, name);
    return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
  }

  private static long longHeader(Map<String, ? extends Collection<String>> headers, String name) {
    String v = header(headers, name);
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException bad) {
      return -1;
    }
  }

  /** Case-insensitive single header lookup. */
  public static String header(Map<String, ? extends Collection<String>> headers, String name) {
    for (Map.Entry<String, ? extends Collection<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }
}
