package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.generated.model.ActionExecution;
import org.junit.jupiter.api.Test;

/** Runs to the end on a fast simulated clock: success, failure and retry, approval, cancel. */
class RunLifecycleE2eTest extends E2eTestBase {
  /** Only guards against a hang: at clock speed 50 a run takes well under a second. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aRunIsWaitedForUntilSuccessful() {
    admin.clockSpeed(50);
    Execution done = pipeline(2).run(RunOptions.onBranch("master")).waitUntilFinished(PATIENCE);
    assertEquals(ExecutionStatus.SUCCESSFUL, done.status());
    assertTrue(done.isSuccessful() && done.isFinished());
    assertNotNull(done.data().getFinishDate());
    assertTrue(done.actionExecutions().stream().allMatch(a -> ExecutionStatus.SUCCESSFUL.equals(a.getStatus())));
    assertTrue(admin.requests("getExecution").size() >= 1, "it polled");
  }

  @Test
  void aFailingPipelineEndsFailedAndARetrySucceeds() {
    admin.clockSpeed(50);
    Execution failed = pipeline(4).run(RunOptions.onBranch("develop")).waitUntilFinished(PATIENCE);
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertFalse(failed.isSuccessful());
    List<String> statuses = failed.actionExecutions().stream().map(ActionExecution::getStatus).toList();
    assertEquals(List.of("SUCCESSFUL", "FAILED", "NOT_EXECUTED"), statuses);

    Execution retried = failed.retry();
    assertEquals(failed.id(), retried.id(), "a retry is the same execution");
    assertFalse(retried.isFinished());
    Execution done = retried.waitUntilFinished(PATIENCE);
    assertEquals(ExecutionStatus.SUCCESSFUL, done.status());
    assertEquals(1, admin.requests("runExecution").size());
    assertEquals("RETRY", admin.requests("updateExecution").get(0).getJsonObject("body").getString("operation"));
  }

  @Test
  void aRunWaitingForApprovalIsApprovedAndSucceeds() {
    admin.clockSpeed(50);
    Execution run = pipeline(3).run(RunOptions.onBranch("master"));
    Execution waiting = awaitStatus(run, ExecutionStatus.WAITING_FOR_APPLY);
    assertFalse(waiting.isFinished());
    assertThrows(BuddyTimeoutException.class, () -> waiting.waitUntilFinished(Duration.ofMillis(300)),
      "an unapproved run never finishes by itself");

    Execution approved = waiting.approve();
    assertEquals("APPLY", admin.requests("updateExecution").get(0).getJsonObject("body").getString("operation"));
    Execution done = approved.waitUntilFinished(PATIENCE);
    assertEquals(ExecutionStatus.SUCCESSFUL, done.status());
    ActionExecution gate = done.actionExecution(done.actionExecutions().get(0).getActionExecutionId());
    assertEquals(1, gate.getApproverId());
  }

  @Test
  void aRunIsCancelled() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master"));
    admin.advance(2);
    assertEquals(ExecutionStatus.INPROGRESS, run.refresh().status());
    Execution cancelled = run.cancel();
    assertEquals(ExecutionStatus.TERMINATED, cancelled.status());
    assertTrue(cancelled.isFinished());
    assertEquals(cancelled.status(), cancelled.waitUntilFinished(PATIENCE).status(), "finished: no waiting");
    assertEquals(List.of("TERMINATED", "NOT_EXECUTED"),
      cancelled.actionExecutions().stream().map(ActionExecution::getStatus).toList());
    admin.advance(60);
    assertEquals(ExecutionStatus.TERMINATED, run.refresh().status(), "and it stays cancelled");
  }

  private static Execution awaitStatus(Execution run, String status) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Execution current = run;
    while (!status.equals(current.status())) {
      assertTrue(System.nanoTime() < deadline, () -> "still " + run.status());
      sleep(20);
      current = current.refresh();
    }
    return current;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
