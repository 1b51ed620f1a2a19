package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of {@code ./mvnw verify} so {@link RunnerPacing} never rots: both measurements with a handful of
 * runs. Sanity only, not a measurement: every run is started exactly once, nothing fails, and the
 * figures come out finite. The rate and the overhead are not held to anything here (a busy build
 * machine would fail a threshold for reasons that are not the runner's); the full run is documented
 * in README.md.
 */
class RunnerPacingSmokeTest {
  static PacingEmulator emulator;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    emulator = new PacingEmulator(100, 10_000);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void pacedBatchesStartEveryRunOnce() throws Exception {
    for (boolean wait : new boolean[] {true, false}) {
      // 20 requests per second in 1 s windows: two or three windows.
      PacedBatch p = PacedBatch.measure(emulator, dir, 50, 20, 1, 50, wait);
      String figures = p.describe() + p.batch().output();
      System.out.print(figures);
      assertEquals(0, p.batch().exitCode(), figures);
      assertEquals(50, p.startedOnce(), figures);
      assertEquals(50, p.traffic().appliedPosts(), "nothing else was started: " + figures);
      assertEquals(50, p.batch().report().path("totals").path(wait ? "succeeded" : "submitted").asInt(), figures);
      assertTrue(p.clean(), figures);
      assertTrue(p.runnerRate() > 0 && Double.isFinite(p.runnerRate()), figures);
      assertTrue(p.wallRate() > 0 && Double.isFinite(p.wallRate()), figures);
    }
  }

  @Test
  void overheadRoundsCompareTheRunnerWithTheBareClient() throws Exception {
    // overhead() itself checks that every round started every run exactly once with no 429.
    RunnerOverhead.Overhead o = RunnerOverhead.overhead(emulator, dir, 30, 4, 0, 1, BenchBatch.tmpfs());
    System.out.print(o.describe());
    assertTrue(o.contenders().size() >= 2, o.describe());
    for (RunnerOverhead.Contender c : o.contenders()) {
      assertEquals(1, c.wallMicrosPerRun().size(), o.describe());
      assertTrue(c.wall() > 0 && Double.isFinite(c.wall()), o.describe());
      assertTrue(c.cpu() >= 0 && Double.isFinite(c.cpu()), o.describe());
    }
    assertTrue(Double.isFinite(o.get(RunnerOverhead.RUNNER).engine()), o.describe());
  }

  @Test
  void mainWritesItsFigures() throws Exception {
    Path out = dir.resolve("figures.txt");
    RunnerPacing.main(new String[] {"runs=20", "rate=40", "windows=1", "minWindows=0", "concurrency=20", "overheadRuns=10",
        "overheadConcurrency=2", "warmup=0", "rounds=1", "out=" + out});
    String text = Files.readString(out);
    assertTrue(text.contains("pacing --wait") && text.contains("pacing --no-wait") && text.contains("overhead:"), text);
  }
}
