package org.buddy4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.runner.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the runner — a real {@code java -jar buddy.jar} process — is killed with SIGKILL at a
 * random moment while it starts runs, then the batch is finished with {@code --resume}. In every
 * trial each run must exist exactly once — none lost, none doubled — on the emulator's executions.
 * All the while the emulator loses answers (connection reset after the run was created) and answers
 * 500 (not applied) to some of the POSTs. Trials run two at a time to fit the build's time budget.
 */
class CrashResumeIT {
  static final int TRIALS = Integer.getInteger("buddy4j.runner.crashTrials", 20);
  static final int RUNS = 30;
  static TestEmulator buddy;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(20).requestLogCapacity(200_000).randomSeed(7));
    buddy.faults("""
        [{"method":"POST","operationId":"runExecution","resetAfterApply":true,"rate":0.15},
         {"method":"POST","operationId":"runExecution","status":500,"rate":0.1},
         {"method":"POST","operationId":"runExecution","latencyMs":15}]""");
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  /** What one trial saw. */
  record Trial(int n, boolean killedMidway, int intentsBeforeKill, long posts, long resets, long errors, int runs) {
    @Override
    public String toString() {
      return String.format("trial %2d  killed mid-batch %-5s  intents before kill %2d  POSTs %2d (%d reset after apply,"
          + " %d answered 500)  -> %d runs, each exactly once", n, killedMidway, intentsBeforeKill, posts, resets, errors, runs);
    }
  }

  @Test
  void killedAtRandomAndResumedEveryRunStartsExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Trial>> futures = new ArrayList<>();
    for (int t = 0; t < TRIALS; t++) {
      int trial = t;
      futures.add(pool.submit(() -> trial(trial, new Random(1000 + trial))));
    }
    List<Trial> trials = new ArrayList<>();
    for (Future<Trial> f : futures) {
      trials.add(f.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();
    trials.forEach(System.out::println);
    long killed = trials.stream().filter(Trial::killedMidway).count();
    System.out.printf("%d trials, %d killed mid-batch, %d runs, %d POSTs (%d reset after apply, %d answered 500):"
            + " every run exactly once%n", TRIALS, killed, TRIALS * RUNS, trials.stream().mapToLong(Trial::posts).sum(),
        trials.stream().mapToLong(Trial::resets).sum(), trials.stream().mapToLong(Trial::errors).sum());
    assertTrue(killed >= TRIALS * 3 / 4, "most trials were killed mid-batch: " + killed);
  }

  private Trial trial(int trial, Random random) throws Exception {
    String prefix = "t" + trial + "-";
    List<String> keys = IntStream.range(0, RUNS).mapToObj(i -> prefix + i).collect(Collectors.toList());
    Path file = Files.writeString(dir.resolve("trial" + trial + ".jsonl"), keys.stream()
        .map(k -> "{\"key\":\"" + k + "\",\"pipeline\":2,\"branch\":\"master\"}").collect(Collectors.joining("\n")));
    Path journal = dir.resolve("trial" + trial + ".journal.jsonl");
    Path log = dir.resolve("trial" + trial + ".log");
    Process child = ChildRunner.start(buddy.env(), List.of("-Xmx96m"), log, "batch", file.toString(),
        "--journal", journal.toString(), "--concurrency", "6", "--rate", "40", "--poll-interval", "200ms",
        "--settle", "100ms", "--request-timeout", "2s", "--progress", "none");
    // Wait for the first intent (a POST follows it at once), then kill at a random moment of the batch.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (intents(journal) == 0 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(random.nextInt(1600));
    boolean wasAlive = child.isAlive();
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    child.waitFor(10, TimeUnit.SECONDS);
    int intentsBeforeKill = intents(journal);

    Result resumed = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--poll-interval", "200ms",
        "--settle", "50ms", "--progress", "none");
    assertEquals(0, resumed.code(), "trial " + trial + " resume: " + resumed + "\nchild log:\n" + Files.readString(log));

    String batch = TestEmulator.JSON.readTree(Files.readAllLines(journal).get(0)).path("batch").asText();
    Pattern marker = Pattern.compile("\\[buddy4j:" + batch + ":(" + Pattern.quote(prefix) + "\\d+)]");
    Map<String, Integer> perKey = new HashMap<>();
    for (String comment : buddy.comments(2)) {
      Matcher m = marker.matcher(comment);
      while (m.find()) {
        perKey.merge(m.group(1), 1, Integer::sum);
      }
    }
    for (String key : keys) {
      assertEquals(1, perKey.getOrDefault(key, 0), "trial " + trial + ": runs of " + key);
    }
    assertEquals(RUNS, perKey.size(), "trial " + trial + ": runs of this batch");
    List<JsonNode> posts = buddy.requests().stream()
        .filter(q -> q.path("operationId").asText().equals("runExecution"))
        .filter(q -> q.path("body").path("comment").asText().contains("[buddy4j:" + batch + ":")).toList();
    long resets = posts.stream().filter(q -> q.path("fault").asText().equals("reset after apply")).count();
    // Answers that prove the run was not started: the injected 500 (the emulator fails before applying)
    // and 429 (refused before anything is applied). Each justifies exactly one more POST for its run.
    long errors = posts.stream().filter(q -> q.path("status").asInt() == 500 || q.path("status").asInt() == 429).count();
    assertEquals(RUNS + errors, posts.size(), "trial " + trial + ": one POST per run plus one per unapplied 500 or 429: "
        + posts.stream().map(q -> q.path("status").asText() + (q.has("fault") ? "/" + q.path("fault").asText() : "")).toList());
    return new Trial(trial, wasAlive, intentsBeforeKill, posts.size(), resets, errors, perKey.size());
  }

  private static int intents(Path journal) {
    try {
      return Files.exists(journal)
          ? (int) Files.readAllLines(journal).stream().filter(l -> l.startsWith("{\"t\":\"intent\"")).count() : 0;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0; // being written
    }
  }
}
