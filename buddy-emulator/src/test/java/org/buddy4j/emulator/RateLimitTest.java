package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-token rate limits: headers on every answer and 429 over the limit. */
class RateLimitTest extends EmulatorTestBase {

  @Test
  void headersCountDownAndTheLimitGives429() {
    api.send("PUT", "/__emulator/rate-limit", new JsonObject().put("limit", 3).put("windowSeconds", 30));
    long before = System.currentTimeMillis() / 1000;
    ApiClient.Reply first = api.get("/workspaces");
    assertEquals("3", first.header("X-Rate-Limit-Limit"));
    assertEquals("2", first.header("X-Rate-Limit-Remaining"));
    long reset = Long.parseLong(first.header("X-Rate-Limit-Reset"));
    assertTrue(reset >= before + 29 && reset <= before + 32, "reset is the window end in epoch seconds: " + reset);

    assertEquals("1", api.get("/no/such/path").header("X-Rate-Limit-Remaining"), "errors count and carry headers");
    assertEquals("0", api.get("/workspaces").header("X-Rate-Limit-Remaining"));
    ApiClient.Reply limited = api.get("/workspaces");
    assertEquals(429, limited.status);
    assertEquals("0", limited.header("X-Rate-Limit-Remaining"));
    assertEquals(String.valueOf(reset), limited.header("X-Rate-Limit-Reset"));
    assertTrue(limited.errorMessage().contains("Rate limit"), limited::toString);

    ApiClient.Reply otherToken = api.exchange("GET", "/workspaces", null, null, "unknown-token");
    assertEquals(401, otherToken.status, "limits are per token");
    assertEquals("2", otherToken.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void theWindowEnds() throws InterruptedException {
    api.send("PUT", "/__emulator/rate-limit", new JsonObject().put("limit", 1).put("windowSeconds", 1));
    assertEquals(200, api.get("/workspaces").status);
    assertEquals(429, api.get("/workspaces").status);
    Thread.sleep(1100);
    assertEquals(200, api.get("/workspaces").status);
  }
}
