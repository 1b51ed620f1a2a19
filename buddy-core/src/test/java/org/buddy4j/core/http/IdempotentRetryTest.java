package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.buddy4j.core.errors.BuddyServerException;
import org.buddy4j.core.errors.BuddyTransportException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GETs and DELETEs are re-sent after 502/503/504, dropped connections and timeouts; a PATCH is not. */
class IdempotentRetryTest {
  private static final String TOKEN = "FAKE-token-retry-0003";
  private static final String USER = "/user";
  private static final String OK = "{\"id\": 1, \"name\": \"Mike\"}";
  private static final String EXECUTION = "/workspaces/acme/projects/web/pipelines/2/executions/7";

  private LoopbackServer server;
  private BuddyClient client;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    // A read timeout that only guards against a hang: no answer here is slow unless a test holds it.
    client = FastClients.against(server, TOKEN).readTimeout(Duration.ofSeconds(30)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "GET answered {0} once is sent again")
  @ValueSource(ints = {502, 503, 504})
  void getIsRetriedAfterAGatewayError(int status) {
    server.enqueue("GET", USER, Answer.json(status, "{\"errors\":[{\"message\":\"busy\"}]}"));
    server.always("GET", USER, Answer.json(200, OK));

    assertEquals("Mike", client.user().get().getName());

    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void getIsRetriedSeveralTimesUntilItSucceeds() {
    server.enqueue("GET", USER, Answer.json(503, ""), Answer.json(502, ""), Answer.json(504, ""));
    server.always("GET", USER, Answer.json(200, OK));

    assertEquals("Mike", client.user().get().getName());

    assertEquals(4, server.requests("GET", USER).size());
  }

  /** Lost after sending on every attempt: a transport error, but not one that says "not applied". */
  @Test
  void aGetLostOnEveryAttemptIsATransportErrorWhoseOutcomeIsUnknown() {
    server.always("GET", USER, Answer.dropConnection());

    BuddyTransportException e = assertThrows(BuddyTransportException.class, () -> client.user().get());

    assertEquals(Applied.UNKNOWN, e.applied(), e.getMessage());
  }

  @Test
  void getWhoseConnectionIsDroppedIsSentAgain() {
    server.enqueue("GET", USER, Answer.dropConnection());
    server.always("GET", USER, Answer.json(200, OK));

    assertEquals("Mike", client.user().get().getName());

    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void getThatTimesOutIsSentAgain() {
    server.enqueue("GET", USER, Answer.json(200, "{\"id\": 1, \"name\": \"Slow\"}").heldUntilClose());
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient impatient = FastClients.against(server, TOKEN).readTimeout(Duration.ofMillis(400)).build();

    assertEquals("Mike", impatient.user().get().getName());

    assertEquals(2, server.requests("GET", USER).size());
  }

  @Test
  void exhaustedRetriesOnGetIsAServerExceptionAfterMaxAttempts() {
    server.always("GET", USER, Answer.json(503, "{\"errors\":[{\"message\":\"Service unavailable\"}]}"));

    BuddyServerException e = assertThrows(BuddyServerException.class, () -> client.user().get());

    assertEquals(FastClients.FAST_RETRIES.maxAttempts(), server.requests("GET", USER).size());
    assertEquals(503, e.status());
    assertEquals("GET", e.method());
    assertEquals(USER, e.path());
    assertEquals("Service unavailable", e.messages().get(0));
  }

  @Test
  void deleteIsRetriedLikeGet() {
    String path = "/workspaces/acme/integrations/abc123";
    server.enqueue("DELETE", path, Answer.json(503, ""), Answer.dropConnection());
    server.always("DELETE", path, Answer.json(204, ""));

    client.workspace("acme").integrations().delete("abc123");

    assertEquals(3, server.requests("DELETE", path).size());
  }

  @Test
  void patchAnswered503IsNotResent() {
    server.enqueue("GET", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"FAILED\"}"));
    server.always("PATCH", EXECUTION, Answer.json(503, "{\"errors\":[{\"message\":\"down\"}]}"));
    Execution failed = client.workspace("acme").project("web").pipeline(2).execution(7);

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class, failed::retry);

    assertEquals(1, server.requests("PATCH", EXECUTION).size());
    assertEquals("PATCH", e.method());
    assertEquals(503, assertInstanceOf(BuddyServerException.class, e.getCause()).status());
  }

  @Test
  void patchWhoseConnectionIsDroppedIsNotResent() {
    server.enqueue("GET", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"INPROGRESS\"}"));
    server.enqueue("PATCH", EXECUTION, Answer.dropConnection());
    server.always("PATCH", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"TERMINATING\"}"));
    Execution running = client.workspace("acme").project("web").pipeline(2).execution(7);

    assertThrows(BuddyOutcomeUnknownException.class, running::cancel);

    assertEquals(1, server.requests("PATCH", EXECUTION).size());
  }
}
