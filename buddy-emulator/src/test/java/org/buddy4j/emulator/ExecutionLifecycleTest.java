package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs and their state machine on the simulated clock, over real HTTP. */
class ExecutionLifecycleTest extends EmulatorTestBase {

  private JsonObject run(int pipelineId, JsonObject body) {
    ApiClient.Reply reply = api.post(executions(pipelineId), body);
    assertEquals(200, reply.status, reply::toString);
    return reply.json();
  }

  private JsonObject get(int pipelineId, int executionId) {
    ApiClient.Reply reply = api.get(executions(pipelineId) + "/" + executionId);
    assertEquals(200, reply.status, reply::toString);
    return reply.json();
  }

  private ApiClient.Reply operate(int pipelineId, int executionId, String operation) {
    return api.patch(executions(pipelineId) + "/" + executionId, new JsonObject().put("operation", operation));
  }

  @Test
  void runAdvancesWithTheClockToSuccessful() {
    JsonObject run = run(2, new JsonObject().put("branch", new JsonObject().put("name", "master")).put("comment", "hotfix"));
    assertEquals(3, run.getInteger("id"), "seed history holds runs 1 and 2");
    assertEquals("ENQUEUED", run.getString("status"));
    assertEquals("NORMAL", run.getString("priority"));
    assertEquals("CLICK", run.getString("triggeredOn"));
    assertEquals("master", run.getJsonObject("branch").getString("name"));
    assertEquals(2, run.getJsonArray("action_executions").size());

    api.advance(1);
    JsonObject started = get(2, 3);
    assertEquals("INPROGRESS", started.getString("status"));
    assertNotNull(started.getString("start_date"));
    assertEquals("INPROGRESS", started.getJsonArray("action_executions").getJsonObject(0).getString("status"));

    api.advance(5);
    JsonObject second = get(2, 3);
    assertEquals("SUCCESSFUL", second.getJsonArray("action_executions").getJsonObject(0).getString("status"));
    assertEquals("INPROGRESS", second.getJsonArray("action_executions").getJsonObject(1).getString("status"));

    api.advance(2);
    JsonObject done = get(2, 3);
    assertEquals("SUCCESSFUL", done.getString("status"));
    assertNotNull(done.getString("finish_date"));
    assertEquals("SUCCESSFUL", api.get(ApiClient.pipeline(2)).json().getString("last_execution_status"));
  }

  @Test
  void runHonoursTheRequestedOptions() {
    JsonObject run = run(2, new JsonObject()
      .put("to_revision", new JsonObject().put("revision", "009cfc7ece"))
      .put("from_revision", new JsonObject().put("revision", "1e20920873"))
      .put("comment", "Testing new features").put("refresh", true).put("clear_cache", true).put("priority", "HIGH")
      .put("environment", "production")
      .put("actions_to_run", new JsonArray().add(6)));
    assertEquals("009cfc7ece", run.getJsonObject("to_revision").getString("revision"));
    assertEquals("1e20920873", run.getJsonObject("from_revision").getString("revision"));
    assertEquals("HIGH", run.getString("priority"));
    assertEquals(true, run.getBoolean("refresh"));
    assertEquals(true, run.getBoolean("clear_cache"));
    assertEquals("production", run.getString("environment"));
    JsonArray actions = run.getJsonArray("action_executions");
    assertEquals("SKIPPED", actions.getJsonObject(0).getString("status"), "action 5 is not in actions_to_run");
    assertEquals("ENQUEUED", actions.getJsonObject(1).getString("status"));

    JsonObject tag = run(2, new JsonObject().put("tag", new JsonObject().put("name", "v1.0")));
    assertEquals("v1.0", tag.getJsonObject("tag").getString("name"));
    assertNull(tag.getValue("branch"));
    JsonObject pr = run(2, new JsonObject().put("pull_request", new JsonObject().put("name", "pull/1")));
    assertEquals("pull/1", pr.getJsonObject("pull_request").getString("name"));
    assertEquals(List(4, 5), List(tag.getInteger("id"), pr.getInteger("id")), "ids increase per pipeline");
  }

  private static java.util.List<Integer> List(Integer... values) {
    return java.util.List.of(values);
  }

  @Test
  void failAtFailsTheRunAndRetryRestartsIt() {
    JsonObject run = run(4, new JsonObject());
    api.advance(1 + 3 + 4);
    JsonObject failed = get(4, run.getInteger("id"));
    assertEquals("FAILED", failed.getString("status"));
    JsonArray actions = failed.getJsonArray("action_executions");
    assertEquals("SUCCESSFUL", actions.getJsonObject(0).getString("status"));
    assertEquals("FAILED", actions.getJsonObject(1).getString("status"));
    assertEquals("NOT_EXECUTED", actions.getJsonObject(2).getString("status"));

    ApiClient.Reply retried = operate(4, run.getInteger("id"), "RETRY");
    assertEquals(200, retried.status, retried::toString);
    assertEquals("INPROGRESS", retried.json().getString("status"));
    api.advance(4 + 1);
    assertEquals("SUCCESSFUL", get(4, run.getInteger("id")).getString("status"));

    ApiClient.Reply again = operate(4, run.getInteger("id"), "RETRY");
    assertEquals(422, again.status, "RETRY of a SUCCESSFUL run");
    assertTrue(again.errorMessage().contains("SUCCESSFUL"), again::toString);
  }

  @Test
  void waitForApprovalStopsUntilApply() {
    JsonObject run = run(3, new JsonObject());
    api.advance(1);
    assertEquals("WAITING_FOR_APPLY", get(3, run.getInteger("id")).getString("status"));
    api.advance(3600);
    assertEquals("WAITING_FOR_APPLY", get(3, run.getInteger("id")).getString("status"), "waits however long it takes");
    assertEquals(422, operate(3, run.getInteger("id"), "APPLY_VARIABLES").status);

    ApiClient.Reply applied = operate(3, run.getInteger("id"), "APPLY");
    assertEquals(200, applied.status, applied::toString);
    assertEquals("INPROGRESS", applied.json().getString("status"));
    api.advance(10);
    JsonObject done = get(3, run.getInteger("id"));
    assertEquals("SUCCESSFUL", done.getString("status"));
    String aeId = done.getJsonArray("action_executions").getJsonObject(0).getString("action_execution_id");
    JsonObject gate = api.get(executions(3) + "/" + run.getInteger("id") + "/action_executions/" + aeId).json();
    assertEquals(1, gate.getInteger("approver_id"));
    assertNotNull(gate.getString("approval_date"));
  }

  @Test
  void applyVariablesReleasesARunWaitingForVariables() {
    JsonObject run = run(6, new JsonObject());
    api.advance(1);
    assertEquals("WAITING_FOR_VARIABLES", get(6, run.getInteger("id")).getString("status"));
    ApiClient.Reply missing = operate(6, run.getInteger("id"), "APPLY_VARIABLES");
    assertEquals(400, missing.status);
    assertTrue(missing.errorMessage().contains("variables"), missing::toString);
    ApiClient.Reply applied = api.patch(executions(6) + "/" + run.getInteger("id"), new JsonObject()
      .put("operation", "APPLY_VARIABLES")
      .put("variables", new JsonArray().add(new JsonObject().put("key", "myVar1").put("value", "someValue"))));
    assertEquals(200, applied.status, applied::toString);
    api.advance(6);
    assertEquals("SUCCESSFUL", get(6, run.getInteger("id")).getString("status"));
  }

  @Test
  void cancelTerminatesARunningExecution() {
    JsonObject run = run(2, new JsonObject());
    api.advance(2);
    ApiClient.Reply cancelled = operate(2, run.getInteger("id"), "CANCEL");
    assertEquals(200, cancelled.status, cancelled::toString);
    JsonObject body = cancelled.json();
    assertEquals("TERMINATED", body.getString("status"));
    assertEquals("TERMINATED", body.getJsonArray("action_executions").getJsonObject(0).getString("status"));
    assertEquals("NOT_EXECUTED", body.getJsonArray("action_executions").getJsonObject(1).getString("status"));
    api.advance(60);
    assertEquals("TERMINATED", get(2, run.getInteger("id")).getString("status"));
    assertEquals(422, operate(2, run.getInteger("id"), "CANCEL").status, "a finished run cannot be cancelled");

    ApiClient.Reply retried = operate(2, run.getInteger("id"), "RETRY");
    assertEquals("INPROGRESS", retried.json().getString("status"));
    api.advance(7);
    JsonObject finalState = get(2, run.getInteger("id"));
    assertEquals("SUCCESSFUL", finalState.getString("status"), finalState::encodePrettily);
  }

  @Test
  void aDelayedRunWaitsUntilItsTimeOrRunDelayed() {
    Instant later = Instant.parse(api.get("/__emulator/clock").json().getString("now")).plusSeconds(3600);
    JsonObject scheduled = run(2, new JsonObject().put("delay_until", later.toString()));
    JsonObject other = run(2, new JsonObject().put("delay_until", later.toString()));
    api.advance(600);
    assertEquals("ENQUEUED", get(2, scheduled.getInteger("id")).getString("status"));
    assertEquals(422, operate(2, scheduled.getInteger("id"), "APPLY").status);

    ApiClient.Reply now = operate(2, scheduled.getInteger("id"), "RUN_DELAYED");
    assertEquals(200, now.status, now::toString);
    assertEquals("INPROGRESS", now.json().getString("status"));
    assertEquals(422, operate(2, scheduled.getInteger("id"), "RUN_DELAYED").status, "already running");

    api.advance(3000);
    assertEquals("INPROGRESS", get(2, other.getInteger("id")).getString("status"), "its delay_until has come");
  }

  @Test
  void listsExecutionsNewestFirstAcrossPages() {
    api.post("/__emulator/seed", "{\"tokens\":[\"buddy4j-emulator-token\"],\"workspaces\":[{\"id\":1,\"domain\":\"buddy\","
      + "\"projects\":[{\"name\":\"company-website\",\"pipelines\":[{\"id\":2,\"name\":\"dev\",\"history\":250}]}]}]}");
    Set<Integer> seen = new HashSet<>();
    int previous = Integer.MAX_VALUE;
    for (int page = 1; page <= 3; page++) {
      JsonObject list = api.get(executions(2) + "?page=" + page + "&per_page=100").json();
      assertEquals(page, list.getInteger("page"));
      assertEquals(100, list.getInteger("page_size"));
      assertEquals(3, list.getInteger("total_page_count"));
      assertEquals(250, list.getInteger("total_element_count"));
      assertEquals(page < 3 ? 100 : 50, list.getInteger("element_count"));
      for (Object e : list.getJsonArray("executions")) {
        int id = ((JsonObject) e).getInteger("id");
        assertTrue(id < previous, "newest first");
        previous = id;
        seen.add(id);
      }
    }
    assertEquals(250, seen.size());
    JsonObject defaults = api.get(executions(2)).json();
    assertEquals(20, defaults.getInteger("element_count"), "per_page defaults to 20");
    assertEquals(0, api.get(executions(2) + "?page=4&per_page=100").json().getJsonArray("executions").size());
    api.reset();
  }

  @Test
  void actionLogsPageWithOffsetAndLimit() {
    JsonObject run = run(4, new JsonObject());
    String aeId = run.getJsonArray("action_executions").getJsonObject(1).getString("action_execution_id");
    String logs = executions(4) + "/" + run.getInteger("id") + "/action_executions/" + aeId + "/logs";
    assertEquals(0, api.get(logs).json().getInteger("total_element_count"), "not started yet");
    api.advance(1 + 3 + 2);
    JsonObject half = api.get(logs).json();
    assertTrue(half.getInteger("total_element_count") > 0 && half.getInteger("total_element_count") < 250, half::encode);

    api.advance(10);
    JsonObject window = api.get(logs + "?offset=100&limit=50").json();
    assertEquals(100, window.getInteger("offset"));
    assertEquals(50, window.getInteger("element_count"));
    assertEquals(251, window.getInteger("total_element_count"), "250 lines plus the error line");
    assertTrue(window.getJsonArray("logs").getString(0).contains("step 101 of 250"), window::encode);
    JsonObject tail = api.get(logs + "?offset=240&limit=1000").json();
    assertEquals(11, tail.getInteger("element_count"));
    assertTrue(tail.getJsonArray("logs").getString(10).startsWith("ERROR:"));
    assertEquals(400, api.get(logs + "?limit=1001").status, "limit is at most 1000");

    JsonObject details = api.get(executions(4) + "/" + run.getInteger("id") + "/action_executions/" + aeId).json();
    assertEquals("FAILED", details.getString("status"));
    assertTrue(details.getString("error_message").contains("Run tests"));
    assertEquals(404, api.get(executions(4) + "/" + run.getInteger("id") + "/action_executions/nope").status);
  }
}
