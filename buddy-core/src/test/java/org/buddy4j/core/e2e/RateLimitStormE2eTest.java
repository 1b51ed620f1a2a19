package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.junit.jupiter.api.Test;

/** A 429 storm (5 calls per 1 s window, 6 threads at once) is ridden out by the default WAIT policy: every run starts exactly once. */
class RateLimitStormE2eTest extends E2eTestBase {
  private static final int THREADS = 6;
  private static final int RUNS_PER_THREAD = 3;

  @Test
  void everyCallEventuallySucceedsAndNoneIsLostOrDuplicated() throws Exception {
    admin.rateLimit(5, 1);
    BuddyClient client = client().rateLimitPolicy(RateLimitPolicy.waitForReset()).build();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Execution>>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(pool.submit(() -> {
          start.await();
          List<Execution> runs = new ArrayList<>();
          for (int i = 0; i < RUNS_PER_THREAD; i++) {
            runs.add(client.workspace(WORKSPACE).project(PROJECT).pipeline(2)
              .run(RunOptions.onBranch("master").comment("storm " + thread + "/" + i)));
          }
          return runs;
        }));
      }
      start.countDown();
      List<Execution> started = new ArrayList<>();
      for (Future<List<Execution>> w : workers) {
        started.addAll(w.get(40, TimeUnit.SECONDS)); // an exception here would be a lost call
      }
      assertEquals(THREADS * RUNS_PER_THREAD, started.size());
      assertEquals(started.size(), started.stream().map(Execution::id).distinct().count(), "distinct executions");
    } finally {
      pool.shutdownNow();
    }

    List<JsonObject> posts = admin.requests("runExecution");
    Map<Integer, Long> byStatus = posts.stream().collect(Collectors.groupingBy(p -> p.getInteger("status"), Collectors.counting()));
    long throttled = byStatus.getOrDefault(429, 0L);
    assertTrue(throttled > 0, "the storm really happened: " + byStatus);
    assertEquals(Map.of(200, (long) THREADS * RUNS_PER_THREAD, 429, throttled), byStatus, "only 200s and 429s");
    Map<String, Long> appliedComments = posts.stream().filter(p -> p.getInteger("status") == 200)
      .collect(Collectors.groupingBy(p -> p.getJsonObject("body").getString("comment"), Collectors.counting()));
    assertEquals(THREADS * RUNS_PER_THREAD, appliedComments.size());
    assertTrue(appliedComments.values().stream().allMatch(n -> n == 1), "no comment applied twice: " + appliedComments);

    admin.rateLimit(1000, 60);
    Map<String, Long> stored = pipeline(2).executions().map(e -> e.data().getComment())
      .filter(c -> c != null && c.startsWith("storm ")).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(appliedComments, stored, "the emulator holds each run exactly once");
  }
}
