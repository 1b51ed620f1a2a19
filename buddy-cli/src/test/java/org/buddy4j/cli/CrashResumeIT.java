package org.buddy4j.cli;

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
import org.buddy4j.cli.TestEmulator.Result;
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
 *
 * <p>No verdict depends on timing: the kill point is chosen by journal progress (after a random number of
 * intents, then a random delay), a trial whose runner finished before the kill landed is repeated with
 * the earliest kill point, and whether a POST was applied is read from the emulator's {@code outcome}, not
 * from the status it managed to send to a runner that may be dead.
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
  record Trial(int n, int attempts, int intentsBeforeKill, long posts, long resets, long errors, int runs) {
    @Override
    public String toString() {
      return String.format("trial %2d  attempts %d  intents before kill %2d  POSTs %2d (%d reset after apply,"
          + " %d refused unapplied)  -> %d runs, each exactly once", n, attempts, intentsBeforeKill, posts, resets, errors, runs);
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
    try {
      for (Future<Trial> f : futures) {
        trials.add(f.get(10, TimeUnit.MINUTES)); // only guards against a hang
      }
    } finally {
      pool.shutdownNow(); // a failed trial stops the others (their runners are killed in attempt's finally)
    }
    trials.forEach(System.out::println);
    System.out.printf("%d trials, each killed mid-batch (%d repeated), %d runs, %d POSTs (%d reset after apply,"
            + " %d refused unapplied): every run exactly once%n", TRIALS, trials.stream().filter(t -> t.attempts() > 1).count(),
        TRIALS * RUNS, trials.stream().mapToLong(Trial::posts).sum(),
        trials.stream().mapToLong(Trial::resets).sum(), trials.stream().mapToLong(Trial::errors).sum());
  }

  /**
   * One trial: a batch whose runner is killed mid-batch, then resumed. A runner that finished before the
   * kill landed tested nothing; the trial is repeated with a fresh batch, killed at its first intent.
   */
  private Trial trial(int trial, Random random) throws Exception {
    // Up to every intent written and 400 ms more: kills land while starting runs and while watching them.
    int killAfterIntents = 1 + random.nextInt(RUNS);
    int delayMs = random.nextInt(400);
    for (int attempt = 1; attempt <= 5; attempt++) {
      Trial t = attempt(trial, attempt, killAfterIntents, delayMs);
      if (t != null) {
        return t;
      }
      killAfterIntents = 1;
      delayMs = 0;
    }
    throw new AssertionError("trial " + trial + ": the runner finished before every one of 5 kills landed");
  }

  /** Null when the runner exited by itself before the kill. */
  private Trial attempt(int trial, int attempt, int killAfterIntents, int delayMs) throws Exception {
    String prefix = "t" + trial + "a" + attempt + "-";
    List<String> keys = IntStream.range(0, RUNS).mapToObj(i -> prefix + i).collect(Collectors.toList());
    String name = "trial" + trial + "a" + attempt;
    Path file = Files.writeString(dir.resolve(name + ".jsonl"), keys.stream()
        .map(k -> "{\"key\":\"" + k + "\",\"pipeline\":2,\"branch\":\"master\"}").collect(Collectors.joining("\n")));
    Path journal = dir.resolve(name + ".journal.jsonl");
    Path log = dir.resolve(name + ".log");
    Process child = ChildRunner.start(buddy.env(), List.of("-Xmx96m"), log, "batch", file.toString(),
        "--journal", journal.toString(), "--concurrency", "6", "--rate", "40", "--poll-interval", "200ms",
        "--settle", "100ms", "--request-timeout", "2s", "--progress", "none");
    try {
      return killAndResume(trial, attempt, killAfterIntents, delayMs, child, prefix, keys, journal, log);
    } finally {
      child.destroyForcibly(); // never leave a runner behind, whatever failed
    }
  }

  private Trial killAndResume(int trial, int attempt, int killAfterIntents, int delayMs, Process child, String prefix,
                              List<String> keys, Path journal, Path log) throws Exception {
    // Kill at a random moment of the batch: once the journal holds a random number of intents (each is
    // followed at once by its POST), after a random delay. The random moment is the point of the test;
    // the verdict does not depend on it (see the exit check below).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // only guards against a hang
    while (intents(journal) < killAfterIntents && child.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "trial " + trial + ": no intents from the runner\n" + Files.readString(log));
      Thread.sleep(5);
    }
    Thread.sleep(delayMs);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "trial " + trial + ": the killed runner is gone");
    if (child.exitValue() != 128 + 9) { // not killed by SIGKILL: it finished (or failed) on its own
      assertEquals(0, child.exitValue(), "trial " + trial + ": the runner failed by itself\n" + Files.readString(log));
      return null;
    }
    int intentsBeforeKill = intents(journal);
    String batch = TestEmulator.JSON.readTree(Files.readAllLines(journal).get(0)).path("batch").asText();
    // The killed runner's last POSTs may still sit in injected latency. --settle promises that a start
    // which may still be applied is not counted as absent before then; the emulator's request log says
    // when each has been decided, so the resume starts only after that, whatever the machine's load.
    long decided = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only guards against a hang
    while (posts(batch).stream().anyMatch(q -> q.path("outcome").isNull())) {
      assertTrue(System.nanoTime() < decided, "trial " + trial + ": the emulator decides every POST");
      Thread.sleep(5);
    }

    Result resumed = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--poll-interval", "200ms",
        "--settle", "50ms", "--progress", "none");
    assertEquals(0, resumed.code(), "trial " + trial + " resume: " + resumed + "\nchild log:\n" + Files.readString(log));

    Pattern marker = Pattern.compile("\\[buddy4j:" + batch + ":(" + Pattern.quote(prefix) + "\\d+)]");
    Map<String, Integer> perKey = new HashMap<>();
    for (String comment : buddy.comments(2)) {
      Matcher m = marker.matcher(comment);
      while (m.find()) {
        perKey.merge(m.group(1), 1, Integer::sum);
      }
    }
    for (String key : keys) {
      if (perKey.getOrDefault(key, 0) != 1) {
        // What it takes to find out why: the key's journal lines and the emulator's log of its POSTs.
        String tag = "[buddy4j:" + batch + ":" + key + "]";
        assertEquals(1, perKey.getOrDefault(key, 0), "trial " + trial + ": runs of " + key + "\njournal:\n"
            + Files.readAllLines(journal).stream().filter(l -> l.contains("\"" + key + "\"")).collect(Collectors.joining("\n"))
            + "\nPOSTs:\n" + posts(batch).stream().filter(q -> q.path("body").path("comment").asText().contains(tag))
                .map(q -> q.path("seq") + " status " + q.path("status") + " outcome " + q.path("outcome") + " fault "
                    + q.path("fault")).collect(Collectors.joining("\n")));
      }
    }
    assertEquals(RUNS, perKey.size(), "trial " + trial + ": runs of this batch");
    List<JsonNode> posts = posts(batch);
    long resets = posts.stream().filter(q -> q.path("fault").asText().equals("reset after apply")).count();
    // POSTs the emulator provably did not apply: the injected 500 (it fails before applying) and 429 (refused
    // before anything is applied), by what the emulator did — a runner killed while the 500 sat in latency
    // never received it (status 0). Each justifies exactly one more POST for its run.
    long errors = posts.stream().filter(TestEmulator::unapplied).count();
    assertEquals(RUNS + errors, posts.size(), "trial " + trial + ": one POST per run plus one per unapplied POST: "
        + posts.stream().map(q -> q.path("status").asText() + "/" + q.path("outcome").asText()
            + (q.has("fault") ? "/" + q.path("fault").asText() : "")).toList());
    return new Trial(trial, attempt, intentsBeforeKill, posts.size(), resets, errors, perKey.size());
  }

  /** The run POSTs of {@code batch} in the emulator's request log. */
  private static List<JsonNode> posts(String batch) {
    return buddy.requests().stream()
        .filter(q -> q.path("operationId").asText().equals("runExecution"))
        .filter(q -> q.path("body").path("comment").asText().contains("[buddy4j:" + batch + ":")).toList();
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
