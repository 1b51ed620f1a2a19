package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyValidationException;
import org.junit.jupiter.api.Test;

/** {@code delay_until} in the future keeps a run ENQUEUED until {@code runNow()} (RUN_DELAYED) or until the clock passes it. */
class DelayedRunE2eTest extends E2eTestBase {

  @Test
  void runNowStartsADelayedRun() {
    Instant now = admin.now();
    Execution run = pipeline(2).run(RunOptions.onBranch("master").delayUntil(now.plusSeconds(3600)));
    assertEquals(now.plusSeconds(3600).toString(),
      Instant.parse(admin.requests("runExecution").get(0).getJsonObject("body").getString("delay_until")).toString());
    admin.advance(600);
    assertEquals(ExecutionStatus.ENQUEUED, run.refresh().status(), "10 minutes later it still waits");

    Execution started = run.runNow();
    assertEquals(ExecutionStatus.INPROGRESS, started.status());
    assertEquals("RUN_DELAYED", admin.requests("updateExecution").get(0).getJsonObject("body").getString("operation"));
    admin.advance(30);
    assertEquals(ExecutionStatus.SUCCESSFUL, run.refresh().status());
  }

  @Test
  void aDelayedRunStartsWhenTheClockPassesItsTime() {
    Instant at = admin.now().plusSeconds(300);
    Execution run = pipeline(2).run(RunOptions.onBranch("master").delayUntil(at));
    admin.advance(299);
    assertEquals(ExecutionStatus.ENQUEUED, run.refresh().status());
    admin.advance(2);
    Execution started = run.refresh();
    assertEquals(ExecutionStatus.INPROGRESS, started.status());
    assertEquals(at, started.data().getStartDate().toInstant());
    BuddyValidationException tooLate = assertThrows(BuddyValidationException.class, started::runNow);
    assertEquals(422, tooLate.status(), "RUN_DELAYED needs a run that is still waiting");
  }

  @Test
  void withoutADelayARunLeavesTheQueueAtOnce() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master"));
    admin.advance(1);
    assertEquals(ExecutionStatus.INPROGRESS, run.refresh().status());
    assertEquals(List.of("runExecution", "getExecution"),
      admin.requests().stream().map(r -> r.getString("operationId")).toList());
  }
}
