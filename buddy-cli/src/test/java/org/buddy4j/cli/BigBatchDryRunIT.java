package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch file far larger than the heap dry-runs to the end: the YAML and CSV readers stream, one run
 * at a time. The file is {@code buddy4j.bigBatchMb} MB (4 by default, above SnakeYAML's old 3 MB
 * "malformed" limit; {@code -Dbuddy4j.bigBatchMb=50} for the figure in the issue) and the child JVM
 * gets {@code -Xmx16m} ({@code buddy4j.bigBatchHeap}), so a reader that held the document would run
 * out of memory and the test would fail (reading a 1 MB batch of this shape whole with Jackson's YAML
 * tree does, at that heap). What does grow with the file is the duplicate-key index, 12 bytes a run:
 * 50 MB (300 000 to 500 000 runs) needs {@code -Dbuddy4j.bigBatchHeap=64m}.
 */
class BigBatchDryRunIT {
  private static final long MB = 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void aYamlBatchBiggerThanTheHeapDryRuns() throws Exception {
    Path file = dir.resolve("big.yaml");
    int runs = write(file, "defaults: {workspace: buddy, project: company-website}\nruns:\n",
        i -> "  - {key: k" + i + ", pipeline: 2, branch: release/" + i + ", comment: \"run " + i + " of a big batch\","
            + " variables: {VERSION: \"1.0." + i + "\"}, secret_variables: {TOKEN: FAKE-SECRET-" + i + "}}\n");
    dryRunInBoundedMemory(file, runs);
  }

  @Test
  void aCsvBatchBiggerThanTheHeapDryRuns() throws Exception {
    Path file = dir.resolve("big.csv");
    int runs = write(file, "key,workspace,project,pipeline,branch,comment,variables.VERSION,secret_variables.TOKEN\n",
        i -> "k" + i + ",buddy,company-website,2,release/" + i + ",\"run " + i + ", of a big batch\",1.0." + i
            + ",FAKE-SECRET-" + i + "\n");
    dryRunInBoundedMemory(file, runs);
  }

  private static long sizeBytes() {
    return Long.getLong("buddy4j.bigBatchMb", 4) * MB;
  }

  /** Writes the header and then runs until the file is {@link #sizeBytes()} long; returns how many runs. */
  private static int write(Path file, String header, java.util.function.IntFunction<String> run) throws IOException {
    long target = sizeBytes();
    long written = header.length();
    int i = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(header);
      while (written < target) {
        String line = run.apply(++i);
        w.write(line);
        written += line.length();
      }
    }
    assertTrue(Files.size(file) >= target);
    return i;
  }

  private void dryRunInBoundedMemory(Path file, int runs) throws Exception {
    Path log = dir.resolve(file.getFileName() + ".out");
    Process p = ChildRunner.start(Map.of(), List.of("-Xmx" + System.getProperty("buddy4j.bigBatchHeap", "16m")), log, "batch", file.toString(), "--dry-run");
    // Only a guard against a hang, never the verdict.
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the dry run ended");
    String tail = tail(log);
    assertEquals(0, p.exitValue(), tail);
    assertTrue(tail.contains("dry run: " + runs + " run(s) would be started; nothing was sent"), tail);
    assertTrue(tail.contains("\"key\":\"TOKEN\",\"value\":\"***\""), "secrets masked: " + tail);
    Files.delete(log);
  }

  private static String tail(Path log) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, f.length() - 2000);
      byte[] b = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }
  }
}
