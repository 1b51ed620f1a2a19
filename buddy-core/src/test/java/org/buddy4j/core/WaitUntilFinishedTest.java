package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * waitUntilFinished polls through every running state to the final snapshot, and gives up at the deadline.
 * The client runs on {@link SimulatedTime}: deadlines and poll intervals are exact, whatever the machine's load.
 */
class WaitUntilFinishedTest {
  private static final String EXECUTION = "/workspaces/acme/projects/web/pipelines/2/executions/7";
  private static final String FINISH = "\"finish_date\": \"2026-03-01T12:00:00Z\"";

  private LoopbackServer server;
  private SimulatedTime time;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    time = SimulatedTime.startingNow(Duration.ZERO);
    pipeline = FastClients.against(server, "FAKE-token-wait-0008").clock(time).sleeper(time).build()
        .workspace("acme").project("web").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Answer status(String status) {
    return Answer.json(200, "{\"id\": 7, \"status\": \"" + status + "\"}");
  }

  @Test
  void pollsThroughEveryRunningStateAndReturnsTheSuccessfulSnapshot() {
    server.enqueue("GET", EXECUTION, status("ENQUEUED"), status("INPROGRESS"), status("WAITING_FOR_APPLY"),
        status("TERMINATING"), Answer.json(200, "{\"id\": 7, \"status\": \"SUCCESSFUL\", " + FINISH + "}"));
    server.always("GET", EXECUTION, status("FAILED"));

    Execution first = pipeline.execution(7);
    assertFalse(first.isFinished());
    Execution done = first.waitUntilFinished(Duration.ofSeconds(10));

    assertEquals("SUCCESSFUL", done.status());
    assertTrue(done.isSuccessful());
    assertTrue(done.isFinished());
    assertEquals(5, server.requests("GET", EXECUTION).size(), "exactly one GET per state, none after SUCCESSFUL");
  }

  @Test
  void anUnknownStatusCountsAsFinishedOnlyWithAFinishDate() {
    server.enqueue("GET", EXECUTION, status("INPROGRESS"), status("ARCHIVED"), status("ARCHIVED"),
        Answer.json(200, "{\"id\": 7, \"status\": \"ARCHIVED\", " + FINISH + "}"));
    server.always("GET", EXECUTION, status("FAILED"));

    Execution done = pipeline.execution(7).waitUntilFinished(Duration.ofSeconds(10));

    assertEquals("ARCHIVED", done.status());
    assertTrue(done.isFinished());
    assertFalse(done.isSuccessful());
    assertEquals(4, server.requests("GET", EXECUTION).size(), "ARCHIVED without finish_date kept it polling");
  }

  @Test
  void aFinishedRunIsReturnedWithoutPolling() {
    server.enqueue("GET", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"FAILED\", " + FINISH + "}"));

    Execution done = pipeline.execution(7).waitUntilFinished(Duration.ofSeconds(10));

    assertEquals("FAILED", done.status());
    assertEquals(1, server.requests("GET", EXECUTION).size());
  }

  @Test
  void stillRunningAtTheDeadlineIsATimeout() {
    server.always("GET", EXECUTION, status("INPROGRESS"));
    Execution running = pipeline.execution(7);

    BuddyTimeoutException e = assertThrows(BuddyTimeoutException.class,
        () -> running.waitUntilFinished(Duration.ofMillis(300)));

    assertEquals(Duration.ofMillis(300), time.slept(), "gave up exactly at the deadline: " + time.sleeps());
    assertEquals(Duration.ofMillis(20), time.sleeps().get(0), "the first poll interval");
    assertTrue(time.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofMillis(100)) <= 0), "capped: " + time.sleeps());
    assertTrue(e.getMessage().contains("INPROGRESS"), e.getMessage());
    assertEquals(1 + time.sleeps().size(), server.requests("GET", EXECUTION).size(),
        "it kept polling until the deadline, one GET after each pause");
  }
}
