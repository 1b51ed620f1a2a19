package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Resources;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.testing.CapturedLog;
import org.junit.jupiter.api.Test;

/** A pipeline's actions through the facade (CRUD, paging), and an action's run by both routes. */
class PipelineActionsE2eTest extends E2eTestBase {

  @Test
  void anActionIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Action, Integer, Action, Action> actions = pipeline(2).actions();
    Action created = actions.create(new Action().name("e2e echo").type("BUILD")
        .putAdditionalProperty("docker_image_name", "library/ubuntu").putAdditionalProperty("docker_image_tag", "24.04")
        .putAdditionalProperty("execute_commands", List.of("echo e2e")));
    int id = created.getId();
    assertEquals("e2e echo", actions.get(id).getName());
    assertTrue(actions.list().anyMatch(a -> a.getId() == id));

    assertEquals("e2e renamed", actions.update(id, new Action().name("e2e renamed")).getName());
    assertEquals("e2e renamed", actions.get(id).getName());

    actions.delete(id);
    assertEquals(Optional.empty(), actions.find(id));
    assertThrows(BuddyNotFoundException.class, () -> actions.get(id));
  }

  @Test
  void theSeededActionsArePagedAtTheSizeAsked() {
    Resources<Action, Integer, Action, Action> actions = pipeline(4).actions();
    List<Integer> all = actions.list().map(Action::getId).toList();
    assertTrue(all.contains(10), all::toString);
    assertEquals(1, actions.page(1, 1).size());
    assertEquals(all.get(0), actions.page(1, 1).get(0).getId());
    assertEquals(50, Integer.parseInt(admin.requests("getPipelineActions").get(0).getString("query").replaceAll(".*per_page=(\\d+).*", "$1")));
  }

  @Test
  void anActionsRunReadsByTheLegacyRouteAndByItsActionExecution() {
    Execution run = pipeline(4).run(RunOptions.onBranch("develop"));
    admin.advance(60);
    Execution done = run.refresh();

    ActionExecution legacy = done.actionDetails(10);
    assertEquals(10, legacy.getAction().getId());
    ActionExecution listed = done.actionExecutions().stream().filter(a -> a.getAction().getId() == 10).findFirst().orElseThrow();
    assertNotNull(listed.getActionExecutionId());
    ActionExecution current = done.actionExecution(listed.getActionExecutionId());
    assertEquals(legacy.getStatus(), current.getStatus());
    assertTrue(admin.requests("getExecutionActionDetails").get(0).getString("path").endsWith("/executions/" + run.id() + "/action/10"));
  }

  @Test
  void anActionsEncryptedVariableIsPrintedNowhereEvenWithFullLogging() {
    String sentinel = "FAKE-SECRET-action-var-5510";
    String printed;
    try (CapturedLog log = new CapturedLog()) {
      BuddyClient verbose = client().logLevel(LogLevel.FULL).build();
      Resources<Action, Integer, Action, Action> actions = verbose.workspace(WORKSPACE).project(PROJECT).pipeline(2).actions();
      Action created = actions.create(new Action().name("e2e secret").type("BUILD")
          .addVariablesItem(new Variable().key("TOKEN").value(sentinel).encrypted(true)));
      printed = log.text() + created + actions.get(created.getId());
      assertTrue(log.text().contains("e2e secret"), "FULL logging logged the bodies");
    }
    assertFalse(printed.contains(sentinel), "the encrypted value is in no log line and no toString");
  }

  @Test
  void anUnknownActionIsNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> pipeline(2).actions().get(99_999));
    Execution run = pipeline(2).run(RunOptions.onBranch("master"));
    assertThrows(BuddyNotFoundException.class, () -> run.actionDetails(99_999));
  }
}
