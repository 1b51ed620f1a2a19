package org.buddy4j.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.ratelimit.RateLimitPolicy;

/**
 * The runner's per-run overhead with nothing pacing it: M runs through
 * {@code buddy batch --no-wait --concurrency C} versus the same M bodies sent by
 * {@code PipelineClient.run} from C plain threads with a fresh {@link BuddyClient} configured as the CLI
 * configures its own. Rounds interleave the contenders (rotating who goes first) after warm-up rounds;
 * the emulator is reset before every round. Reported per run: median wall time, median process CPU time
 * (emulator included: it does the same work for both), the difference and the ratio. A third contender
 * puts the runner's journal on tmpfs ({@code /dev/shm}): how much of the overhead is the journal's
 * {@code fsync} before each POST.
 */
final class RunnerOverhead {
  /** A limit no run of this machine gets near: the runner's overhead without any pacing. */
  static final int UNLIMITED = 10_000_000;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static final String BARE = "bare PipelineClient.run";
  static final String RUNNER = "buddy batch --no-wait";
  static final String RUNNER_TMPFS = "… journal on tmpfs";

  /** Per-run times of one contender over the measured rounds. */
  record Contender(String name, List<Double> wallMicrosPerRun, List<Double> cpuMicrosPerRun,
                   List<Double> engineMicrosPerRun) {
    Contender(String name) {
      this(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    double wall() {
      return BenchBatch.median(wallMicrosPerRun);
    }

    double cpu() {
      return BenchBatch.median(cpuMicrosPerRun);
    }

    double engine() {
      return BenchBatch.median(engineMicrosPerRun);
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

  private RunnerOverhead() {}

  /**
   * {@code runs} starts per round through the runner and through plain threads, interleaved.
   *
   * @param tmpfs a directory on tmpfs for the third contender's journal, or null to leave it out
   */
  static Overhead overhead(PacingEmulator emulator, Path dir, int runs, int concurrency, int warmup, int rounds,
                           Path tmpfs) throws Exception {
    Path file = BenchBatch.batchFile(dir, "overhead-" + runs + ".jsonl", runs);
    List<BatchItem> items = BenchBatch.items(file);
    Map<String, Contender> contenders = new LinkedHashMap<>();
    contenders.put(BARE, new Contender(BARE));
    contenders.put(RUNNER, new Contender(RUNNER));
    if (tmpfs != null) {
      contenders.put(RUNNER_TMPFS, new Contender(RUNNER_TMPFS));
    }
    List<String> order = new ArrayList<>(contenders.keySet());
    String before = BenchBatch.loadAverage();
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
          BenchBatch.check(started == runs, name + ": " + started + " of " + runs + " started");
        } else {
          Path journalDir = name.equals(RUNNER_TMPFS) ? tmpfs : dir;
          BenchBatch.Run run = BenchBatch.batch(emulator, journalDir, file, concurrency, false);
          BenchBatch.check(run.exitCode() == 0, name + " failed:\n" + run.output());
          wall = run.wallNanos();
          cpu = run.cpuNanos();
          engineSeconds = run.engineSeconds();
          batchId = run.batchId();
        }
        PacingEmulator.Traffic traffic = PacingEmulator.Traffic.of(emulator.requests(), UNLIMITED);
        int once = traffic.startedExactlyOnce(BenchBatch.markers(batchId, runs));
        BenchBatch.check(once == runs && traffic.appliedPosts() == runs && traffic.rateLimited() == 0,
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
    return new Overhead(runs, concurrency, rounds, List.copyOf(contenders.values()), before, BenchBatch.loadAverage(), cpu);
  }

  /**
   * The baseline: the same bodies as the runner sends ({@link BatchItem#toRunOptions}, a marker of the
   * same length), {@code PipelineClient.run} from {@code concurrency} threads, a fresh client built as
   * the CLI builds its own (fail fast on 429, no logging, the CLI's user agent). Returns how many started.
   */
  static int bare(PacingEmulator emulator, List<BatchItem> items, String batchId, int concurrency) throws Exception {
    List<RunOptions> options = items.stream().map(i -> i.toRunOptions(BenchBatch.marker(batchId, i.key()))).toList();
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
}
