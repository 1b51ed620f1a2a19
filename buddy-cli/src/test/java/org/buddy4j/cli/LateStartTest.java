package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.buddy4j.batch.journal.JournalException;
import org.buddy4j.batch.journal.JournalLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In one runner (no crash): a start whose answer never comes within the read timeout, applied by Buddy
 * only later. The runner waits out the timeout plus margin, proves the run absent, sends it once more,
 * keeps watching the marker, and cancels and reports the late original (exit 4). And the journal lock
 * within one JVM.
 */
class LateStartTest {
  static TestEmulator buddy;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(0).requestLogCapacity(50_000));
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @Test
  void aStartAppliedAfterItsTimeoutIsSentOnceMoreAndTheLateOriginalIsCancelledAndReported() throws Exception {
    buddy.faults("[{\"method\":\"POST\",\"operationId\":\"runExecution\",\"applyAfterMs\":30000,\"times\":1}]");
    Path file = OnceHarness.batch(dir.resolve("late.jsonl"), List.of("late"));
    Path journal = dir.resolve("late.journal.jsonl");
    Path report = dir.resolve("late.report.json");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Result> run = pool.submit(() -> TestEmulator.cli(buddy.env(), "batch", file.toString(), "--journal",
          journal.toString(), "--no-wait", "--request-timeout", "500ms", "--settle", "100ms", "--doubt-margin", "100ms",
          "--late-start-watch", "10m", "--poll-interval", "100ms", "--progress", "none", "--report", report.toString()));
      OnceHarness.await("the journal", 60, () -> Files.exists(journal) && OnceHarness.records(journal, "intent") > 0);
      String batch = OnceHarness.batchId(journal);
      OnceHarness.await("the run sent once more after its window", 60, () -> OnceHarness.posts(buddy, batch).size() == 2
          && OnceHarness.posts(buddy, batch).get(1).path("status").asInt() == 200);
      buddy.admin("POST", "/clock/advance", "{\"seconds\":30}"); // the first POST is applied, late
      Result r = run.get(2, TimeUnit.MINUTES);
      assertEquals(4, r.code(), r.toString());
      assertEquals(2, OnceHarness.posts(buddy, batch).size(), "one POST more, no third");
      List<OnceHarness.Run> runs = OnceHarness.runs(buddy, "[buddy4j:" + batch + ":late]");
      assertEquals(2, runs.size(), runs.toString());
      assertEquals("TERMINATED", runs.get(1).status(), "the newer (late) one is cancelled: " + runs);
      JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
      assertEquals(4, rep.path("exit_code").asInt());
      assertEquals(1, rep.path("totals").path("duplicates_cancelled").asInt(), rep.toString());
      assertEquals(runs.get(1).id(), rep.path("duplicates").get(0).path("execution_id").asInt());
      assertTrue(r.out().contains("STARTED TWICE: late  #" + runs.get(1).id() + " cancelled (kept #" + runs.get(0).id() + ")"),
          r.out());
      String j = Files.readString(journal);
      assertTrue(j.contains("\"late_watch\":true") && j.contains("{\"t\":\"duplicate\",\"key\":\"late\",\"id\":"
          + runs.get(1).id() + ",\"kept\":" + runs.get(0).id() + ",\"cancelled\":true"), j);
    } finally {
      pool.shutdownNow();
      buddy.clearFaults();
    }
  }

  @Test
  void aJournalLockedInThisJvmIsRefusedAndFreeAgainOnceReleased() throws Exception {
    Path journal = dir.resolve("j.jsonl");
    try (JournalLock held = JournalLock.acquire(journal)) {
      JournalException e = assertThrows(JournalException.class, () -> JournalLock.acquire(journal));
      assertEquals("journal " + journal + " is in use: another buddy batch runner holds its lock (" + journal
          + ".lock). Let it finish or stop it, then resume with: buddy batch --resume " + journal, e.getMessage());
    }
    JournalLock.acquire(journal).close();
  }
}
