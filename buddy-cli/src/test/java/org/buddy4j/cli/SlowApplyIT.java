package org.buddy4j.cli;

import static org.buddy4j.cli.OnceHarness.await;
import static org.buddy4j.cli.OnceHarness.log;
import static org.buddy4j.cli.OnceHarness.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner — a real {@code java -jar buddy.jar} — is killed with SIGKILL while Buddy holds its two
 * start-run POSTs (the emulator's {@code applyAfterMs}, on its simulated clock, frozen here: a POST is
 * applied exactly when the test moves the clock), then the batch is resumed.
 * <ul>
 *   <li>Applied 5 s later, well within the POST's 60 s read timeout: the resume must not call the runs
 *       absent while they could still appear; it keeps listing, finds each, and sends nothing.</li>
 *   <li>Applied 30 s later, past a 2 s read timeout: the resume declares each absent only after the
 *       timeout (plus margin) since its intent, sends it once more, and keeps watching the marker; when
 *       the originals are applied late, each second run is cancelled at once and reported (exit 4).</li>
 * </ul>
 * The verdict never depends on when the kill lands: whether the killed runner had already timed out,
 * reconciled or re-sent, the journal says so and the resume goes on from there.
 */
class SlowApplyIT {
  static TestEmulator buddy;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(0).requestLogCapacity(200_000));
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @BeforeEach
  void clear() {
    buddy.clearFaults();
  }

  /** What one trial left: the journal, the batch ID, the keys, and the killed runner's log. */
  record Killed(Path journal, String batch, List<String> keys, Path log) {}

  /** Starts a 2-run batch whose POSTs Buddy holds for {@code applyAfterMs}, and kills it once both are held. */
  private Killed killWhileHeld(String name, long applyAfterMs, String... extra) throws Exception {
    buddy.faults("[{\"method\":\"POST\",\"operationId\":\"runExecution\",\"applyAfterMs\":" + applyAfterMs + ",\"times\":2}]");
    List<String> keys = IntStream.range(0, 2).mapToObj(i -> name + "-" + i).collect(Collectors.toList());
    Path file = OnceHarness.batch(dir.resolve(name + ".jsonl"), keys);
    Path journal = dir.resolve(name + ".journal.jsonl");
    Path log = dir.resolve(name + ".log");
    List<String> args = new java.util.ArrayList<>(List.of("batch", file.toString(), "--journal", journal.toString(),
        "--concurrency", "2", "--poll-interval", "100ms", "--progress", "none"));
    args.addAll(List.of(extra));
    Process child = ChildRunner.start(buddy.env(), List.of("-Xmx96m"), log, args.toArray(String[]::new));
    await("both intents journaled (" + log(log) + ")", 120, () -> records(journal, "intent") >= 2);
    String batch = OnceHarness.batchId(journal);
    await("both POSTs held by Buddy", 120, () -> OnceHarness.posts(buddy, batch).size() >= 2);
    child.destroyForcibly(); // SIGKILL
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    return new Killed(journal, batch, keys, log);
  }

  @Test
  void appliedFiveSecondsLateWithinTheTimeoutEachRunStartsOnceAndNothingIsSentAgain() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    long started = System.nanoTime();
    try {
      for (int t = 0; t < OnceHarness.TRIALS; t++) {
        Killed k = killWhileHeld("slow5-" + t, 5_000);
        int lists = (int) buddy.count("getExecutions");
        Path report = dir.resolve("slow5-" + t + ".report.json");
        Future<Result> resume = pool.submit(() -> TestEmulator.cli(buddy.env(), "batch", "--resume", k.journal().toString(),
            "--no-wait", "--poll-interval", "100ms", "--settle", "100ms", "--progress", "none", "--report", report.toString()));
        // The resume looks, finds nothing yet, and must keep looking: the POSTs are still within their 60 s.
        await("the resume to list executions", 120, () -> buddy.count("getExecutions") > lists + 1);
        assertEquals(2, OnceHarness.posts(buddy, k.batch()).size(), "nothing sent again while the originals may apply");
        buddy.admin("POST", "/clock/advance", "{\"seconds\":5}"); // Buddy applies both held POSTs now
        Result r = resume.get(5, TimeUnit.MINUTES);
        assertEquals(0, r.code(), r + "\nkilled runner:\n" + log(k.log()));
        for (String key : k.keys()) {
          List<OnceHarness.Run> runs = OnceHarness.runs(buddy, "[buddy4j:" + k.batch() + ":" + key + "]");
          assertEquals(1, runs.size(), "trial " + t + ": executions of " + key + ": " + runs);
        }
        assertEquals(2, OnceHarness.posts(buddy, k.batch()).size(), "no POST was sent again");
        JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
        assertEquals(2, rep.path("totals").path("reconciled").asInt(), rep.toString());
        assertEquals(0, rep.path("duplicates").size(), rep.toString());
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("SlowApplyIT 5 s: %d trials killed while Buddy held both POSTs, %.1f s: every run found, none"
        + " sent again, exactly once%n", OnceHarness.TRIALS, (System.nanoTime() - started) / 1e9);
  }

  @Test
  void appliedThirtySecondsLatePastTheTimeoutTheSecondRunIsCancelledAndReported() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    long started = System.nanoTime();
    try {
      for (int t = 0; t < OnceHarness.TRIALS; t++) {
        Killed k = killWhileHeld("slow30-" + t, 30_000, "--request-timeout", "2s", "--settle", "200ms", "--doubt-margin", "200ms");
        Path report = dir.resolve("slow30-" + t + ".report.json");
        Future<Result> resume = pool.submit(() -> TestEmulator.cli(buddy.env(), "batch", "--resume", k.journal().toString(),
            "--no-wait", "--late-start-watch", "10m", "--poll-interval", "100ms", "--settle", "200ms", "--doubt-margin", "200ms",
            "--progress", "none",            "--report", report.toString()));
        // Past each intent's 2 s timeout (+ margin) with no run carrying its marker, each is sent once more
        // (by the resume, or already by the killed runner): two answered POSTs after the two held ones.
        await("each run sent once more after its window", 120, () -> OnceHarness.posts(buddy, k.batch()).stream()
            .skip(2).filter(q -> q.path("status").asInt() == 200).count() == 2);
        assertEquals(4, OnceHarness.posts(buddy, k.batch()).size(), "exactly one more POST per run");
        buddy.admin("POST", "/clock/advance", "{\"seconds\":30}"); // Buddy applies the originals, late
        Result r = resume.get(5, TimeUnit.MINUTES);
        assertEquals(4, r.code(), r + "\nkilled runner:\n" + log(k.log()));
        assertTrue(r.out().contains("STARTED TWICE"), r.toString());
        JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
        assertEquals(2, rep.path("totals").path("duplicates_cancelled").asInt(), rep.toString());
        for (String key : k.keys()) {
          List<OnceHarness.Run> runs = OnceHarness.runs(buddy, "[buddy4j:" + k.batch() + ":" + key + "]");
          assertEquals(2, runs.size(), "trial " + t + ": the re-sent run and the late original of " + key + ": " + runs);
          assertEquals("TERMINATED", runs.get(1).status(), "the newer one is cancelled: " + runs);
          assertTrue(!"TERMINATED".equals(runs.get(0).status()), "the kept one runs on: " + runs);
          JsonNode d = findDuplicate(rep, key);
          assertEquals(runs.get(1).id(), d.path("execution_id").asInt(), d.toString());
          assertEquals(runs.get(0).id(), d.path("kept_execution_id").asInt(), d.toString());
          assertTrue(d.path("cancelled").asBoolean(), d.toString());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("SlowApplyIT 30 s: %d trials killed while Buddy held both POSTs, %.1f s: each run sent once more"
        + " after its window, each late original cancelled and reported%n", OnceHarness.TRIALS, (System.nanoTime() - started) / 1e9);
  }

  private static JsonNode findDuplicate(JsonNode report, String key) {
    for (JsonNode d : report.path("duplicates")) {
      if (key.equals(d.path("key").asText())) {
        return d;
      }
    }
    throw new AssertionError("no duplicate reported for " + key + ": " + report);
  }
}
