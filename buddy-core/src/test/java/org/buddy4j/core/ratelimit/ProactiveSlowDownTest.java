package org.buddy4j.core.ratelimit;

import static org.buddy4j.core.ratelimit.RateLimitWaitTest.assertWaitedUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a response says no calls remain, the next call waits for the reset — judged by the server's clock.
 * On {@link SimulatedTime}, like {@link RateLimitWaitTest}: the waits are exact, not timed.
 */
class ProactiveSlowDownTest {
  private static final String TOKEN = "FAKE-token-slowdown-0002";
  private static final String USER = "/user";
  private static final String OK = "{\"id\": 1, \"name\": \"Mike\"}";

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Instant resetIn30s() {
    return Instant.ofEpochSecond(Instant.now().getEpochSecond() + 30);
  }

  @Test
  void noCallsLeftMakesTheNextCallWaitForTheReset() {
    SimulatedTime time = SimulatedTime.startingNow(Duration.ZERO);
    Instant reset = resetIn30s();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK).rateLimit(100, 99, reset.plusSeconds(3600)));
    BuddyClient client = FastClients.against(server, TOKEN).clock(time).sleeper(time).build();

    Instant before = Instant.now();
    client.user().get();
    Instant after = Instant.now();
    assertEquals(Duration.ZERO, time.slept(), "the first call itself must not wait");

    RateLimitStatus seen = client.rateLimit();
    assertEquals(100, seen.limit());
    assertEquals(0, seen.remaining());
    assertNotNull(seen.resetAt());

    client.user().get();

    assertWaitedUntil(reset, before, after, time.slept());
    assertEquals(2, server.requests("GET", USER).size());
    assertEquals(99, client.rateLimit().remaining(), "client.rateLimit() reports the latest response");
  }

  @Test
  void plentyOfCallsLeftDoesNotSlowDown() {
    SimulatedTime time = SimulatedTime.startingNow(Duration.ZERO);
    server.always("GET", USER, Answer.json(200, OK).rateLimit(100, 50, resetIn30s()));
    BuddyClient client = FastClients.against(server, TOKEN).clock(time).sleeper(time).build();

    client.user().get();
    client.user().get();
    client.user().get();

    assertEquals(Duration.ZERO, time.slept(), "no slow-down with 50 calls left: " + time.sleeps());
    assertEquals(50, client.rateLimit().remaining());
  }

  @Test
  void serverDateAnHourBehindStillWaitsAboutTheResetDistance() {
    // The client's clock runs an hour ahead: seen from it, Buddy's Date header is an hour in the past,
    // and the reset (Date + 30 s by Buddy's clock) is an hour in the past too. Must wait ~30 s, not 0.
    SimulatedTime ahead = SimulatedTime.startingNow(Duration.ofHours(1));
    Instant reset = resetIn30s();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = FastClients.against(server, TOKEN).clock(ahead).sleeper(ahead).build();

    Instant before = Instant.now();
    client.user().get();
    Instant after = Instant.now();
    client.user().get();

    assertWaitedUntil(reset, before, after, ahead.slept());
  }

  @Test
  void serverDateAnHourAheadWaitsTheResetDistanceNotAnHour() {
    SimulatedTime behind = SimulatedTime.startingNow(Duration.ofHours(-1));
    Instant reset = resetIn30s();
    server.enqueue("GET", USER, Answer.json(200, OK).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = FastClients.against(server, TOKEN)
        .rateLimitPolicy(RateLimitPolicy.waitForReset().withMaxWait(Duration.ofHours(2)))
        .clock(behind).sleeper(behind).build();

    Instant before = Instant.now();
    client.user().get();
    Instant after = Instant.now();
    client.user().get();

    // Ignoring the skew would wait an hour and 30 s (maxWait allows it, so a wrong wait shows).
    assertWaitedUntil(reset, before, after, behind.slept());
    assertTrue(behind.slept().compareTo(Duration.ofMinutes(1)) < 0, "skew ignored: waited " + behind.slept());
  }
}
