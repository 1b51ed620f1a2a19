package org.buddy4j.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 429 is waited out until the reset (or Retry-After) and sent again — POSTs included — unless the policy
 * says fail. The client runs on {@link SimulatedTime}: each test sees exactly how long the client chose to
 * wait, so nothing depends on how fast the machine is. The server's {@code Date} header is real time in
 * whole seconds; the waits are bounded by real clock reads taken around the call.
 */
class RateLimitWaitTest {
  private static final String TOKEN = "FAKE-token-ratelimit-0001";
  private static final String USER = "/user";
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";
  private static final String TOO_MANY = "{\"errors\":[{\"message\":\"Rate limit exceeded\"}]}";

  private LoopbackServer server;
  private SimulatedTime time;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    time = SimulatedTime.startingNow(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private BuddyClient.Builder client() {
    return FastClients.against(server, TOKEN).clock(time).sleeper(time);
  }

  /**
   * The client waited until {@code reset} by the server's clock: at least the distance from the last real
   * instant the answer can have been made ({@code after}), at most a second (the Date header's resolution)
   * more than from the first ({@code before}).
   */
  static void assertWaitedUntil(Instant reset, Instant before, Instant after, Duration slept) {
    assertTrue(slept.compareTo(Duration.between(after, reset)) >= 0, "sent again before the window reset: waited " + slept);
    assertTrue(slept.compareTo(Duration.between(before, reset).plusSeconds(1)) <= 0, "waited too long: " + slept);
  }

  @Test
  void getWaitsUntilTheResetAndThenSucceeds() {
    Instant reset = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 30);
    server.enqueue("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));
    BuddyClient client = client().build();

    Instant before = Instant.now();
    assertEquals("Mike", client.user().get().getName());
    Instant after = Instant.now();

    assertWaitedUntil(reset, before, after, time.slept());
    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void runPostIsSentAgainAfter429BecauseBuddyDidNotApplyIt() {
    Instant reset = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 30);
    server.enqueue("POST", RUNS, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 5, \"status\": \"ENQUEUED\"}"));
    BuddyClient client = client().build();

    Instant before = Instant.now();
    Execution run = client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main").comment("m-1"));
    Instant after = Instant.now();

    assertEquals(5, run.id());
    assertWaitedUntil(reset, before, after, time.slept());
    var posts = server.requests("POST", RUNS);
    assertEquals(2, posts.size(), "one POST answered 429, then exactly one more");
    assertEquals(posts.get(0).body(), posts.get(1).body(), "the same run was sent again");
    assertTrue(posts.get(0).body().contains("m-1"), posts.get(0).body());
  }

  @Test
  void retryAfterIsHonouredWithoutRateLimitHeaders() {
    server.enqueue("GET", USER, Answer.json(429, TOO_MANY).header("Retry-After", "7"));
    server.always("GET", USER, Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));
    BuddyClient client = client().build();

    client.user().get();

    assertEquals(Duration.ofSeconds(7), time.slept(), "exactly Retry-After: " + time.sleeps());
    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void failFastThrowsAtOnceWithTheResetAndSendsOnce() {
    Instant reset = Instant.ofEpochSecond(Instant.now().plusSeconds(60).getEpochSecond());
    server.always("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    BuddyClient client = client().rateLimitPolicy(RateLimitPolicy.failFast()).build();

    Instant before = Instant.now();
    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class, () -> client.user().get());
    Instant after = Instant.now();

    assertEquals(1, server.requests("GET", USER).size());
    assertEquals(Duration.ZERO, time.slept(), "did not wait at all");
    assertEquals(429, e.status());
    assertEquals("GET", e.method());
    assertEquals(USER, e.path());
    assertEquals("Rate limit exceeded", e.messages().get(0));
    assertNotNull(e.resetAt(), "resetAt");
    // Shifted by the server's Date header (whole seconds) into the client's clock: the same distance away.
    Duration distance = Duration.between(time.instant(), e.resetAt());
    assertTrue(distance.compareTo(Duration.between(after, reset)) >= 0
        && distance.compareTo(Duration.between(before, reset).plusSeconds(1)) <= 0, "resetAt " + e.resetAt() + " vs " + reset);
  }

  @Test
  void failFastOnARunPostIsARateLimitErrorNotAnUnknownOutcome() {
    server.always("POST", RUNS, Answer.json(429, TOO_MANY).rateLimit(100, 0, Instant.now().plusSeconds(60)));
    BuddyClient client = client().rateLimitPolicy(RateLimitPolicy.failFast()).build();

    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class,
        () -> client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main")));

    assertEquals("POST", e.method());
    assertEquals(1, server.requests("POST", RUNS).size());
  }

  @Test
  void aResetFurtherAwayThanMaxWaitFailsWithoutWaiting() {
    Instant reset = Instant.now().plusSeconds(30);
    server.always("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    BuddyClient client = client().rateLimitPolicy(RateLimitPolicy.waitForReset().withMaxWait(Duration.ofSeconds(1))).build();

    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class, () -> client.user().get());

    assertEquals(Duration.ZERO, time.slept(), "did not wait at all");
    assertEquals(1, server.requests("GET", USER).size());
    assertNotNull(e.resetAt());
  }
}
