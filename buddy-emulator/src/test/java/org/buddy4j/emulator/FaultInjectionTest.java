package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latency, error rates, next-N errors, reset-after-apply and errors that quote the request. */
class FaultInjectionTest extends EmulatorTestBase {

  private static void faults(JsonObject... rules) {
    api.send("PUT", "/__emulator/faults", new JsonArray(List.of((Object[]) rules)));
  }

  @Test
  void latencyDelaysMatchingRequestsOnly() {
    faults(new JsonObject().put("method", "GET").put("operationId", "getWorkspaces").put("latencyMs", 400));
    long start = System.nanoTime();
    assertEquals(200, api.get("/workspaces").status);
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "delayed");
    start = System.nanoTime();
    assertEquals(200, api.get("/user").status);
    assertTrue((System.nanoTime() - start) / 1_000_000 < 400, "other operations are not");
  }

  @Test
  void anErrorRateIsDeterministicWithTheSeed() {
    JsonObject rule = new JsonObject().put("pathRegex", "^/workspaces$").put("status", 503).put("rate", 0.5);
    List<Integer> first = statuses(rule);
    List<Integer> second = statuses(rule);
    assertEquals(first, second, "same seed, same failures");
    assertTrue(first.contains(503) && first.contains(200), first.toString());
  }

  private List<Integer> statuses(JsonObject rule) {
    faults(rule);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.add(api.get("/workspaces").status);
    }
    return out;
  }

  @Test
  void theNextNRequestsFailWithoutBeingApplied() {
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("status", 500).put("times", 2));
    assertEquals(500, api.post(executions(2), new JsonObject()).status);
    assertEquals(500, api.post(executions(2), new JsonObject()).status);
    assertEquals(200, api.post(executions(2), new JsonObject()).status);
    assertEquals(3, api.get(executions(2)).json().getInteger("total_element_count"), "only the third run exists");
    JsonArray log = api.get("/__emulator/requests").json().getJsonArray("requests");
    assertEquals("status 500", log.getJsonObject(0).getString("fault"));
    assertEquals(500, log.getJsonObject(0).getInteger("status"));
  }

  @Test
  void resetAfterApplyRunsThePipelineButNeverAnswers() {
    int before = api.get(executions(2)).json().getInteger("total_element_count");
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("resetAfterApply", true)
      .put("times", 1));
    assertThrows(ApiClient.TransportFailure.class, () -> api.post(executions(2), new JsonObject().put("comment", "once")));
    JsonObject list = api.get(executions(2)).json();
    assertEquals(before + 1, list.getInteger("total_element_count"), "the run happened although the client saw an error");
    assertEquals("once", list.getJsonArray("executions").getJsonObject(0).getString("comment"));
    JsonObject logged = api.get("/__emulator/requests").json().getJsonArray("requests").getJsonObject(1);
    assertEquals("reset after apply", logged.getString("fault"));
    assertEquals(0, logged.getInteger("status"));
    assertEquals(200, api.post(executions(2), new JsonObject()).status, "times: 1 is used up");
  }

  @Test
  void echoBodyQuotesTheRequestInTheErrorAndNeedsAStatus() throws Exception {
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("status", 422)
      .put("echoBody", true).put("times", 1));
    ApiClient.Reply refused = api.post(executions(2), new JsonObject().put("comment", "quoted back"));
    assertEquals(422, refused.status);
    assertEquals("Injected fault: HTTP 422: {\"comment\":\"quoted back\"}", refused.errorMessage());
    assertEquals(200, api.post(executions(2), new JsonObject()).status, "times: 1 is used up");
    ApiClient.Reply bad = api.exchangeOrThrowAdmin("PUT", "/__emulator/faults", "[{\"echoBody\": true}]");
    assertEquals(400, bad.status, bad.toString());
    assertEquals("A fault rule with 'echoBody' needs a 'status' to answer with", bad.errorMessage());
  }

  @Test
  void deleteClearsTheRules() {
    faults(new JsonObject().put("status", 503));
    assertEquals(503, api.get("/workspaces").status);
    api.delete("/__emulator/faults");
    assertEquals(200, api.get("/workspaces").status);
  }
}
