package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latency, error rates, next-N errors, reset-after-apply and errors that quote the request. */
class FaultInjectionTest extends EmulatorTestBase {

  private static void faults(JsonObject... rules) {
    api.send("PUT", "/__emulator/faults", new JsonArray(List.of((Object[]) rules)));
  }

  @Test
  void latencyDelaysMatchingRequestsOnly() throws Exception {
    faults(new JsonObject().put("method", "GET").put("operationId", "getWorkspaces").put("latencyMs", 400));
    long start = System.nanoTime();
    assertEquals(200, api.get("/workspaces").status);
    // A lower bound only: a timer never fires early, however busy the machine is.
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "delayed");
    // Other operations are not delayed: with a GET /workspaces held for a minute, GET /user is answered
    // while it is still pending (an order of events, not a time threshold).
    faults(new JsonObject().put("method", "GET").put("operationId", "getWorkspaces").put("latencyMs", 60_000));
    try (Socket held = new Socket("127.0.0.1", URI.create(emulator.baseUrl()).getPort())) {
      held.getOutputStream().write(("GET /workspaces HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + emulator.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      held.getOutputStream().flush();
      awaitLogged(2);
      assertEquals(200, api.get("/user").status);
      JsonArray log = api.get("/__emulator/requests").json().getJsonArray("requests");
      assertNull(log.getJsonObject(1).getValue("outcome"), "GET /workspaces is still held: " + log);
      assertEquals("applied", log.getJsonObject(2).getString("outcome"), log::encode);
    }
  }

  @Test
  void aClientGoneDuringLatencyIsLoggedByWhatTheEmulatorDidNotByWhatItSent() throws Exception {
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("status", 500)
      .put("latencyMs", 300).put("times", 1));
    int before = api.get(executions(2)).json().getInteger("total_element_count");
    String body = "{\"comment\":\"gone\"}";
    try (Socket client = new Socket("127.0.0.1", URI.create(emulator.baseUrl()).getPort())) {
      client.getOutputStream().write(("POST " + executions(2) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + emulator.token() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
        + body).getBytes(StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
      awaitLogged(2);
    } // the client goes away while the injected 500 waits out its latency
    JsonObject post = awaitDecided(1);
    assertEquals("refused-by-fault", post.getString("outcome"), post::encode);
    assertEquals("status 500", post.getString("fault"));
    assertEquals(before, api.get(executions(2)).json().getInteger("total_element_count"), "nothing was started");
  }

  /** Waits until the request log holds {@code n} entries; the deadline only guards against a hang. */
  private static void awaitLogged(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (api.get("/__emulator/requests").json().getJsonArray("requests").size() < n) {
      assertTrue(System.nanoTime() < deadline, "never logged " + n + " requests");
      Thread.sleep(10);
    }
  }

  /** Waits until log entry {@code index} has an outcome; the deadline only guards against a hang. */
  private static JsonObject awaitDecided(int index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      JsonObject entry = api.get("/__emulator/requests").json().getJsonArray("requests").getJsonObject(index);
      if (entry.getValue("outcome") != null) {
        return entry;
      }
      assertTrue(System.nanoTime() < deadline, "never decided: " + entry.encode());
      Thread.sleep(10);
    }
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
    assertEquals("refused-by-fault", log.getJsonObject(0).getString("outcome"));
    assertEquals("applied", log.getJsonObject(2).getString("outcome"));
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
    assertEquals("applied", logged.getString("outcome"), "applied, though no answer was sent");
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
