package org.buddy4j.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tracker reads Buddy's X-Rate-Limit-* headers, shifts the reset by the server's Date, and the policy paces from it. */
class RateLimitTrackerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static String httpDate(Instant t) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
  }

  @Test
  void resetIsShiftedByTheServersDateHeader() {
    Instant serverNow = NOW.minus(Duration.ofHours(1));
    Map<String, List<String>> headers = Map.of(
        "Date", List.of(httpDate(serverNow)),
        "X-Rate-Limit-Limit", List.of("100"),
        "X-Rate-Limit-Remaining", List.of("0"),
        "X-Rate-Limit-Reset", List.of(String.valueOf(serverNow.plusSeconds(1).getEpochSecond())));

    RateLimitStatus s = RateLimitTracker.read(headers, NOW);

    assertEquals(NOW.plusSeconds(1), s.resetAt());
    assertEquals(Duration.ofSeconds(1), s.untilReset(NOW));
    assertEquals(100, s.limit());
    assertEquals(0, s.remaining());
  }

  @Test
  void withoutADateHeaderTheResetIsTakenAsAbsolute() {
    Map<String, List<String>> headers = Map.of(
        "x-rate-limit-remaining", List.of("7"),
        "x-rate-limit-reset", List.of(String.valueOf(NOW.plusSeconds(30).getEpochSecond())));

    RateLimitStatus s = RateLimitTracker.read(headers, NOW);

    assertEquals(NOW.plusSeconds(30), s.resetAt());
    assertEquals(7, s.remaining());
    assertEquals(-1, s.limit(), "a header Buddy did not send is unknown");
  }

  @Test
  void trackerOnAClockAnHourAheadWaitsOneSecondNotAnHourNorZero() {
    RateLimitTracker tracker = new RateLimitTracker(Clock.fixed(NOW, ZoneOffset.UTC));
    Instant serverNow = NOW.minus(Duration.ofHours(1));

    tracker.update(Map.of(
        "Date", List.of(httpDate(serverNow)),
        "X-Rate-Limit-Remaining", List.of("0"),
        "X-Rate-Limit-Reset", List.of(String.valueOf(serverNow.plusSeconds(1).getEpochSecond()))));

    Duration delay = RateLimitPolicy.waitForReset().delayBeforeRequest(tracker.current(), NOW);
    assertEquals(Duration.ofSeconds(1), delay);
  }

  @Test
  void aResponseWithoutRateLimitHeadersKeepsTheLastKnownStatus() {
    RateLimitTracker tracker = new RateLimitTracker(Clock.fixed(NOW, ZoneOffset.UTC));
    tracker.update(Map.of("X-Rate-Limit-Remaining", List.of("3"), "X-Rate-Limit-Limit", List.of("100")));
    RateLimitStatus before = tracker.current();

    tracker.update(Map.of("Content-Type", List.of("application/json")));

    assertSame(before, tracker.current());
    assertEquals(3, tracker.current().remaining());
  }

  @Test
  void nothingSeenYetIsUnknown() {
    RateLimitTracker tracker = new RateLimitTracker(Clock.fixed(NOW, ZoneOffset.UTC));
    assertFalse(tracker.current().known());
    assertNull(tracker.current().resetAt());
    assertEquals(Duration.ZERO, RateLimitPolicy.waitForReset().delayBeforeRequest(tracker.current(), NOW));
  }

  @Test
  void policySpreadsTheFewRemainingCallsOverTheWindow() {
    RateLimitPolicy wait = RateLimitPolicy.waitForReset();
    Instant reset = NOW.plusSeconds(30);

    assertEquals(Duration.ZERO, wait.delayBeforeRequest(new RateLimitStatus(100, 50, reset, NOW), NOW));
    assertEquals(Duration.ofSeconds(10), wait.delayBeforeRequest(new RateLimitStatus(100, 2, reset, NOW), NOW));
    assertEquals(Duration.ofSeconds(30), wait.delayBeforeRequest(new RateLimitStatus(100, 0, reset, NOW), NOW));
    assertEquals(Duration.ofSeconds(4),
        wait.withMaxWait(Duration.ofSeconds(4)).delayBeforeRequest(new RateLimitStatus(100, 0, reset, NOW), NOW));
    assertEquals(Duration.ZERO,
        RateLimitPolicy.failFast().delayBeforeRequest(new RateLimitStatus(100, 0, reset, NOW), NOW));
  }

  @Test
  void eachThreadSeesItsOwnLatestAnswerWhileCurrentIsTheNewestOfAll() throws Exception {
    RateLimitTracker tracker = new RateLimitTracker(Clock.fixed(NOW, ZoneOffset.UTC));
    assertNull(tracker.lastExchangeOnThisThread());
    tracker.sending();
    assertSame(RateLimitStatus.UNKNOWN, tracker.lastExchangeOnThisThread().answer(), "sent, no answer yet");
    tracker.update(Map.of("X-Rate-Limit-Limit", List.of("100"), "X-Rate-Limit-Remaining", List.of("40")));
    Thread other = new Thread(() -> tracker.update(Map.of("X-Rate-Limit-Limit", List.of("100"),
        "X-Rate-Limit-Remaining", List.of("39"))));
    other.start();
    other.join();
    assertEquals(40, tracker.lastExchangeOnThisThread().answer().remaining(), "this thread's own answer");
    assertEquals(NOW, tracker.lastExchangeOnThisThread().sentAt());
    assertEquals(39, tracker.current().remaining(), "the newest answer of any thread");
  }
}
