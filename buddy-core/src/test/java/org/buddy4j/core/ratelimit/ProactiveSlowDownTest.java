package org.buddy4j.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a response says no calls remain, the next call waits for the reset — judged by the server's clock. */
class ProactiveSlowDownTest {
  private static final String TOKEN = "FAKE-token-slowdown-0002";
  private static final String USER = "/user";
  private static final String OK = "{\"id\": 1, \"name\": \"Mike\"}";
  private static final Duration SLACK = Duration.ofMillis(50);

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void noCallsLeftMakesTheNextCallWaitForTheReset() {
    Instant reset = FastClients.resetInOneToTwoSeconds();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK).rateLimit(100, 99, reset.plusSeconds(3600)));
    BuddyClient client = FastClients.against(server, TOKEN).build();

    long started = System.nanoTime();
    client.user();
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 900, "the first call itself must not wait");

    RateLimitStatus seen = client.rateLimit();
    assertEquals(100, seen.limit());
    assertEquals(0, seen.remaining());
    assertNotNull(seen.resetAt());
    assertTrue(Duration.between(reset, seen.resetAt()).abs().toMillis() <= 1100, seen.toString());

    client.user();

    assertFalse(Instant.now().isBefore(reset.minus(SLACK)), "the second call was sent before the reset");
    assertEquals(2, server.requests("GET", USER).size());
    assertEquals(99, client.rateLimit().remaining(), "client.rateLimit() reports the latest response");
  }

  @Test
  void plentyOfCallsLeftDoesNotSlowDown() {
    Instant reset = Instant.now().plusSeconds(30);
    server.always("GET", USER, Answer.json(200, OK).rateLimit(100, 50, reset));
    BuddyClient client = FastClients.against(server, TOKEN).build();

    client.user();
    long started = System.nanoTime();
    client.user();
    client.user();

    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 900, "no slow-down with 50 calls left");
    assertEquals(50, client.rateLimit().remaining());
  }

  @Test
  void serverDateAnHourBehindStillWaitsAboutTheResetDistance() {
    // The client's clock runs an hour ahead: seen from it, Buddy's Date header is an hour in the past,
    // and the reset (Date + 1..2 s by Buddy's clock) is an hour in the past too. Must wait ~1-2 s, not 0.
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    Instant reset = FastClients.resetInOneToTwoSeconds();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = FastClients.against(server, TOKEN).clock(ahead).build();

    client.user();
    client.user();

    assertFalse(Instant.now().isBefore(reset.minus(SLACK)), "did not wait for the reset (Date header ignored?)");
  }

  @Test
  void serverDateAnHourAheadWaitsTheResetDistanceNotAnHour() {
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    Instant reset = FastClients.resetInOneToTwoSeconds();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK));
    // maxWait bounds the damage if the skew were ignored: the test then fails on time instead of hanging.
    BuddyClient client = FastClients.against(server, TOKEN)
        .rateLimitPolicy(RateLimitPolicy.waitForReset().withMaxWait(Duration.ofSeconds(5)))
        .clock(behind).build();

    client.user();
    long started = System.nanoTime();
    client.user();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertFalse(Instant.now().isBefore(reset.minus(SLACK)), "did not wait for the reset");
    assertTrue(elapsed.compareTo(Duration.ofMillis(2600)) < 0, "waited " + elapsed.toMillis() + " ms: skew ignored");
  }
}
