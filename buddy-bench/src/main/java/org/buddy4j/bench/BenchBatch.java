package org.buddy4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.batch.BatchRun;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.engine.RunMarker;

/**
 * What {@link RunnerPacing}'s measurements share: one {@code buddy batch} invoked in this JVM through
 * {@link BatchRun} (the library entry point `buddy batch` also calls), the batch files, the run markers, the load average.
 */
final class BenchBatch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private BenchBatch() {}

  /** One {@code buddy batch} invocation: exit code, wall and process CPU time, its JSON report. */
  record Run(int exitCode, long wallNanos, long cpuNanos, JsonNode report, String output) {
    String batchId() {
      return report.path("batch").asText();
    }

    double engineSeconds() {
      return report.path("seconds").asDouble();
    }
  }

  /**
   * One batch through buddy-batch's library entry point ({@link BatchRun}), with a client configured as
   * {@code buddy batch} configures its own (fail fast on 429: the engine paces and resends; 60 s read timeout).
   */
  static Run batch(PacingEmulator emulator, Path dir, Path file, int concurrency, boolean waitForRuns) throws IOException {
    Path work = Files.createTempDirectory(dir, "batch-");
    Path report = work.resolve("report.json");
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code;
    long cpu0;
    long t0;
    long wall;
    long cpu;
    BuddyClient client = BuddyClient.builder().token(emulator.token()).endpoint(emulator.baseUrl())
        .rateLimitPolicy(RateLimitPolicy.failFast()).readTimeout(Duration.ofSeconds(60)).build();
    try (PrintStream o = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      cpu0 = OS.getProcessCpuTime();
      t0 = System.nanoTime();
      try (BatchRun batch = BatchRun.builder().file(file).defaults(PacingEmulator.WORKSPACE, PacingEmulator.PROJECT)
          .journal(work.resolve("journal.jsonl")).report(report).concurrency(concurrency).waitForRuns(waitForRuns)
          .check()) {
        BatchRun.Result result = batch.run(client);
        code = result.exitCode();
        wall = System.nanoTime() - t0;
        cpu = OS.getProcessCpuTime() - cpu0;
        result.summary().printTable(o);
      }
    }
    String text = output.toString(StandardCharsets.UTF_8);
    JsonNode rep = Files.isRegularFile(report) ? JSON.readTree(report.toFile()) : JSON.createObjectNode();
    deleteTree(work);
    return new Run(code, wall, cpu, rep, text);
  }

  /** N runs of pipeline 2 on master, each with its own key and variable (JSON lines, as in RateLimitIT). */
  static Path batchFile(Path dir, String name, int runs) throws IOException {
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      Files.writeString(file, IntStream.range(0, runs)
          .mapToObj(i -> "{\"key\":\"run-" + i + "\",\"pipeline\":" + PacingEmulator.PIPELINE
              + ",\"branch\":\"master\",\"variables\":{\"N\":\"" + i + "\"}}")
          .collect(Collectors.joining("\n", "", "\n")));
    }
    return file;
  }

  static List<BatchItem> items(Path file) {
    BatchFile batch = new BatchFile(file, null, PacingEmulator.WORKSPACE, PacingEmulator.PROJECT);
    batch.check();
    List<BatchItem> out = new ArrayList<>();
    try (BatchFile.Items it = batch.items()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  /** The comment the runner puts on run {@code key} of batch {@code batchId} (nothing else in these files). */
  static String marker(String batchId, String key) {
    return RunMarker.of(batchId, key).text();
  }

  static List<String> markers(String batchId, int runs) {
    return IntStream.range(0, runs).mapToObj(i -> marker(batchId, "run-" + i)).toList();
  }

  /** A writable directory on tmpfs, or null. */
  static Path tmpfs() {
    Path shm = Path.of("/dev/shm");
    if (!Files.isDirectory(shm) || !Files.isWritable(shm)) {
      return null;
    }
    try {
      Path dir = Files.createTempDirectory(shm, "buddy4j-pacing-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code /proc/loadavg}'s 1, 5 and 15 minute figures, or "n/a". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
    }
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
