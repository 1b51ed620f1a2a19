package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pacing from the rate-limit headers: against an emulator allowing {@code LIMIT} requests per
 * {@code WINDOW} seconds, a batch of N runs (a real {@code buddy.jar} process with a 64 MB heap)
 * starts every run exactly once, with no 429, in bounded memory. N is 2,000 in the build;
 * {@code -Dbuddy4j.runner.big=true} runs the full 10,000. The rate it reached is printed and written to
 * target/, never judged here: how fast a batch goes on a shared build machine is a measurement, made by
 * buddy-bench's {@code RunnerPacing} (the 95%-of-the-allowed-rate goal, with its figures in that module's
 * README), not a verdict that a busy machine could flip.
 */
class RateLimitIT {
  static final boolean BIG = Boolean.getBoolean("buddy4j.runner.big");
  static final int RUNS = BIG ? 10_000 : 2_000;
  static final int LIMIT = 500;
  static final int WINDOW = 5;

  @TempDir
  Path dir;

  @Test
  void startsEveryRunOnceWithoutA429InBoundedMemory() throws Exception {
    try (TestEmulator buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(100)
        .rateLimit(LIMIT, WINDOW).requestLogCapacity(RUNS * 2 + 10_000))) {
      Path file = Files.writeString(dir.resolve("big.jsonl"), IntStream.range(0, RUNS)
          .mapToObj(i -> "{\"key\":\"run-" + i + "\",\"pipeline\":2,\"branch\":\"master\",\"variables\":{\"N\":\"" + i + "\"}}")
          .collect(Collectors.joining("\n")));
      Path report = dir.resolve("report.json");
      Path log = dir.resolve("runner.log");
      long t0 = System.nanoTime();
      Process child = ChildRunner.start(buddy.env(), List.of("-Xmx64m"), log, "batch", file.toString(),
          "--journal", dir.resolve("j.jsonl").toString(), "--concurrency", "500", "--poll-interval", "2s",
          "--progress", "plain", "--report", report.toString());
      assertTrue(child.waitFor(BIG ? 30 : 10, TimeUnit.MINUTES), "the runner hangs"); // only guards against a hang
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertEquals(0, child.exitValue(), Files.readString(log));

      List<JsonNode> requests = buddy.requests();
      long posts = requests.stream().filter(r -> r.path("operationId").asText().equals("runExecution")).count();
      long limited = requests.stream().filter(r -> r.path("outcome").asText().equals("rate-limited")).count();
      JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
      double rate = rep.path("requests").path("submissions_per_second").asDouble();
      double allowed = (double) LIMIT / WINDOW;
      long peak = rep.path("memory").path("peak_heap_bytes").asLong();
      long live = rep.path("memory").path("peak_live_heap_bytes").asLong();
      String figures = String.format("%d runs against %d requests / %d s (%.0f/s): %d run POSTs, %d requests in all,"
              + " %d answered 429, %.1f starts/s = %.1f%% of the limit, peak heap %.1f MB (live after GC %.1f MB) of 64 MB,"
              + " %.1f s wall", RUNS, LIMIT, WINDOW, allowed, posts, requests.size(), limited, rate, 100 * rate / allowed,
          peak / 1048576.0, live / 1048576.0, seconds);
      System.out.println(figures);
      Files.writeString(Path.of("target", "rate-limit-" + RUNS + ".txt"), figures + "\n");
      assertEquals(RUNS, posts, "exactly one POST per run");
      assertEquals(RUNS, rep.path("totals").path("succeeded").asInt());
      assertEquals(0, limited, "no 429 at all (the first request of each window probes it)");
    }
  }
}
