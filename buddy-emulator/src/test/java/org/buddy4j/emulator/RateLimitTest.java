package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-token rate limits: headers on every answer and 429 over the limit. */
class RateLimitTest extends EmulatorTestBase {

  @Test
  void headersCountDownAndTheLimitGives429() {
    api.send("PUT", "/__emulator/rate-limit", new JsonObject().put("limit", 3).put("windowSeconds", 30));
    long before = System.currentTimeMillis() / 1000;
    ApiClient.Reply first = api.get("/workspaces");
    long after = System.currentTimeMillis() / 1000;
    assertEquals("3", first.header("X-Rate-Limit-Limit"));
    assertEquals("2", first.header("X-Rate-Limit-Remaining"));
    long reset = Long.parseLong(first.header("X-Rate-Limit-Reset"));
    // Bounded by the clock read before and after the request, not by how long the request took.
    assertTrue(reset >= before + 30 && reset <= after + 31, "reset is the window end in epoch seconds: " + reset);

    assertEquals("1", api.get("/no/such/path").header("X-Rate-Limit-Remaining"), "errors count and carry headers");
    assertEquals("0", api.get("/workspaces").header("X-Rate-Limit-Remaining"));
    ApiClient.Reply limited = api.get("/workspaces");
    assertEquals(429, limited.status);
    assertEquals("0", limited.header("X-Rate-Limit-Remaining"));
    assertEquals(String.valueOf(reset), limited.header("X-Rate-Limit-Reset"));
    assertTrue(limited.errorMessage().contains("Rate limit"), limited::toString);
    assertEquals("rate-limited", api.get("/__emulator/requests").json().getJsonArray("requests").getJsonObject(3)
      .getString("outcome"));

    ApiClient.Reply otherToken = api.exchange("GET", "/workspaces", null, null, "unknown-token");
    assertEquals(401, otherToken.status, "limits are per token");
    assertEquals("2", otherToken.header("X-Rate-Limit-Remaining"));
  }

  @Test
  void theWindowEnds() throws InterruptedException {
    api.send("PUT", "/__emulator/rate-limit", new JsonObject().put("limit", 1).put("windowSeconds", 1));
    assertEquals(200, api.get("/workspaces").status);
    // Two requests inside one 1-s window: on a slow machine the window may end between two of them, so
    // send until one is refused (each window lets exactly one through); the deadline only guards a hang.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    ApiClient.Reply limited;
    while ((limited = api.get("/workspaces")).status != 429) {
      assertEquals(200, limited.status, limited::toString);
      assertTrue(System.nanoTime() < deadline, "never refused over a limit of 1");
    }
    long reset = Long.parseLong(limited.header("X-Rate-Limit-Reset"));
    // Polled, not slept: the answer turns 200 once the window is over, and never after the reset it announced.
    int status;
    do {
      Thread.sleep(20);
      long sentAt = System.currentTimeMillis(); // read before sending: the emulator judged it no earlier
      status = api.get("/workspaces").status;
      assertTrue(status == 200 || sentAt < reset * 1000, "still 429 when sent after the announced reset");
    } while (status != 200);
  }

  @Test
  void aWindowEndsExactlyWindowSecondsAfterItsFirstRequest() {
    AtomicLong now = new AtomicLong(5_000_000);
    RateLimiter limiter = new RateLimiter(1, 1, now::get);
    assertTrue(limiter.take("t").allowed);
    now.addAndGet(999);
    assertFalse(limiter.take("t").allowed, "still inside the window");
    assertEquals(5_001, limiter.take("t").resetEpochSeconds, "the reset is the window end, rounded up");
    now.addAndGet(1);
    assertTrue(limiter.take("t").allowed, "the next window");
  }
}
