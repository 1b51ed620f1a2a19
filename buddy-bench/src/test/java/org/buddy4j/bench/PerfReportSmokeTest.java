package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of {@code ./mvnw verify} so {@link PerfReport} never rots: every section with tiny settings (and
 * no CLI distribution, which buddy-bench does not build on). Sanity only: the report is written with a
 * row per figure, each section ran, and the CLI's rows say why they were not measured. No figure is
 * held to anything here.
 */
class PerfReportSmokeTest {
  @TempDir
  Path dir;

  @Test
  void writesARowPerFigure() throws Exception {
    Path out = dir.resolve("perf-report.md");
    PerfReport.write(PerfReport.settings(new String[] {"dist=" + dir.resolve("no-dist"), "connections=4", "seconds=1",
        "warmup=0", "driver=java", "windows=1", "rate=20", "runs=40", "minWindows=1", "concurrency=40",
        "decodeRounds=1", "coldRounds=1", "out=" + out}));

    String report = Files.readString(out);
    long rows = report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| figure")).count();
    assertEquals(2 + 2 + 2 + 3 + 1 + 1, rows, report);
    assertTrue(report.contains("not measured: no " + dir.resolve("no-dist")), report);
    assertTrue(report.contains("runner starts ÷ allowed, 20 per 1 s window, --no-wait"), report);
    assertTrue(report.contains("runner quota used (starts and reads of runs) ÷ allowed, 20 per 1 s window, --wait"), report);
    assertTrue(report.contains("SDK decode, project list page (30 projects) ÷ fastest binder"), report);
    assertFalse(report.contains("failed:"), report);
    assertFalse(report.contains("NOT every run started exactly once"), report);
  }
}
