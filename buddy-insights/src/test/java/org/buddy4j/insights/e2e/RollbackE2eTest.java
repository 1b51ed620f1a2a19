package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.rollback.NoRollbackTargetException;
import org.buddy4j.core.rollback.RollbackPlan;
import org.junit.jupiter.api.Test;

/** {@code RollbackPlan.of(pipeline)} / {@code execute()} against the seeded history of deploy-prod. */
class RollbackE2eTest extends HistoryTestBase {
  private static final String EEE = "eeeeeee666666666666666666666666666666666";

  @Test
  void planNamesTheCurrentRunTheLastGoodOneBeforeItAndTheRevisionAndSendsNothing() {
    // newest finished: #11 SUCCESSFUL on master; before it #10 FAILED (tag), #9 passed but on a pull
    // request, #8 SUCCESSFUL on master at eeeeeee → the target
    RollbackPlan plan = RollbackPlan.of(pipeline(1));
    assertEquals(11, plan.current().id());
    assertEquals(8, plan.target().id());
    assertEquals(EEE, plan.revision());
    assertEquals("master", plan.branch());
    assertEquals("Rollback of #11 to eeeeeee (last successful run #8)", plan.comment());
    assertTrue(plan.toString().contains("will run revision " + EEE + " on branch master"), plan.toString());
    assertEquals(0, requestCount("POST"), "a plan (dry run) starts nothing");
  }

  @Test
  void rollbackRunsTheTargetRevisionOnceWithACommentNamingIt() {
    Execution run = RollbackPlan.of(pipeline(1)).execute();
    assertEquals(12, run.id());
    assertEquals(EEE, run.revision().orElseThrow());
    assertEquals("master", run.data().getBranch().getName());
    assertEquals("Rollback of #11 to eeeeeee (last successful run #8)", run.data().getComment());
    assertEquals(1, requestCount("POST"));
  }

  @Test
  void runsInProgressArePassedOverAndCounted() {
    pipeline(1).run(RunOptions.onBranch("master")); // #12 stays ENQUEUED: the clock is frozen
    RollbackPlan plan = RollbackPlan.of(pipeline(1));
    assertEquals(11, plan.current().id());
    assertEquals(1, plan.runsInProgress());
    assertTrue(plan.toString().contains("1 newer run(s) still queued or in progress"));
  }

  @Test
  void noEarlierSuccessIsAClearError() {
    // tests: the newest finished run is #4 (TERMINATED on develop); the last good one on develop is #2
    assertEquals(2, RollbackPlan.of(pipeline(2)).target().id());
    // a first run on master (#5) finishes: nothing on master before it
    pipeline(2).run(RunOptions.onBranch("master"));
    admin("POST", "/__emulator/clock/advance", "{\"seconds\": 600}");
    NoRollbackTargetException e = assertThrows(NoRollbackTargetException.class, () -> RollbackPlan.of(pipeline(2)));
    assertTrue(e.getMessage().contains("no successful run of another revision on branch master before run #5"),
        e.getMessage());
    NoRollbackTargetException none = assertThrows(NoRollbackTargetException.class,
        () -> RollbackPlan.of(buddy.workspace(WS).project("empty-project").pipeline(3)).execute());
    assertTrue(none.getMessage().contains("it has no finished run yet"), none.getMessage());
    assertEquals(1, requestCount("POST"), "no rollback was started");
  }
}
