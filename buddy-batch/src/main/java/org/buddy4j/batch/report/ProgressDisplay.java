package org.buddy4j.batch.report;

import java.io.PrintStream;
import java.util.Locale;
import org.buddy4j.batch.engine.QuotaGovernor;
import org.buddy4j.batch.engine.RunCounters;

/**
 * Shows how a batch is going, on stderr: on a terminal a live bar redrawn in place,
 * <pre>[########------------]  812/2000  41% | sub 850 run 38 ok 800 fail 12 unk 0 | 98.2/s | quota 412/500 | ETA 12s</pre>
 * otherwise one plain line every few seconds (for CI logs). Called on the engine's event loop.
 */
public final class ProgressDisplay implements ProgressListener {
  /** How progress is shown. */
  public enum Mode { BAR, PLAIN, NONE }

  private final PrintStream out;
  private final Mode mode;
  private final int width;
  private final long startNanos = System.nanoTime();
  private boolean drawn;

  public ProgressDisplay(PrintStream out, Mode mode, int width) {
    this.out = out;
    this.mode = mode;
    this.width = Math.max(40, width);
  }

  /** How often {@link #update} should be called. */
  @Override
  public long intervalMillis() {
    return mode == Mode.BAR ? 250 : 5000;
  }

  public Mode mode() {
    return mode;
  }

  @Override
  public void update(RunCounters c, QuotaGovernor g) {
    if (mode == Mode.NONE) {
      return;
    }
    double rate = c.currentRate(System.nanoTime());
    String quota = g.limit() > 0 ? g.remaining() + "/" + g.limit() : "n/a";
    String eta = eta(c, rate);
    if (mode == Mode.BAR) {
      int pct = c.total == 0 ? 100 : (int) (100L * c.done / c.total);
      String counts = String.format(Locale.ROOT, " %d/%d %3d%% | sub %d run %d ok %d fail %d unk %d | %.1f/s | quota %s | ETA %s",
          c.done, c.total, pct, c.submitted, c.running, c.succeeded, c.failed, c.unknown, rate, quota, eta);
      int barWidth = Math.max(10, Math.min(30, width - counts.length() - 3));
      int filled = c.total == 0 ? barWidth : (int) ((long) barWidth * c.done / c.total);
      String line = "[" + "#".repeat(filled) + "-".repeat(barWidth - filled) + "]" + counts;
      if (line.length() > width - 1) {
        line = line.substring(0, width - 1);
      }
      out.print("\r\033[K" + line);
      drawn = true;
    } else {
      out.printf(Locale.ROOT, "batch: %d/%d done, submitted %d, running %d, succeeded %d, failed %d, unknown %d;"
              + " %.1f runs/s, quota %s, ETA %s, %ds elapsed%n", c.done, c.total, c.submitted, c.running, c.succeeded,
          c.failed, c.unknown, rate, quota, eta, (System.nanoTime() - startNanos) / 1_000_000_000L);
    }
    out.flush();
  }

  /** Ends the bar's line so the summary starts on a fresh one. */
  @Override
  public void finish(RunCounters c, QuotaGovernor g) {
    if (mode == Mode.NONE) {
      return;
    }
    update(c, g);
    if (mode == Mode.BAR && drawn) {
      out.println();
      out.flush();
    }
  }

  private String eta(RunCounters c, double rate) {
    int left = c.total - c.done;
    if (left <= 0) {
      return "0s";
    }
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double doneRate = c.done > 0 && elapsed > 1 ? c.done / elapsed : 0;
    double r = Math.max(rate, doneRate);
    if (r <= 0) {
      return "?";
    }
    long s = Math.round(left / r);
    return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
  }
}
