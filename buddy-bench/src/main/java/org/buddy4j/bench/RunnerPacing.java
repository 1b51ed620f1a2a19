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
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.cli.BuddyCli;
import org.buddy4j.batch.engine.RunMarker;

/**
 * The batch runner's pacing and per-run overhead, measured against the emulator (issue #6). A measured
 * run, not a JMH benchmark: a paced batch is one event of a minute whose result is a count (starts, 429s)
 * over a span, not a steady-state loop.
 *
 * <ol>
 *   <li><b>Pacing.</b> The emulator allows {@code limit} requests per {@code window} seconds
 *       ({@code PUT /__emulator/rate-limit}); {@code buddy batch} starts N runs (in this JVM, through
 *       {@link BuddyCli}, exactly as a user runs it). Reported: the starts per second the runner
 *       achieved (first to last answered POST, its report's {@code submissions_per_second}) ÷ the
 *       allowed rate ({@code limit / window}); the same over the whole command's wall time; the 429s
 *       and the request count from the emulator's request log; and whether every run was started
 *       exactly once. Once with {@code --wait} (the default: runs are polled until over, and the polls
 *       use the same quota) and once with {@code --no-wait}.</li>
 *   <li><b>Per-run overhead.</b> The limit set far above what the machine can send; M runs through
 *       {@code buddy batch --no-wait --concurrency C} versus the same M bodies sent by
 *       {@code PipelineClient.run} from C plain threads with a fresh {@link BuddyClient} configured as the
 *       CLI configures its own. Rounds interleave the contenders (rotating who goes first) after
 *       warm-up rounds; the emulator is reset before every round. Reported per run: median wall time,
 *       median process CPU time (emulator included: it does the same work for both), the difference
 *       and the ratio. A third contender puts the runner's journal on tmpfs ({@code /dev/shm}), which
 *       shows how much of the overhead is the journal's {@code fsync} before each POST.</li>
 * </ol>
 *
 * <pre>java -Xms1g -Xmx1g -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.RunnerPacing [key=value…]</pre>
 *
 * Keys (defaults in brackets): {@code runs} [6000], {@code limit} [500], {@code window} [5],
 * {@code concurrency} [500] (pacing), {@code overheadRuns} [2000], {@code overheadConcurrency} [10],
 * {@code warmup} [5], {@code rounds} [9], {@code out} [buddy-bench/target/runner-pacing.txt].
 */
public final class RunnerPacing {
  /** A limit no run of this machine gets near: the runner's overhead without any pacing. */
  static final int UNLIMITED = 10_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** What to measure. */
  record Settings(int runs, int limit, int window, int concurrency, int overheadRuns, int overheadConcurrency,
                  int warmup, int rounds) {

    static Settings full() {
      return new Settings(6000, 500, 5, 500, 2000, 10, 5, 9);
    }

    Settings with(String key, String value) {
      int v = Integer.parseInt(value);
      return switch (key) {
        case "runs" -> new Settings(v, limit, window, concurrency, overheadRuns, overheadConcurrency, warmup, rounds);
        case "limit" -> new Settings(runs, v, window, concurrency, overheadRuns, overheadConcurrency, warmup, rounds);
        case "window" -> new Settings(runs, limit, v, concurrency, overheadRuns, overheadConcurrency, warmup, rounds);
        case "concurrency" -> new Settings(runs, limit, window, v, overheadRuns, overheadConcurrency, warmup, rounds);
        case "overheadRuns" -> new Settings(runs, limit, window, concurrency, v, overheadConcurrency, warmup, rounds);
        case "overheadConcurrency" -> new Settings(runs, limit, window, concurrency, overheadRuns, v, warmup, rounds);
        case "warmup" -> new Settings(runs, limit, window, concurrency, overheadRuns, overheadConcurrency, v, rounds);
        case "rounds" -> new Settings(runs, limit, window, concurrency, overheadRuns, overheadConcurrency, warmup, v);
        default -> throw new IllegalArgumentException("unknown key '" + key + "'");
      };
    }
  }

  /** One {@code buddy batch} invocation: exit code, wall and process CPU time, its JSON report. */
  record BatchRun(int exitCode, long wallNanos, long cpuNanos, JsonNode report, String output) {
    String batchId() {
      return report.path("batch").asText();
    }

    double engineSeconds() {
      return report.path("seconds").asDouble();
    }
  }

  /** One paced batch. */
  record Pacing(boolean waitForRuns, int runs, int limit, int window, int concurrency, BatchRun batch,
                PacingEmulator.Traffic traffic, int startedOnce, String loadBefore, String loadAfter, String cpu) {
    double allowed() {
      return (double) limit / window;
    }

    /** Starts per second from the first answered POST to the last (the runner's report). */
    double runnerRate() {
      return batch.report().path("requests").path("submissions_per_second").asDouble();
    }

    double wallRate() {
      return runs / (batch.wallNanos() / 1e9);
    }

    /** Every run started exactly once, nothing else started, exit code 0. */
    boolean clean() {
      return batch.exitCode() == 0 && startedOnce == runs && traffic.appliedPosts() == runs;
    }

    String describe() {
      return String.format(Locale.ROOT, "pacing %s: %d runs, limit %d / %d s (%.1f/s allowed), concurrency %d%n"
              + "  achieved %.2f starts/s first-to-last POST = %.1f%% of allowed; %.2f/s over the command's %.2f s wall"
              + " = %.1f%% (engine %.2f s)%n"
              + "  %d run POSTs (%d applied, %d answered 429), %d requests in all (%d answered 429, %d other failures);"
              + " limiter holds %d, learned window %.2f s%n"
              + "  started exactly once: %d of %d; exit %d; load average before [%s], after [%s]; %s%n",
          waitForRuns ? "--wait" : "--no-wait", runs, limit, window, allowed(), concurrency,
          runnerRate(), 100 * runnerRate() / allowed(), wallRate(), batch.wallNanos() / 1e9, 100 * wallRate() / allowed(),
          batch.engineSeconds(),
          traffic.runPosts(), traffic.appliedPosts(), traffic.runPostsRateLimited(), traffic.requests(), traffic.rateLimited(),
          traffic.otherFailures(), batch.report().path("requests").path("limiter_holds").asInt(),
          batch.report().path("requests").path("rate_limit_window_seconds").asDouble(),
          startedOnce, runs, batch.exitCode(), loadBefore, loadAfter, cpu);
    }
  }

  /** Per-run times of one contender over the measured rounds. */
  record Contender(String name, List<Double> wallMicrosPerRun, List<Double> cpuMicrosPerRun,
                   List<Double> engineMicrosPerRun) {
    Contender(String name) {
      this(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    double wall() {
      return median(wallMicrosPerRun);
    }

    double cpu() {
      return median(cpuMicrosPerRun);
    }

    double engine() {
      return median(engineMicrosPerRun);
    }
  }

  /** The overhead comparison. */
  record Overhead(int runs, int concurrency, int rounds, List<Contender> contenders, String loadBefore, String loadAfter,
                  String cpu) {
    Contender get(String name) {
      return contenders.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    String describe() {
      Contender base = get(BARE);
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
          "overhead: %d runs per round, concurrency %d, %d measured rounds (median per run); load average before [%s],"
              + " after [%s]; %s%n", runs, concurrency, rounds, loadBefore, loadAfter, cpu));
      b.append(String.format(Locale.ROOT, "  %-22s %12s %12s %12s %12s %14s %12s%n", "contender", "wall µs/run",
          "- bare µs", "÷ bare", "CPU µs/run", "CPU - bare µs", "CPU ÷ bare"));
      for (Contender c : contenders) {
        b.append(String.format(Locale.ROOT, "  %-22s %12.1f %12.1f %12.2f %12.1f %14.1f %12.2f%n", c.name(), c.wall(),
            c.wall() - base.wall(), c.wall() / base.wall(), c.cpu(), c.cpu() - base.cpu(), c.cpu() / base.cpu()));
      }
      for (Contender c : contenders) {
        if (!c.engineMicrosPerRun().isEmpty()) {
          b.append(String.format(Locale.ROOT, "  %-22s engine only (pump start to last run settled): %.1f µs/run,"
              + " %.1f µs/run more than bare%n", c.name(), c.engine(), c.engine() - base.wall()));
        }
      }
      for (Contender c : contenders) {
        b.append(String.format(Locale.ROOT, "  %-22s wall µs/run by round: %s%n", c.name(), c.wallMicrosPerRun().stream()
            .map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" "))));
      }
      return b.toString();
    }
  }

  static final String BARE = "bare PipelineClient.run";
  static final String RUNNER = "buddy batch --no-wait";
  static final String RUNNER_TMPFS = "… journal on tmpfs";

  private RunnerPacing() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.full();
    Path out = Path.of("buddy-bench", "target", "runner-pacing.txt");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if (key.equals("out")) {
        out = Path.of(value);
      } else {
        s = s.with(key, value);
      }
    }
    Path dir = Files.createTempDirectory("buddy4j-pacing-");
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s, %d CPUs, %s %s (%s), max heap %d MB%n",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
        Runtime.getRuntime().maxMemory() >> 20));
    System.out.print(text);
    try (PacingEmulator emulator = new PacingEmulator(100, Math.max(s.runs(), s.overheadRuns()) * 2 + 10_000)) {
      // The overhead first: its warm-up rounds also warm the JIT for the paced batches.
      Overhead overhead = overhead(emulator, dir, s.overheadRuns(), s.overheadConcurrency(), s.warmup(), s.rounds(),
          tmpfs());
      text.append(overhead.describe());
      System.out.print(overhead.describe());
      for (boolean wait : new boolean[] {true, false}) {
        Pacing p = pacing(emulator, dir, s.runs(), s.limit(), s.window(), s.concurrency(), wait);
        text.append(p.describe());
        System.out.print(p.describe());
        if (!p.clean()) {
          System.out.println(p.batch().output());
        }
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
    System.out.println("written to " + out);
  }

  // ---- pacing ------------------------------------------------------------------------------------

  /** N runs through {@code buddy batch} against {@code limit} requests per {@code window} seconds. */
  static Pacing pacing(PacingEmulator emulator, Path dir, int runs, int limit, int window, int concurrency,
                       boolean wait) throws IOException {
    Path file = batchFile(dir, "paced-" + runs + ".jsonl", runs);
    emulator.resetWithLimit(limit, window);
    String before = loadAverage();
    List<String> args = new ArrayList<>(List.of("--concurrency", String.valueOf(concurrency)));
    if (!wait) {
      args.add("--no-wait");
    }
    CpuShare cpu0 = CpuShare.now();
    BatchRun run = batch(emulator, dir, file, args);
    String cpu = CpuShare.now().since(cpu0);
    String after = loadAverage();
    PacingEmulator.Traffic traffic = PacingEmulator.Traffic.of(emulator.requests());
    int once = traffic.startedExactlyOnce(markers(run.batchId(), runs));
    return new Pacing(wait, runs, limit, window, concurrency, run, traffic, once, before, after, cpu);
  }

  // ---- overhead ----------------------------------------------------------------------------------

  /**
   * {@code runs} starts per round through the runner and through plain threads, interleaved.
   *
   * @param tmpfs a directory on tmpfs for the third contender's journal, or null to leave it out
   */
  static Overhead overhead(PacingEmulator emulator, Path dir, int runs, int concurrency, int warmup, int rounds,
                           Path tmpfs) throws Exception {
    Path file = batchFile(dir, "overhead-" + runs + ".jsonl", runs);
    List<BatchItem> items = items(file);
    Map<String, Contender> contenders = new LinkedHashMap<>();
    contenders.put(BARE, new Contender(BARE));
    contenders.put(RUNNER, new Contender(RUNNER));
    if (tmpfs != null) {
      contenders.put(RUNNER_TMPFS, new Contender(RUNNER_TMPFS));
    }
    List<String> order = new ArrayList<>(contenders.keySet());
    String before = loadAverage();
    CpuShare share0 = CpuShare.now();
    for (int round = 0; round < warmup + rounds; round++) {
      boolean measured = round >= warmup;
      for (String name : order) {
        emulator.resetWithLimit(UNLIMITED, 60);
        long wall;
        long cpu;
        double engineSeconds = Double.NaN;
        String batchId;
        if (name.equals(BARE)) {
          batchId = String.format("b%07x", round);
          long cpu0 = OS.getProcessCpuTime();
          long t0 = System.nanoTime();
          int started = bare(emulator, items, batchId, concurrency);
          wall = System.nanoTime() - t0;
          cpu = OS.getProcessCpuTime() - cpu0;
          check(started == runs, name + ": " + started + " of " + runs + " started");
        } else {
          Path journalDir = name.equals(RUNNER_TMPFS) ? tmpfs : dir;
          BatchRun run = batch(emulator, journalDir, file, List.of("--no-wait", "--concurrency", String.valueOf(concurrency)));
          check(run.exitCode() == 0, name + " failed:\n" + run.output());
          wall = run.wallNanos();
          cpu = run.cpuNanos();
          engineSeconds = run.engineSeconds();
          batchId = run.batchId();
        }
        PacingEmulator.Traffic traffic = PacingEmulator.Traffic.of(emulator.requests());
        int once = traffic.startedExactlyOnce(markers(batchId, runs));
        check(once == runs && traffic.appliedPosts() == runs && traffic.rateLimited() == 0,
            name + ": " + once + " of " + runs + " runs started exactly once, " + traffic);
        if (measured) {
          Contender c = contenders.get(name);
          c.wallMicrosPerRun().add(wall / 1e3 / runs);
          c.cpuMicrosPerRun().add(cpu / 1e3 / runs);
          if (!Double.isNaN(engineSeconds)) {
            c.engineMicrosPerRun().add(engineSeconds * 1e6 / runs);
          }
        }
      }
      Collections.rotate(order, 1); // nobody always goes first (or right after a GC-heavy contender)
    }
    String cpu = CpuShare.now().since(share0);
    return new Overhead(runs, concurrency, rounds, List.copyOf(contenders.values()), before, loadAverage(), cpu);
  }

  /**
   * The baseline: the same bodies as the runner sends ({@link BatchItem#toRunOptions}, a marker of the
   * same length), {@code PipelineClient.run} from {@code concurrency} threads, a fresh client built as
   * the CLI builds its own (fail fast on 429, no logging, the CLI's user agent). Returns how many started.
   */
  static int bare(PacingEmulator emulator, List<BatchItem> items, String batchId, int concurrency) throws Exception {
    List<RunOptions> options = items.stream().map(i -> i.toRunOptions(marker(batchId, i.key()))).toList();
    BuddyClient client = BuddyClient.builder().token(emulator.token()).endpoint(emulator.baseUrl())
        .rateLimitPolicy(RateLimitPolicy.failFast()).logLevel(LogLevel.NONE).userAgent("buddy-cli")
        .defaultWorkspace(PacingEmulator.WORKSPACE).defaultProject(PacingEmulator.PROJECT).build();
    PipelineClient pipeline = client.workspace(PacingEmulator.WORKSPACE).project(PacingEmulator.PROJECT)
        .pipeline(PacingEmulator.PIPELINE);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Execution>> calls = new ArrayList<>(options.size());
      for (RunOptions o : options) {
        calls.add(pool.submit(() -> pipeline.run(o)));
      }
      int started = 0;
      for (Future<Execution> f : calls) {
        if (f.get().id() > 0) {
          started++;
        }
      }
      return started;
    } finally {
      pool.shutdown();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** {@code buddy batch FILE args… --progress none --journal … --report …}, in this JVM. */
  static BatchRun batch(PacingEmulator emulator, Path dir, Path file, List<String> extra) throws IOException {
    Path work = Files.createTempDirectory(dir, "batch-");
    Path report = work.resolve("report.json");
    List<String> args = new ArrayList<>(List.of("batch", file.toString(), "--progress", "none",
        "--journal", work.resolve("journal.jsonl").toString(), "--report", report.toString()));
    args.addAll(extra);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code;
    long cpu0;
    long t0;
    long wall;
    long cpu;
    try (PrintStream o = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      cpu0 = OS.getProcessCpuTime();
      t0 = System.nanoTime();
      code = BuddyCli.run(args.toArray(String[]::new), emulator.env(), o, o);
      wall = System.nanoTime() - t0;
      cpu = OS.getProcessCpuTime() - cpu0;
    }
    String text = output.toString(StandardCharsets.UTF_8);
    JsonNode rep = Files.isRegularFile(report) ? JSON.readTree(report.toFile()) : JSON.createObjectNode();
    deleteTree(work);
    return new BatchRun(code, wall, cpu, rep, text);
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

  private static void check(boolean ok, String message) {
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
