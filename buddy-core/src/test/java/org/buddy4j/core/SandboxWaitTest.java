package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sandbox's waits poll on the client's clock and sleeper, as a run's do (simulated time that moves only
 * when the wait pauses), and stop at FAILED, which no amount of waiting turns into RUNNING.
 */
class SandboxWaitTest {
  private static final String SANDBOX = "/workspaces/acme/sandboxes/sbx42";

  private LoopbackServer server;
  private SimulatedTime time;
  private SandboxClient sandbox;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    time = new SimulatedTime(Instant.parse("2026-03-01T12:00:00Z"));
    sandbox = FastClients.against(server, "FAKE-token-sandbox-0014")
        .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(10))
        .clock(time).sleeper(time)
        .build().workspace("acme").sandboxes().sandbox("sbx42");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Answer status(String status) {
    return Answer.json(200, "{\"id\": \"sbx42\", \"status\": \"" + status + "\", \"setup_status\": \"INPROGRESS\"}");
  }

  @Test
  void waitingUntilRunningPollsWithTheClientsBackoffAndStopsAtRunning() {
    server.enqueue("GET", SANDBOX, status("STARTING"), status("STARTING"), status("RUNNING"));
    server.always("GET", SANDBOX, status("STOPPING"));

    assertEquals("RUNNING", sandbox.waitUntilRunning(Duration.ofMinutes(5)).getStatus());
    assertEquals(3, server.requests("GET", SANDBOX).size(), "one GET per snapshot, none after RUNNING");
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), time.sleeps());
  }

  @Test
  void aSandboxThatFailsEndsTheWaitAtOnceWithItsStatus() {
    server.enqueue("GET", SANDBOX, status("STARTING"), status("FAILED"));
    server.always("GET", SANDBOX, status("RUNNING"));

    BuddyException e = assertThrows(BuddyException.class, () -> sandbox.waitUntilRunning(Duration.ofMinutes(5)));
    assertFalse(e instanceof BuddyTimeoutException, "a failure, not a timeout");
    assertTrue(e.getMessage().startsWith("sandbox sbx42 of workspace acme is FAILED"), e.getMessage());
    assertEquals(2, server.requests("GET", SANDBOX).size());
  }

  @Test
  void aSandboxStillStoppingAtTheDeadlineIsATimeoutExactlyThere() {
    server.always("GET", SANDBOX, status("STOPPING"));

    BuddyTimeoutException e = assertThrows(BuddyTimeoutException.class, () -> sandbox.waitUntilStopped(Duration.ofSeconds(45)));
    assertEquals("sandbox sbx42 of workspace acme is still STOPPING after 45 s", e.getMessage());
    assertEquals(Duration.ofSeconds(45), time.slept());
    assertEquals(1 + time.sleeps().size(), server.requests("GET", SANDBOX).size(), "one GET after each pause");
  }

  @Test
  void startAndStopPostAnEmptyObjectOnce() {
    server.enqueue("POST", SANDBOX + "/start", status("STARTING"));
    server.enqueue("POST", SANDBOX + "/stop", status("STOPPING"));

    assertEquals("STARTING", sandbox.start().getStatus());
    assertEquals("STOPPING", sandbox.stop().getStatus());
    assertEquals("{}", server.requests("POST", SANDBOX + "/start").get(0).body());
    assertEquals(1, server.requests("POST", SANDBOX + "/stop").size());
  }
}
