package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyServerException;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run POST that may have reached Buddy is never re-sent: the worst bug this project can ship. */
class RunIsNeverSentTwiceTest {
  private static final String RUNS = "/workspaces/buddy/projects/company-website/pipelines/2/executions";

  private LoopbackServer server;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    pipeline = BuddyClient.builder()
        .token("FAKE-token-run-once-0000")
        .endpoint(server.url())
        .readTimeout(Duration.ofSeconds(30)) // only guards against a hang; the timeout test holds its answer
        .build()
        .workspace("buddy").project("company-website").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connectionDroppedAfterTheBodyWasSentIsOutcomeUnknownAndNotResent() {
    server.enqueue("POST", RUNS, Answer.dropConnection());
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 99, \"status\": \"INPROGRESS\"}"));

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class,
        () -> pipeline.run(RunOptions.onBranch("master").comment("marker-1")));

    assertEquals(1, server.requests("POST", RUNS).size(), "exactly one POST reached the server");
    assertEquals("POST", e.method());
    assertTrue(e.getMessage().contains("not re-sent"), e.getMessage());
  }

  @Test
  void readTimeoutAfterSendingIsOutcomeUnknownAndNotResent() {
    server.enqueue("POST", RUNS, Answer.json(200, "{\"id\": 1}").heldUntilClose());
    server.always("POST", RUNS, Answer.json(200, "{\"id\": 2}"));
    PipelineClient impatient = BuddyClient.builder().token("FAKE-token-run-once-0000").endpoint(server.url())
        .readTimeout(Duration.ofMillis(800)).build().workspace("buddy").project("company-website").pipeline(2);

    assertThrows(BuddyOutcomeUnknownException.class, () -> impatient.run(RunOptions.onBranch("master")));

    assertEquals(1, server.requests("POST", RUNS).size());
  }

  @Test
  void serverErrorOnRunIsOutcomeUnknownAndNotResent() {
    server.always("POST", RUNS, Answer.json(500, "{\"errors\":[{\"message\":\"Internal server error\"}]}"));

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class,
        () -> pipeline.run(RunOptions.onBranch("master")));

    assertEquals(1, server.requests("POST", RUNS).size());
    BuddyServerException cause = assertInstanceOf(BuddyServerException.class, e.getCause());
    assertEquals(500, cause.status());
    assertEquals("Internal server error", cause.messages().get(0));
  }

  @Test
  void serviceUnavailableOnRunIsNotResentEither() {
    server.always("POST", RUNS, Answer.json(503, "{\"errors\":[{\"message\":\"down\"}]}"));

    assertThrows(BuddyOutcomeUnknownException.class, () -> pipeline.run(RunOptions.onBranch("master")));

    assertEquals(1, server.requests("POST", RUNS).size());
  }
}
