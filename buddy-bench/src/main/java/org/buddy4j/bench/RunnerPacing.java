package org.buddy4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch runner's pacing and per-run overhead, measured against the emulator (issues #6, #16). A
 * measured run, not a JMH benchmark: a paced batch is one event of a minute whose result is a count
 * (starts, 429s) over a span, not a steady-state loop.
 *
 * <ol>
 *   <li><b>Pacing</b> ({@link PacedBatch}), for each window length: the emulator allows
 *       {@code rate × window} requests per {@code window} seconds; buddy-batch starts N runs (in
 *       this JVM, through {@code BatchRun}, the entry point {@code buddy batch} calls), with {@code --wait} (the
 *       default: runs are polled until over, and the polls use the same quota) and with
 *       {@code --no-wait}. N is {@code runs}, or {@code minWindows} windows' worth if that is more.</li>
 *   <li><b>Per-run overhead</b> ({@link RunnerOverhead}): the limit out of reach; the runner against
 *       bare {@code PipelineClient.run} calls.</li>
 * </ol>
 *
 * <pre>java -Xms1g -Xmx1g -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.RunnerPacing [key=value…]</pre>
 *
 * Keys (defaults in brackets): {@code windows} [1,5,60] (seconds), {@code rate} [100] (allowed requests
 * per second), {@code runs} [6000], {@code minWindows} [3], {@code modes} [wait,no-wait],
 * {@code concurrency} [500] (pacing), {@code overheadRuns} [2000] (0 leaves the overhead out),
 * {@code overheadConcurrency} [10], {@code warmup} [5], {@code rounds} [9],
 * {@code out} [buddy-bench/target/runner-pacing.txt].
 */
public final class RunnerPacing {
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("windows", "1,5,60"), Map.entry("rate", "100"), Map.entry("runs", "6000"),
      Map.entry("minWindows", "3"), Map.entry("modes", "wait,no-wait"), Map.entry("concurrency", "500"),
      Map.entry("overheadRuns", "2000"), Map.entry("overheadConcurrency", "10"), Map.entry("warmup", "5"),
      Map.entry("rounds", "9"), Map.entry("out", "buddy-bench/target/runner-pacing.txt"));

  private RunnerPacing() {}

  /** The settings: the defaults, overridden by {@code key=value} arguments. */
  static Map<String, String> settings(String[] args) {
    Map<String, String> s = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !DEFAULTS.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("expected key=value with a key of " + DEFAULTS.keySet() + ", got '" + arg + "'");
      }
      s.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return s;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> s = settings(args);
    int rate = Integer.parseInt(s.get("rate"));
    int runs = Integer.parseInt(s.get("runs"));
    int minWindows = Integer.parseInt(s.get("minWindows"));
    int concurrency = Integer.parseInt(s.get("concurrency"));
    int overheadRuns = Integer.parseInt(s.get("overheadRuns"));
    List<Integer> windows = Arrays.stream(s.get("windows").split(",")).map(String::trim).map(Integer::valueOf).toList();
    List<String> modes = Arrays.stream(s.get("modes").split(",")).map(String::trim).toList();
    Path out = Path.of(s.get("out"));
    int most = windows.stream().mapToInt(w -> Math.max(runs, rate * w * minWindows)).max().orElse(runs);

    Path dir = Files.createTempDirectory("buddy4j-pacing-");
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s, %d CPUs, %s %s (%s), max heap %d MB%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
        Runtime.getRuntime().maxMemory() >> 20));
    System.out.print(text);
    List<PacedBatch> paced = new ArrayList<>();
    try (PacingEmulator emulator = new PacingEmulator(100, Math.max(most, overheadRuns) * 2 + 10_000)) {
      if (overheadRuns > 0) {
        // The overhead first: its warm-up rounds also warm the JIT for the paced batches.
        RunnerOverhead.Overhead overhead = RunnerOverhead.overhead(emulator, dir, overheadRuns,
            Integer.parseInt(s.get("overheadConcurrency")), Integer.parseInt(s.get("warmup")),
            Integer.parseInt(s.get("rounds")), BenchBatch.tmpfs());
        text.append(overhead.describe());
        System.out.print(overhead.describe());
      }
      for (int window : windows) {
        for (String mode : modes) {
          PacedBatch p = PacedBatch.measure(emulator, dir, Math.max(runs, rate * window * minWindows), rate * window,
              window, concurrency, !mode.equals("no-wait"));
          paced.add(p);
          text.append(p.describe());
          System.out.print(p.describe());
          if (!p.clean()) {
            System.out.println(p.batch().output());
          }
        }
      }
    }
    if (!paced.isEmpty()) {
      StringBuilder table = new StringBuilder("| limit / window | mode | runs | starts/s (first to last POST) | ÷ allowed"
          + " | 429s | 429s after the first window | learned window | started exactly once | load average before |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
      paced.forEach(p -> table.append(p.row()).append('\n'));
      text.append(table);
      System.out.print(table);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
    System.out.println("written to " + out);
  }
}
