package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code applyAfterMs}: a POST held until the emulator's simulated clock (frozen here) has moved that
 * far, then applied whether or not its client gave up — Buddy being slow to apply, on the test's cue.
 */
class FaultApplyDelayTest extends EmulatorTestBase {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static void faults(JsonObject... rules) {
    api.send("PUT", "/__emulator/faults", new JsonArray(List.of((Object[]) rules)));
  }

  private static int runs() {
    return api.get(executions(2)).json().getInteger("total_element_count");
  }

  private static CompletableFuture<HttpResponse<String>> startRun(Duration timeout) {
    HttpRequest post = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + executions(2))).timeout(timeout)
      .header("Authorization", "Bearer " + emulator.token()).header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    return HTTP.sendAsync(post, HttpResponse.BodyHandlers.ofString());
  }

  /** Polls {@code runs()} until it is {@code n}; the deadline only guards against a hang. */
  private static void awaitRuns(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (runs() != n) {
      assertTrue(System.nanoTime() < deadline, "the held POST was never applied");
      Thread.sleep(10);
    }
  }

  @Test
  void aHeldPostIsAppliedOnlyAfterTheSimulatedDelayEvenWhenItsClientGaveUp() throws Exception {
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("applyAfterMs", 30_000).put("times", 1));
    int before = runs();
    ExecutionException gaveUp = assertThrows(ExecutionException.class,
        () -> startRun(Duration.ofMillis(300)).get(20, TimeUnit.SECONDS));
    assertTrue(gaveUp.getCause() instanceof HttpTimeoutException, gaveUp.toString());
    assertEquals(before, runs(), "held: not applied while the clock stands still");
    api.advance(29);
    assertEquals(before, runs(), "not applied 29 s in");
    api.advance(1);
    awaitRuns(before + 1);
    JsonObject held = api.get("/__emulator/requests").json().getJsonArray("requests").stream()
        .map(JsonObject.class::cast).filter(r -> "runExecution".equals(r.getString("operationId"))).findFirst().orElseThrow();
    assertEquals("applied after 30000 ms", held.getString("fault"));
    assertEquals(200, api.post(executions(2), new JsonObject()).status, "times: 1 — the next POST is not held");
  }

  @Test
  void aClientStillWaitingGetsTheAnswerOnceApplied() throws Exception {
    faults(new JsonObject().put("method", "POST").put("operationId", "runExecution").put("applyAfterMs", 5_000));
    int before = runs();
    CompletableFuture<HttpResponse<String>> answer = startRun(Duration.ofSeconds(20));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (api.get("/__emulator/requests").json().getJsonArray("requests").stream()
        .noneMatch(r -> "runExecution".equals(((JsonObject) r).getString("operationId")))) {
      assertTrue(System.nanoTime() < deadline, "the POST never arrived");
      Thread.sleep(10);
    }
    assertEquals(before, runs());
    api.advance(5);
    assertEquals(200, answer.get(20, TimeUnit.SECONDS).statusCode());
    assertEquals(before + 1, runs());
  }

  @Test
  void aDelayCannotAlsoAnswerAStatus() throws Exception {
    var reply = api.exchangeOrThrowAdmin("PUT", "/__emulator/faults",
        "[{\"method\":\"POST\",\"applyAfterMs\":100,\"status\":500}]");
    assertEquals(400, reply.status);
  }
}
