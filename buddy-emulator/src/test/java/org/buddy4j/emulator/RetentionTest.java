package org.buddy4j.emulator;

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
