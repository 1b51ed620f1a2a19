package org.buddy4j.core.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.RawCall;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code client.raw()}: any method and path on the client's own transport, against a JDK HttpServer on
 * loopback: the token and user agent go with it, a POST or PATCH that may have reached the server is
 * sent exactly once, a 429 is waited out, errors are typed, and the most verbose log masks secrets.
 */
class RawCallTest {
  private static final String TOKEN = "FAKE-token-raw-0001";
  private static final String PROJECTS = "/workspaces/acme/projects";
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";

  private LoopbackServer server;
  private BuddyClient client;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    client = FastClients.against(server, TOKEN).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aGetGoesToThePathUnderTheEndpointWithTheTokenWithOrWithoutALeadingSlash() {
    server.always("GET", PROJECTS, Answer.json(200, "{\"projects\":[{\"name\":\"web\"}]}"));

    byte[] withSlash = client.raw().send("GET", "/workspaces/acme/projects?status=ACTIVE&q=a%20b", null);
    byte[] without = client.raw().send("get", "workspaces/acme/projects", null);

    assertEquals("{\"projects\":[{\"name\":\"web\"}]}", new String(withSlash, StandardCharsets.UTF_8));
    assertEquals(new String(withSlash, StandardCharsets.UTF_8), new String(without, StandardCharsets.UTF_8));
    List<LoopbackServer.Recorded> sent = server.requests("GET", PROJECTS);
    assertEquals(2, sent.size());
    assertEquals("status=ACTIVE&q=a b", sent.get(0).query());
    assertEquals(null, sent.get(1).query());
    assertEquals("Bearer " + TOKEN, sent.get(0).header("Authorization"));
    assertTrue(sent.get(0).header("User-Agent").contains("buddy4j/"), sent.get(0).header("User-Agent"));
  }

  @Test
  void aPostSendsTheBodyAsJsonAsWritten() {
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 7}"));

    byte[] answer = client.raw().send("POST", RUNS, RawCall.json("{\"branch\":{\"name\":\"master\"},\"weight\":1.10}"));

    assertEquals("{\"id\": 7}", new String(answer, StandardCharsets.UTF_8));
    LoopbackServer.Recorded post = server.requests("POST", RUNS).get(0);
    assertEquals("{\"branch\":{\"name\":\"master\"},\"weight\":1.10}", post.body());
    assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
  }

  @Test
  void anEmptyAnswerIsAnEmptyBody() {
    server.always("DELETE", PROJECTS + "/web", Answer.json(204, ""));

    assertEquals(0, client.raw().send("DELETE", PROJECTS + "/web", null).length);
  }

  @ParameterizedTest(name = "a {0} whose connection drops after the body was read is sent once")
  @ValueSource(strings = {"POST", "PATCH"})
  void aWriteThatMayHaveBeenAppliedIsNeverSentAgain(String method) {
    server.enqueue(method, RUNS, Answer.dropConnection());
    server.always(method, RUNS, Answer.json(200, "{\"id\": 8}"));

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class,
        () -> client.raw().send(method, RUNS, RawCall.json("{\"branch\":{\"name\":\"master\"}}")));

    assertEquals(1, server.requests(method, RUNS).size(), "exactly one " + method + " reached the server");
    assertEquals(method, e.method());
  }

  @Test
  void aGetWhoseConnectionDropsIsSentAgain() {
    server.enqueue("GET", PROJECTS, Answer.dropConnection());
    server.always("GET", PROJECTS, Answer.json(200, "{\"projects\":[]}"));

    client.raw().send("GET", PROJECTS, null);

    assertEquals(2, server.requests("GET", PROJECTS).size());
  }

  @Test
  void aRateLimitedPostIsWaitedOutAndSentAgainAsItWasNotApplied() {
    SimulatedTime time = SimulatedTime.startingNow(Duration.ZERO);
    BuddyClient patient = FastClients.against(server, TOKEN).clock(time).sleeper(time).build();
    Instant reset = time.instant().plusSeconds(30);
    server.enqueue("POST", RUNS, Answer.json(429, "{\"errors\":[{\"message\":\"Rate limit exceeded\"}]}")
        .rateLimit(100, 0, reset));
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 9}").rateLimit(100, 99, reset.plusSeconds(60)));

    patient.raw().send("POST", RUNS, RawCall.json("{}"));

    assertEquals(2, server.requests("POST", RUNS).size());
    assertTrue(time.slept().compareTo(Duration.ofSeconds(20)) >= 0, "waited for the reset: " + time.slept());
    assertEquals(99, patient.rateLimit().remaining());
  }

  @Test
  void aMissingResourceIsTypedWithBuddysMessage() {
    server.always("GET", PROJECTS + "/nope", Answer.json(404, "{\"errors\":[{\"message\":\"Project not found\"}]}"));

    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class,
        () -> client.raw().send("GET", PROJECTS + "/nope", null));

    assertEquals(List.of("Project not found"), e.messages());
    assertEquals(PROJECTS + "/nope", e.path());
  }

  @Test
  void theMostVerboseLogMasksSecretsInTheAnswerAndTheToken() {
    String sent = "FAKE-SECRET-raw-sent-0002";
    String returned = "FAKE-SECRET-raw-returned-0003";
    BuddyClient loud = FastClients.against(server, TOKEN).logLevel(LogLevel.FULL).build();
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 10, \"comment\": \"deploy " + sent + "\", \"secret_key\": \""
        + returned + "\"}"));

    try (CapturedLog log = new CapturedLog()) {
      byte[] answer = loud.raw().send("POST", RUNS, RawCall.json("{\"comment\":\"deploy\",\"variables\":[{\"key\":\"K\","
          + "\"value\":\"" + sent + "\",\"encrypted\":true}]}"));

      assertTrue(new String(answer, StandardCharsets.UTF_8).contains(returned), "the caller gets the data as sent");
      assertTrue(log.text().contains("\"id\":10"), "the answer was logged: " + log.text());
      assertFalse(log.text().contains(sent), log.text());
      assertFalse(log.text().contains(returned), log.text());
      assertFalse(log.text().contains(TOKEN), log.text());
    }
  }

  @Test
  void paginateFollowsPagesAndMergesTheEnvelopesList() {
    server.enqueue("GET", RUNS,
        Answer.json(200, "{\"page\":1,\"page_size\":2,\"executions\":[{\"id\":5},{\"id\":4}]}"),
        Answer.json(200, "{\"page\":2,\"page_size\":2,\"executions\":[{\"id\":3},{\"id\":2}]}"),
        Answer.json(200, "{\"page\":3,\"page_size\":2,\"executions\":[{\"id\":1}]}"));

    JsonNode all = client.raw().paginate(RUNS + "?per_page=2&branch=master&page=7");

    assertEquals("[5,4,3,2,1]", ids(all.get("executions")));
    assertEquals(1, all.get("page").asInt(), "the first page's envelope");
    assertEquals(List.of("branch=master&page=1&per_page=2", "branch=master&page=2&per_page=2",
        "branch=master&page=3&per_page=2"), server.requests("GET", RUNS).stream().map(LoopbackServer.Recorded::query).toList());
  }

  @Test
  void paginateStopsAtTheAnnouncedLastPageAndTakesBuddysDefaultPageSize() {
    StringBuilder twenty = new StringBuilder("[");
    for (int i = 0; i < 20; i++) {
      twenty.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
    }
    twenty.append(']');
    server.enqueue("GET", RUNS, Answer.json(200, "{\"total_page_count\":1,\"executions\":" + twenty + "}"));

    assertEquals(20, client.raw().paginate(RUNS).get("executions").size());
    assertEquals(List.of("page=1&per_page=20"), server.requests("GET", RUNS).stream().map(LoopbackServer.Recorded::query).toList());
  }

  @Test
  void paginateOverAnArrayAndOverAnEndpointThatDoesNotPage() {
    server.enqueue("GET", PROJECTS, Answer.json(200, "[{\"id\":1},{\"id\":2}]"), Answer.json(200, "[]"));
    assertEquals("[1,2]", ids(client.raw().paginate(PROJECTS + "?per_page=2")));

    // The same full page whatever the page number: taken once, then the walk ends.
    server.always("GET", "/workspaces", Answer.json(200, "{\"workspaces\":[{\"id\":1},{\"id\":2}]}"));
    assertEquals("[1,2]", ids(client.raw().paginate("/workspaces?per_page=2").get("workspaces")));
    // More than a page's worth: the whole list at once.
    server.always("GET", "/user/emails", Answer.json(200, "{\"emails\":[{\"id\":1},{\"id\":2},{\"id\":3}]}"));
    assertEquals("[1,2,3]", ids(client.raw().paginate("/user/emails?per_page=2").get("emails")));
    assertEquals(1, server.requests("GET", "/user/emails").size());
  }

  @Test
  void paginateNeedsExactlyOneList() {
    server.always("GET", "/user", Answer.json(200, "{\"id\":1,\"name\":\"Mike\"}"));
    server.always("GET", "/workspaces/acme", Answer.json(200, "{\"a\":[],\"b\":[]}"));

    IllegalStateException none = assertThrows(IllegalStateException.class, () -> client.raw().paginate("/user"));
    IllegalStateException two = assertThrows(IllegalStateException.class, () -> client.raw().paginate("/workspaces/acme"));

    assertTrue(none.getMessage().contains("no list"), none.getMessage());
    assertTrue(two.getMessage().contains("more than one list [a, b]"), two.getMessage());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSentWithWhatIsValid() {
    IllegalArgumentException method = assertThrows(IllegalArgumentException.class, () -> RawCall.method("FETCH"));
    assertEquals("unknown method 'FETCH': use one of GET, POST, PUT, PATCH, DELETE", method.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RawCall.path("https://evil.example/workspaces"));
    assertThrows(IllegalArgumentException.class, () -> RawCall.path("/workspaces/../../admin"));
    assertThrows(IllegalArgumentException.class, () -> RawCall.path("/workspaces/%2e%2e/admin"));
    assertThrows(IllegalArgumentException.class, () -> RawCall.path("/"));
    assertThrows(IllegalArgumentException.class, () -> RawCall.path("/workspaces/a b"));
    assertEquals("workspaces/acme?x=1", RawCall.path("//workspaces/acme?x=1"));
    assertThrows(IllegalArgumentException.class, () -> client.raw().send("GET", PROJECTS, RawCall.json("{}")));

    IllegalArgumentException json = assertThrows(IllegalArgumentException.class,
        () -> RawCall.json("{\"token\":\n FAKE-SECRET-unquoted-0004}"));
    assertTrue(json.getMessage().startsWith("not JSON (line 2, column "), json.getMessage());
    assertFalse(json.getMessage().contains("FAKE-SECRET"), json.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RawCall.json("{} {}"));
    assertThrows(IllegalArgumentException.class, () -> RawCall.json("  "));
    assertEquals(0, server.requests().size());
  }

  private static String ids(JsonNode list) {
    StringBuilder out = new StringBuilder("[");
    list.forEach(n -> out.append(out.length() > 1 ? "," : "").append(n.get("id").asInt()));
    return out.append(']').toString();
  }

  static JsonNode tree(byte[] body) throws Exception {
    return BuddyJson.mapper().readTree(body);
  }
}
