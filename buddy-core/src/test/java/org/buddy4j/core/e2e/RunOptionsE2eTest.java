package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyValidationException;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.PassVariable;
import org.junit.jupiter.api.Test;

/** Every run option goes through the real client: what the emulator received (request log) and what the execution reports. */
class RunOptionsE2eTest extends E2eTestBase {

  /** The body of the only runExecution request logged so far. */
  private static JsonObject onlyRunBody() {
    List<JsonObject> posts = admin.requests("runExecution");
    assertEquals(1, posts.size(), "exactly one POST");
    assertEquals(200, posts.get(0).getInteger("status"));
    return posts.get(0).getJsonObject("body");
  }

  @Test
  void branch() {
    Execution run = pipeline(2).run(RunOptions.onBranch("develop"));
    assertEquals(new JsonObject().put("branch", new JsonObject().put("name", "develop")), onlyRunBody());
    assertEquals("develop", run.data().getBranch().getName());
    assertEquals(ExecutionStatus.ENQUEUED, run.status());
    assertEquals("develop", run.refresh().data().getBranch().getName());
  }

  @Test
  void anUnknownBranchIsRefusedAndStartsNothing() {
    BuddyValidationException e = assertThrows(BuddyValidationException.class,
      () -> pipeline(2).run(RunOptions.onBranch("no-such-branch")));
    assertEquals(400, e.status());
    assertTrue(e.messages().get(0).contains("no-such-branch"), e.messages().toString());
    assertEquals(2, pipeline(2).executions().count(), "only the seed's two past runs");
  }

  @Test
  void tag() {
    Execution run = pipeline(2).run(RunOptions.onTag("v1.2.0"));
    assertEquals("v1.2.0", onlyRunBody().getJsonObject("tag").getString("name"));
    assertEquals("v1.2.0", run.data().getTag().getName());
    Execution onMaster = pipeline(2).run(RunOptions.onBranch("master"));
    assertTrue(run.revision().orElseThrow().matches("[0-9a-f]{40}"), run.revision().toString());
    assertNotEquals(onMaster.revision(), run.revision(), "a tag resolves to its own commit");
  }

  @Test
  void pullRequest() {
    Execution run = pipeline(2).run(RunOptions.onPullRequest("pull/42"));
    assertEquals("pull/42", onlyRunBody().getJsonObject("pull_request").getString("name"));
    assertEquals("pull/42", run.data().getPullRequest().getName());
    assertNull(run.data().getTag());
  }

  @Test
  void revision() {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Execution run = pipeline(2).run(RunOptions.onBranch("master").revision(sha));
    assertEquals(sha, onlyRunBody().getJsonObject("to_revision").getString("revision"));
    assertEquals(sha, run.revision().orElseThrow());
    assertEquals(sha, run.refresh().data().getToRevision().getRevision());
  }

  @Test
  void plainAndEncryptedVariables() {
    String secret = "FAKE-SENTINEL-encrypted-variable";
    Execution run = pipeline(2).run(RunOptions.onBranch("master")
      .variable("PLAIN", "visible-value").encryptedVariable("API_TOKEN", secret));
    JsonArray sent = onlyRunBody().getJsonArray("variables");
    assertEquals(new JsonObject().put("key", "PLAIN").put("value", "visible-value"), sent.getJsonObject(0));
    assertEquals(new JsonObject().put("key", "API_TOKEN").put("value", "***").put("encrypted", true), sent.getJsonObject(1),
      "the encrypted value reached the emulator (it logs it masked)");

    ActionExecution first = run.actionExecution(run.actionExecutions().get(0).getActionExecutionId());
    Map<String, PassVariable> passed = first.getPassedVariables().stream()
      .collect(Collectors.toMap(PassVariable::getKey, v -> v));
    assertEquals("visible-value", passed.get("PLAIN").getValue());
    assertEquals(Boolean.TRUE, passed.get("API_TOKEN").getEncrypted());
    assertNotEquals(secret, passed.get("API_TOKEN").getValue(), "an encrypted value never comes back in clear");
    assertTrue(!RunOptions.onBranch("x").encryptedVariable("K", secret).toString().contains(secret), "nor is it printed");
  }

  @Test
  void priority() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master").priority("HIGH"));
    assertEquals("HIGH", onlyRunBody().getString("priority"));
    assertEquals("HIGH", run.data().getPriority());
    assertThrows(IllegalArgumentException.class, () -> RunOptions.onBranch("master").priority("URGENT"));
  }

  @Test
  void commentClearCacheRefreshAndActions() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master").comment("e2e: only the notification")
      .clearCache(true).refresh(true).actions(6));
    JsonObject body = onlyRunBody();
    assertEquals("e2e: only the notification", body.getString("comment"));
    assertEquals(true, body.getBoolean("clear_cache"));
    assertEquals(true, body.getBoolean("refresh"));
    assertEquals(new JsonArray().add(6), body.getJsonArray("actions_to_run"));

    assertEquals("e2e: only the notification", run.data().getComment());
    assertEquals(Boolean.TRUE, run.data().getClearCache());
    assertEquals(Boolean.TRUE, run.data().getRefresh());
    admin.advance(30);
    Execution done = run.refresh();
    assertEquals(ExecutionStatus.SUCCESSFUL, done.status());
    Map<Integer, String> byAction = done.actionExecutions().stream()
      .collect(Collectors.toMap(a -> a.getAction().getId(), ActionExecution::getStatus));
    assertEquals(Map.of(5, ExecutionStatus.SKIPPED, 6, ExecutionStatus.SUCCESSFUL), byAction);
  }
}
