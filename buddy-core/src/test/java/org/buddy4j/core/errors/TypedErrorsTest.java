package org.buddy4j.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each error status becomes its own BuddyException type, carrying Buddy's messages and never the token. */
class TypedErrorsTest {
  private static final String TOKEN = "FAKE-token-errors-0006";
  private static final String PIPELINE = "/workspaces/acme/projects/web/pipelines/2";
  private static final String RUNS = PIPELINE + "/executions";

  private LoopbackServer server;
  private BuddyClient client;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    client = FastClients.against(server, TOKEN).build();
    pipeline = client.workspace("acme").project("web").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "HTTP {0} on a run is a validation error with Buddy's messages")
  @ValueSource(ints = {400, 422})
  void validationErrorsCarryEveryMessage(int status) {
    server.always("POST", RUNS, Answer.json(status,
        "{\"errors\":[{\"message\":\"Branch 'nope' not found\"},{\"message\":\"Priority is invalid\"}]}"));

    BuddyValidationException e = assertThrows(BuddyValidationException.class,
        () -> pipeline.run(RunOptions.onBranch("nope")));

    assertEquals(List.of("Branch 'nope' not found", "Priority is invalid"), e.messages());
    assertEquals(status, e.status());
    assertEquals("POST", e.method());
    assertEquals(RUNS, e.path());
    assertTrue(e.getMessage().contains("Branch 'nope' not found"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    assertEquals(1, server.requests("POST", RUNS).size(), "a refused request is not sent again");
  }

  @Test
  void forbiddenIsAPermissionError() {
    server.always("GET", PIPELINE, Answer.json(403, "{\"errors\":[{\"message\":\"Insufficient scope\"}]}"));

    BuddyPermissionException e = assertThrows(BuddyPermissionException.class, pipeline::get);

    assertEquals(403, e.status());
    assertEquals(List.of("Insufficient scope"), e.messages());
    assertEquals(1, server.requests("GET", PIPELINE).size());
  }

  @Test
  void notFoundIsANotFoundError() {
    server.always("GET", PIPELINE, Answer.json(404, "{\"errors\":[{\"message\":\"Pipeline not found\"}]}"));

    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class, pipeline::get);

    assertEquals(404, e.status());
    assertEquals("GET", e.method());
    assertEquals(PIPELINE, e.path());
    assertEquals(List.of("Pipeline not found"), e.messages());
  }

  @Test
  void legacyErrorFieldBecomesTheMessage() {
    server.always("GET", PIPELINE, Answer.json(404, "{\"error\":\"Resource not found\"}"));

    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class, pipeline::get);

    assertEquals(List.of("Resource not found"), e.messages());
    assertTrue(e.getMessage().endsWith("Resource not found"), e.getMessage());
  }

  @Test
  void nonJson502OnGetAfterRetriesIsAServerErrorWithoutMessages() {
    server.always("GET", PIPELINE, Answer.json(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"));

    BuddyServerException e = assertThrows(BuddyServerException.class, pipeline::get);

    assertEquals(502, e.status());
    assertTrue(e.messages().isEmpty(), e.messages().toString());
    assertFalse(e.getMessage().contains("<html>"), e.getMessage());
    assertEquals(FastClients.FAST_RETRIES.maxAttempts(), server.requests("GET", PIPELINE).size());
  }

  @Test
  void theTokenNeverAppearsInAnExceptionEvenWhenBuddyEchoesIt() {
    server.always("POST", RUNS, Answer.json(422,
        "{\"errors\":[{\"message\":\"Token " + TOKEN + " may not run this pipeline\"}]}"));

    BuddyValidationException e = assertThrows(BuddyValidationException.class,
        () -> pipeline.run(RunOptions.onBranch("main")));

    assertEquals("Token *** may not run this pipeline", e.messages().get(0));
    assertTrue(e.getMessage().contains("Token *** may not"), e.getMessage());
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(TOKEN), "the stack trace shows the token");
    assertFalse(client.toString().contains(TOKEN));
  }

  @Test
  void everyErrorTypeIsABuddyException() {
    server.always("GET", PIPELINE, Answer.json(418, "{\"errors\":[{\"message\":\"teapot\"}]}"));

    BuddyApiException e = assertThrows(BuddyApiException.class, pipeline::get);

    assertEquals(418, e.status());
    assertTrue(e instanceof BuddyException);
    assertEquals(List.of("teapot"), e.messages());
  }
}
