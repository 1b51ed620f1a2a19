package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The caps that keep the emulator's memory bounded: the request log keeps its newest entries and each
 * pipeline its newest runs, set through the admin API, {@link EmulatorOptions} or the command line.
 */
class RetentionTest extends EmulatorTestBase {
  @Test
  void theDefaultsAndTheAdminApiShowAndChangeTheCaps() throws Exception {
    assertEquals(new JsonObject().put("requestLog", 10_000).put("runHistory", 10_000), api.get("/__emulator/retention").json());
    api.send("PUT", "/__emulator/retention", new JsonObject().put("requestLog", 2).put("runHistory", 3));
    assertEquals(new JsonObject().put("requestLog", 2).put("runHistory", 3), api.get("/__emulator/retention").json());
    assertEquals(400, api.exchangeOrThrowAdmin("PUT", "/__emulator/retention", "{\"runHistory\":0}").status);
    assertEquals(400, api.exchangeOrThrowAdmin("PUT", "/__emulator/retention", "{\"requestLog\":-1}").status);
    api.post("/__emulator/reset", new JsonObject());
    assertEquals(10_000, api.get("/__emulator/retention").json().getInteger("requestLog"), "reset restores the options' caps");
  }

  @Test
  void theRequestLogKeepsItsNewestEntries() {
    api.send("PUT", "/__emulator/retention", new JsonObject().put("requestLog", 2));
    api.get("/workspaces");
    api.get("/user");
    api.get(executions(2));
    var log = api.get("/__emulator/requests").json().getJsonArray("requests");
    assertEquals(2, log.size(), log.encode());
    assertEquals("getExecutions", log.getJsonObject(1).getString("operationId"));
    assertEquals("getAuthenticatedUser", log.getJsonObject(0).getString("operationId"));
    assertEquals(log.getJsonObject(0).getLong("seq") + 1, log.getJsonObject(1).getLong("seq"));
  }

  @Test
  void aPipelineKeepsItsNewestRunsAndNeverDropsOneStillGoing() {
    // Pipeline 2 has runs 1 and 2 from the seed; the clock is frozen, so new runs stay ENQUEUED.
    int otherPipeline = api.get(executions(4)).json().getInteger("total_element_count");
    api.send("PUT", "/__emulator/retention", new JsonObject().put("runHistory", 2));
    api.post(executions(2), new JsonObject());
    api.post(executions(2), new JsonObject());
    // Runs 1 and 2 were finished, so they went; 3 and 4 are going.
    assertEquals(404, api.get(executions(2) + "/1").status);
    assertEquals(404, api.get(executions(2) + "/2").status);
    api.post(executions(2), new JsonObject());
    assertEquals(3, api.get(executions(2)).json().getInteger("total_element_count"), "no run still going is dropped");
    assertEquals(200, api.get(executions(2) + "/3").status);

    api.advance(60);
    api.post(executions(2), new JsonObject());
    var page = api.get(executions(2)).json();
    assertEquals(2, page.getInteger("total_element_count"), page.encode());
    assertEquals(6, page.getJsonArray("executions").getJsonObject(0).getInteger("id"));
    assertEquals(5, page.getJsonArray("executions").getJsonObject(1).getInteger("id"));
    assertEquals(404, api.get(executions(2) + "/4").status);
    assertEquals(otherPipeline, api.get(executions(4)).json().getInteger("total_element_count"),
      "the cap applies when a pipeline starts a run: another pipeline's runs are untouched");
  }

  @Test
  void aRunApprovedAfterItWasPassedOverIsDroppedOnceItFinishes() {
    // Pipeline 3 waits for approval; a waiting run is passed over by the cap until a PATCH moves it on.
    api.send("PUT", "/__emulator/retention", new JsonObject().put("runHistory", 1));
    int first = api.post(executions(3), new JsonObject()).json().getInteger("id");
    api.advance(60);
    assertEquals("WAITING_FOR_APPLY", api.get(executions(3) + "/" + first).json().getString("status"));
    int second = api.post(executions(3), new JsonObject()).json().getInteger("id");
    assertEquals(2, api.get(executions(3)).json().getInteger("total_element_count"), "a waiting run is kept");
    assertEquals(200, api.patch(executions(3) + "/" + first, new JsonObject().put("operation", "APPLY")).status);
    api.advance(60);
    int third = api.post(executions(3), new JsonObject()).json().getInteger("id");
    var page = api.get(executions(3)).json();
    assertEquals(2, page.getInteger("total_element_count"), page.encode());
    assertEquals(404, api.get(executions(3) + "/" + first).status, "approved, then finished: dropped");
    assertEquals(200, api.get(executions(3) + "/" + second).status);
    assertEquals(200, api.get(executions(3) + "/" + third).status);
  }

  @Test
  void aFinishedRunReopenedByRetryIsNotDropped() {
    // Pipeline 4 fails at its second action; a RETRY makes the failed run go again.
    api.send("PUT", "/__emulator/retention", new JsonObject().put("runHistory", 2));
    int failed = api.post(executions(4), new JsonObject()).json().getInteger("id");
    api.advance(60);
    assertEquals("FAILED", api.get(executions(4) + "/" + failed).json().getString("status"));
    int second = api.post(executions(4), new JsonObject()).json().getInteger("id");
    api.advance(60); // the second run fails too
    int third = api.post(executions(4), new JsonObject()).json().getInteger("id");
    assertEquals(404, api.get(executions(4) + "/" + failed).status, "the oldest finished run went");
    api.advance(60); // the third fails as well
    assertEquals(200, api.patch(executions(4) + "/" + second, new JsonObject().put("operation", "RETRY")).status);
    int fourth = api.post(executions(4), new JsonObject()).json().getInteger("id");
    var page = api.get(executions(4)).json();
    assertEquals(2, page.getInteger("total_element_count"), page.encode());
    assertEquals(200, api.get(executions(4) + "/" + second).status, "going again after RETRY: kept");
    assertEquals(404, api.get(executions(4) + "/" + third).status, "finished: the one dropped instead");
    assertEquals(200, api.get(executions(4) + "/" + fourth).status);
  }

  @Test
  void aRunThatFinishesBeforeAnOlderOneGoesFirst() {
    // Pipeline 2 runs action 5 (5 s) then 6 (2 s) after a second in the queue; a run of action 6 alone
    // finishes 5 s sooner than a whole run started before it.
    api.send("PUT", "/__emulator/retention", new JsonObject().put("runHistory", 2));
    int whole = api.post(executions(2), new JsonObject()).json().getInteger("id");
    int quick = api.post(executions(2), new JsonObject().put("actions_to_run", new JsonArray().add(6)))
      .json().getInteger("id");
    api.advance(4);
    int third = api.post(executions(2), new JsonObject()).json().getInteger("id");
    assertEquals(404, api.get(executions(2) + "/" + quick).status, "finished first: dropped");
    assertEquals("INPROGRESS", api.get(executions(2) + "/" + whole).json().getString("status"), "still going: kept");
    api.advance(60);
    int fourth = api.post(executions(2), new JsonObject()).json().getInteger("id");
    assertEquals(404, api.get(executions(2) + "/" + whole).status);
    var page = api.get(executions(2)).json();
    assertEquals(2, page.getInteger("total_element_count"), page.encode());
    assertEquals(fourth, page.getJsonArray("executions").getJsonObject(0).getInteger("id"));
    assertEquals(third, page.getJsonArray("executions").getJsonObject(1).getInteger("id"));
  }

  @Test
  void capsGivenOnTheCommandLineApplyFromTheFirstRequest() {
    EmulatorOptions options = Main.parse(new String[] {"--port", "0", "--clock-speed", "0", "--request-log", "3",
      "--run-history", "2"});
    try (BuddyEmulator capped = BuddyEmulator.start(options)) {
      ApiClient client = new ApiClient(capped);
      assertEquals(new JsonObject().put("requestLog", 3).put("runHistory", 2), client.get("/__emulator/retention").json());
      // Pipeline 2's seed runs 1 and 2 are finished; with the clock frozen, new runs stay ENQUEUED.
      client.post(executions(2), new JsonObject());
      client.post(executions(2), new JsonObject());
      var page = client.get(executions(2)).json();
      assertEquals(2, page.getInteger("total_element_count"), page.encode());
      assertEquals(404, client.get(executions(2) + "/1").status, "the oldest finished runs went first");
      for (int i = 0; i < 4; i++) {
        client.get("/workspaces");
      }
      var log = client.get("/__emulator/requests").json().getJsonArray("requests");
      assertEquals(3, log.size(), log.encode());
      assertEquals("getWorkspaces", log.getJsonObject(2).getString("operationId"), "the newest are kept");
    }
  }

  @Test
  void theCommandLineAndTheOptionsSetTheCaps() {
    EmulatorOptions options = Main.parse(new String[] {"--request-log", "0", "--run-history", "50"});
    assertEquals(0, options.requestLogCapacity());
    assertEquals(50, options.runHistoryCapacity());
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--run-history", "0"}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--request-log", "-3"}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--run-history", "many"}));
    assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.defaults().runHistoryCapacity(0));
  }
}
