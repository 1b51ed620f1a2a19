package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.junit.jupiter.api.Test;

/** A connection reset after the run POST was applied: the client reports outcome-unknown and never re-sends, so exactly one run exists. */
class OutcomeUnknownE2eTest extends E2eTestBase {

  @Test
  void aResetAfterApplyIsOutcomeUnknownAndTheRunExistsOnce() {
    int before = (int) pipeline(2).executions().count();
    admin.clearRequests();
    admin.faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("resetAfterApply", true));

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class,
      () -> pipeline(2).run(RunOptions.onBranch("master").comment("e2e exactly-once")));
    assertEquals("POST", e.method());
    assertTrue(e.path().endsWith("/pipelines/2/executions"), e.path());
    assertTrue(e.getMessage().contains("was not re-sent"), e.getMessage());

    List<JsonObject> posts = admin.requests("runExecution");
    assertEquals(1, posts.size(), "exactly one POST, although the client's retry policy allows 4 attempts");
    assertEquals("reset after apply", posts.get(0).getString("fault"));
    assertEquals(0, posts.get(0).getInteger("status"), "no answer was sent");

    admin.faults();
    List<Execution> all = pipeline(2).executions().collect(Collectors.toList());
    assertEquals(before + 1, all.size(), "the run was applied: exactly one new execution");
    assertEquals(1, all.stream().filter(x -> "e2e exactly-once".equals(x.data().getComment())).count());
  }

  @Test
  void anInjectedResetOnAGetIsRetriedBecauseGetIsSafe() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master"));
    admin.clearRequests();
    admin.faults(new JsonObject().put("method", "GET").put("operationId", "getExecution").put("resetAfterApply", true)
      .put("times", 1));
    assertEquals(run.id(), run.refresh().id());
    assertEquals(List.of(0, 200), admin.requests("getExecution").stream().map(r -> r.getInteger("status"))
      .collect(Collectors.toList()), "the reset GET was sent again once");
  }
}
