package org.buddy4j.cli;

import static org.buddy4j.cli.OnceHarness.await;
import static org.buddy4j.cli.OnceHarness.log;
import static org.buddy4j.cli.OnceHarness.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runner per journal, with real {@code java -jar buddy.jar} processes: a {@code --resume} while the
 * original batch still runs is refused at once (exit 2, naming the journal); after the original is
 * killed with SIGKILL, two resumes started together share out as one that runs and one refused, and
 * every run ends with exactly one execution. The emulator's clock stands still, so a runner watching its
 * runs holds the lock until the test moves the clock: who holds it never depends on timing.
 */
class JournalLockIT {
  static final int RUNS = 6;
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

  @Test
  void aSecondRunnerIsRefusedAndEveryRunStartsOnce() throws Exception {
    long started = System.nanoTime();
    int refusedTogether = 0;
    for (int t = 0; t < OnceHarness.TRIALS; t++) {
      refusedTogether += trial(t);
    }
    System.out.printf("JournalLockIT: %d trials of %d runs in %.1f s: resume during the run refused every time;"
            + " of two resumes at once, %d refused; every run exactly once%n", OnceHarness.TRIALS, RUNS,
        (System.nanoTime() - started) / 1e9, refusedTogether);
  }

  private int trial(int t) throws Exception {
    List<String> keys = IntStream.range(0, RUNS).mapToObj(i -> "lock" + t + "-" + i).collect(Collectors.toList());
    Path file = OnceHarness.batch(dir.resolve("lock" + t + ".jsonl"), keys);
    Path journal = dir.resolve("lock" + t + ".journal.jsonl");
    Path log = dir.resolve("lock" + t + ".log");
    Process original = ChildRunner.start(buddy.env(), List.of("-Xmx96m"), log, "batch", file.toString(),
        "--journal", journal.toString(), "--concurrency", String.valueOf(RUNS), "--poll-interval", "100ms",
        "--progress", "none");
    // Every run started; with the clock still, none finishes: the original keeps watching, holding the lock.
    await("the original to start every run (" + log(log) + ")", 120, () -> records(journal, "submitted") == RUNS);

    // (b) --resume while the original still runs: refused at once, nothing sent.
    long postsBefore = buddy.count("runExecution");
    Result during = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--progress", "none");
    assertEquals(2, during.code(), during.toString());
    assertTrue(during.err().contains("journal " + journal + " is in use: another buddy batch runner holds its lock"),
        during.err());
    assertEquals(postsBefore, buddy.count("runExecution"), "a refused runner sends nothing");
    assertTrue(original.isAlive(), "the original runs on: " + log(log));

    // SIGKILL: the OS drops the lock with the process.
    original.destroyForcibly();
    assertTrue(original.waitFor(30, TimeUnit.SECONDS));

    // (a) two resumes at once: one gets the lock and watches the (still) runs; the other is refused at once.
    List<Process> resumes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Path rlog = dir.resolve("lock" + t + "-resume" + r + ".log");
      logs.add(rlog);
      resumes.add(ChildRunner.start(buddy.env(), List.of("-Xmx96m"), rlog, "batch", "--resume", journal.toString(),
          "--poll-interval", "100ms", "--progress", "none"));
    }
    await("one of two resumes to end", 120, () -> resumes.stream().anyMatch(p -> !p.isAlive()));
    int refused = resumes.get(0).isAlive() ? 1 : 0;
    Process loser = resumes.get(refused);
    Process winner = resumes.get(1 - refused);
    assertEquals(2, loser.exitValue(), "the second resume is refused: " + log(logs.get(refused)));
    assertTrue(log(logs.get(refused)).contains("is in use: another buddy batch runner holds its lock"),
        log(logs.get(refused)));
    assertTrue(winner.isAlive(), "the other resume holds the lock while it watches: " + log(logs.get(1 - refused)));

    buddy.admin("POST", "/clock/advance", "{\"seconds\":3600}"); // every run finishes
    assertTrue(winner.waitFor(120, TimeUnit.SECONDS), "the resume ends once the runs are over");
    assertEquals(0, winner.exitValue(), log(logs.get(1 - refused)));

    String batch = OnceHarness.batchId(journal);
    for (String key : keys) {
      List<OnceHarness.Run> runs = OnceHarness.runs(buddy, "[buddy4j:" + batch + ":" + key + "]");
      assertEquals(1, runs.size(), "trial " + t + ": executions of " + key + ": " + runs);
    }
    assertEquals(RUNS, OnceHarness.posts(buddy, batch).size(), "one POST per run, none from a refused runner");

    // And a resume of the finished journal, after both: it gets the lock (nothing holds it) and sends nothing.
    Result after = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--progress", "none");
    assertEquals(0, after.code(), after.toString());
    assertEquals(RUNS, OnceHarness.posts(buddy, batch).size());
    return 1;
  }
}
