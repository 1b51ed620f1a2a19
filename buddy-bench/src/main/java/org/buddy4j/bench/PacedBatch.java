package org.buddy4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One paced batch: N runs through {@code buddy batch} against an emulator allowing {@code limit}
 * requests per {@code window} seconds. Reported: the starts per second the runner achieved (first to
 * last answered POST, its report's {@code submissions_per_second}) ÷ the allowed rate
 * ({@code limit / window}); the same over the whole command's wall time; the 429s (all, and after the
 * first window) and the requests from the emulator's log; the window the runner learned; and whether
 * every run was started exactly once.
 */
record PacedBatch(boolean waitForRuns, int runs, int limit, int window, int concurrency, BenchBatch.Run batch,
                  PacingEmulator.Traffic traffic, int startedOnce, String loadBefore, String loadAfter, String cpu) {

  /** N runs through {@code buddy batch} against {@code limit} requests per {@code window} seconds. */
  static PacedBatch measure(PacingEmulator emulator, Path dir, int runs, int limit, int window, int concurrency,
                            boolean wait) throws IOException {
    Path file = BenchBatch.batchFile(dir, "paced-" + runs + ".jsonl", runs);
    emulator.resetWithLimit(limit, window);
    String before = BenchBatch.loadAverage();
    CpuShare cpu0 = CpuShare.now();
    BenchBatch.Run run = BenchBatch.batch(emulator, dir, file, concurrency, wait);
    String cpu = CpuShare.now().since(cpu0);
    String after = BenchBatch.loadAverage();
    PacingEmulator.Traffic traffic = PacingEmulator.Traffic.of(emulator.requests(), limit);
    int once = traffic.startedExactlyOnce(BenchBatch.markers(run.batchId(), runs));
    return new PacedBatch(wait, runs, limit, window, concurrency, run, traffic, once, before, after, cpu);
  }

  double allowed() {
    return (double) limit / window;
  }

  /** Starts per second from the first answered POST to the last (the runner's report). */
  double runnerRate() {
    return batch.report().path("requests").path("submissions_per_second").asDouble();
  }

  /** The runner's rate over the allowed one. */
  double ofAllowed() {
    return runnerRate() / allowed();
  }

  /**
   * The quota used from the first start to the last (starts and, with {@code --wait}, the reads that see
   * runs finish, which the same limit counts) over the allowed rate, over the span the runner's rate is
   * measured on ({@code (posts - 1) / rate}).
   */
  double quotaOfAllowed() {
    double span = (traffic.runPosts() - 1) / runnerRate();
    return (traffic.letThroughFirstToLastPost() - 1) / span / allowed();
  }

  double wallRate() {
    return runs / (batch.wallNanos() / 1e9);
  }

  /** The window length the runner reported having learned. */
  double learnedWindow() {
    return batch.report().path("requests").path("rate_limit_window_seconds").asDouble();
  }

  /** Every run started exactly once, nothing else started, exit code 0. */
  boolean clean() {
    return batch.exitCode() == 0 && startedOnce == runs && traffic.appliedPosts() == runs;
  }

  String describe() {
    return String.format(Locale.ROOT, "pacing %s: %d runs, limit %d / %d s (%.1f/s allowed), concurrency %d%n"
            + "  achieved %.2f starts/s first-to-last POST = %.2f%% of allowed (quota used there, all requests:"
            + " %.2f%%); %.2f/s over the command's %.2f s wall = %.1f%% (engine %.2f s)%n"
            + "  %d run POSTs (%d applied, %d answered 429), %d requests in all (%d answered 429, %d of them after the"
            + " first window; %d other failures); limiter holds %d, learned window %.3f s%n"
            + "  started exactly once: %d of %d; exit %d; load average before [%s], after [%s]; %s%n",
        waitForRuns ? "--wait" : "--no-wait", runs, limit, window, allowed(), concurrency,
        runnerRate(), 100 * ofAllowed(), 100 * quotaOfAllowed(), wallRate(), batch.wallNanos() / 1e9,
        100 * wallRate() / allowed(),
        batch.engineSeconds(),
        traffic.runPosts(), traffic.appliedPosts(), traffic.runPostsRateLimited(), traffic.requests(),
        traffic.rateLimited(), traffic.rateLimitedAfterFirstWindow(), traffic.otherFailures(),
        batch.report().path("requests").path("limiter_holds").asInt(), learnedWindow(),
        startedOnce, runs, batch.exitCode(), loadBefore, loadAfter, cpu);
  }

  /** One line of the summary table. */
  String row() {
    return String.format(Locale.ROOT, "| %d / %d s | %s | %d | %.2f | %.2f%% | %d | %d | %.3f s | %d of %d | %s |",
        limit, window, waitForRuns ? "--wait" : "--no-wait", runs, runnerRate(), 100 * ofAllowed(),
        traffic.rateLimited(), traffic.rateLimitedAfterFirstWindow(), learnedWindow(), startedOnce, runs, loadBefore);
  }
}
