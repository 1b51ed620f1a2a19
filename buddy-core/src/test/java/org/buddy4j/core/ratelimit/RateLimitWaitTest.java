package org.buddy4j.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 429 is waited out until the reset (or Retry-After) and sent again — POSTs included — unless the policy says fail. */
class RateLimitWaitTest {
  private static final String TOKEN = "FAKE-token-ratelimit-0001";
  private static final String USER = "/user";
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";
  private static final String TOO_MANY = "{\"errors\":[{\"message\":\"Rate limit exceeded\"}]}";
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
  void getWaitsUntilTheResetAndThenSucceeds() {
    Instant reset = FastClients.resetInOneToTwoSeconds();
    server.enqueue("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    server.always("GET", USER, Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));
    BuddyClient client = FastClients.against(server, TOKEN).build();

    assertEquals("Mike", client.user().getName());

    assertFalse(Instant.now().isBefore(reset.minus(SLACK)), "the second GET was sent before the window reset");
    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void runPostIsSentAgainAfter429BecauseBuddyDidNotApplyIt() {
    Instant reset = FastClients.resetInOneToTwoSeconds();
    server.enqueue("POST", RUNS, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 5, \"status\": \"ENQUEUED\"}"));
    BuddyClient client = FastClients.against(server, TOKEN).build();

    Execution run = client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main").comment("m-1"));

    assertEquals(5, run.id());
    assertFalse(Instant.now().isBefore(reset.minus(SLACK)), "the POST was re-sent before the window reset");
    var posts = server.requests("POST", RUNS);
    assertEquals(2, posts.size(), "one POST answered 429, then exactly one more");
    assertEquals(posts.get(0).body(), posts.get(1).body(), "the same run was sent again");
    assertTrue(posts.get(0).body().contains("m-1"), posts.get(0).body());
  }

  @Test
  void retryAfterIsHonouredWithoutRateLimitHeaders() {
    server.enqueue("GET", USER, Answer.json(429, TOO_MANY).header("Retry-After", "1"));
    server.always("GET", USER, Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));
    BuddyClient client = FastClients.against(server, TOKEN).build();

    long started = System.nanoTime();
    client.user();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(elapsed.compareTo(Duration.ofMillis(950)) >= 0, "waited only " + elapsed.toMillis() + " ms");
    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void failFastThrowsAtOnceWithTheResetAndSendsOnce() {
    Instant reset = Instant.ofEpochSecond(Instant.now().plusSeconds(60).getEpochSecond());
    server.always("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    BuddyClient client = FastClients.against(server, TOKEN).rateLimitPolicy(RateLimitPolicy.failFast()).build();

    long started = System.nanoTime();
    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class, client::user);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(1, server.requests("GET", USER).size());
    assertTrue(elapsed.compareTo(Duration.ofMillis(900)) < 0, "took " + elapsed.toMillis() + " ms");
    assertEquals(429, e.status());
    assertEquals("GET", e.method());
    assertEquals(USER, e.path());
    assertEquals("Rate limit exceeded", e.messages().get(0));
    assertNotNull(e.resetAt(), "resetAt");
    // Shifted by the server's Date header (whole seconds): within a second of what Buddy said.
    assertTrue(Duration.between(reset, e.resetAt()).abs().compareTo(Duration.ofMillis(1100)) <= 0,
        "resetAt " + e.resetAt() + " vs " + reset);
  }

  @Test
  void failFastOnARunPostIsARateLimitErrorNotAnUnknownOutcome() {
    server.always("POST", RUNS, Answer.json(429, TOO_MANY).rateLimit(100, 0, Instant.now().plusSeconds(60)));
    BuddyClient client = FastClients.against(server, TOKEN).rateLimitPolicy(RateLimitPolicy.failFast()).build();

    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class,
        () -> client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main")));

    assertEquals("POST", e.method());
    assertEquals(1, server.requests("POST", RUNS).size());
  }

  @Test
  void aResetFurtherAwayThanMaxWaitFailsWithoutWaiting() {
    Instant reset = Instant.now().plusSeconds(30);
    server.always("GET", USER, Answer.json(429, TOO_MANY).rateLimit(100, 0, reset));
    BuddyClient client = FastClients.against(server, TOKEN)
        .rateLimitPolicy(RateLimitPolicy.waitForReset().withMaxWait(Duration.ofSeconds(1)))
        .build();

    long started = System.nanoTime();
    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class, client::user);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(elapsed.compareTo(Duration.ofMillis(900)) < 0, "waited " + elapsed.toMillis() + " ms");
    assertEquals(1, server.requests("GET", USER).size());
    assertNotNull(e.resetAt());
  }
}
