package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * waitUntil polls until a snapshot meets the condition, on the client's clock and sleeper: here a
 * simulated clock that moves only when the wait pauses, so the deadline is exact and no real time passes.
 */
class WaitUntilTest {
  private static final String EXECUTION = "/workspaces/acme/projects/web/pipelines/2/executions/7";
  private static final Predicate<Execution> WAITING_OR_OVER =
      e -> e.isFinished() || ExecutionStatus.WAITING_FOR_APPLY.equals(e.status());

  private LoopbackServer server;
  private SimulatedTime time;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    time = new SimulatedTime(Instant.parse("2026-03-01T12:00:00Z"));
    pipeline = FastClients.against(server, "FAKE-token-wait-0009")
        .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(10))
        .clock(time).sleeper(time)
        .build().workspace("acme").project("web").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Answer status(String status) {
    return Answer.json(200, "{\"id\": 7, \"status\": \"" + status + "\"}");
  }

  @Test
  void stopsAtTheFirstSnapshotThatMeetsTheCondition() {
    server.enqueue("GET", EXECUTION, status("ENQUEUED"), status("INPROGRESS"), status("WAITING_FOR_APPLY"));
    server.always("GET", EXECUTION, status("FAILED"));

    Execution waiting = pipeline.execution(7).waitUntil(WAITING_OR_OVER, Duration.ofMinutes(5));

    assertEquals("WAITING_FOR_APPLY", waiting.status());
    assertEquals(3, server.requests("GET", EXECUTION).size(), "one GET per state, none after the one it waited for");
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), time.sleeps(),
        "the client's poll interval, growing by half");
  }

  @Test
  void aSnapshotThatAlreadyMeetsItIsReturnedWithoutARequest() {
    server.enqueue("GET", EXECUTION, status("WAITING_FOR_APPLY"));
    Execution first = pipeline.execution(7);

    Execution same = first.waitUntil(WAITING_OR_OVER, Duration.ofMinutes(5));

    assertEquals("WAITING_FOR_APPLY", same.status());
    assertEquals(1, server.requests("GET", EXECUTION).size());
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void noSnapshotMeetingItByTheDeadlineIsATimeoutExactlyAtTheDeadline() {
    server.always("GET", EXECUTION, status("INPROGRESS"));
    Execution running = pipeline.execution(7);

    BuddyTimeoutException e = assertThrows(BuddyTimeoutException.class,
        () -> running.waitUntil(WAITING_OR_OVER, Duration.ofSeconds(60)));

    assertEquals(Duration.ofSeconds(60), time.slept(), "it waited to the deadline and not past it");
    assertTrue(time.sleeps().stream().allMatch(p -> p.compareTo(Duration.ofSeconds(10)) <= 0), time.sleeps().toString());
    assertEquals(1 + time.sleeps().size(), server.requests("GET", EXECUTION).size(), "one GET after each pause");
    assertTrue(e.getMessage().contains("INPROGRESS") && e.getMessage().contains("60 s"), e.getMessage());
  }

  @Test
  void waitUntilFinishedIsWaitUntilOver() {
    server.enqueue("GET", EXECUTION, status("INPROGRESS"), status("WAITING_FOR_APPLY"),
        Answer.json(200, "{\"id\": 7, \"status\": \"FAILED\", \"finish_date\": \"2026-03-01T12:00:09Z\"}"));

    Execution done = pipeline.execution(7).waitUntilFinished(Duration.ofMinutes(5));

    assertEquals("FAILED", done.status());
    assertEquals(2, time.sleeps().size(), "WAITING_FOR_APPLY is not over");
  }
}
