package org.buddy4j.batch.engine;

/**
 * The batch's running totals, changed only on the engine's event loop and read by the progress
 * display (also on the event loop) and, at the end, by the report. Constant size whatever the batch.
 */
public final class RunCounters {
  public int total;
  /** Runs whose outcome is settled (succeeded, failed, unknown, not started, or submitted with --no-wait). */
  public int done;
  /** Runs Buddy has accepted (answered POSTs plus runs found by reconciliation), this session. */
  public int submitted;
  /** Runs started and not over yet, being polled. */
  public int running;
  public int succeeded;
  public int failed;
  public int unknown;
  public int notStarted;
  /** Runs found finished in the journal on resume (not touched again). */
  public int alreadyDone;
  /** Runs whose lost POST was found again by their marker. */
  public int reconciled;
  /** Runs sent again because reconciliation proved the first POST was not applied. */
  public int resent;
  public long requests;
  public long posts;
  public long rateLimited;
  public long firstPostNanos;
  public long lastPostNanos;

  private final long[] perSecond = new long[10];
  private long currentSecond = -1;

  /** Records one answered start-run POST, for the rate shown and reported. */
  void postAnswered(long nanos) {
    posts++;
    if (firstPostNanos == 0) {
      firstPostNanos = nanos;
    }
    lastPostNanos = nanos;
    roll(nanos);
    perSecond[(int) (currentSecond % perSecond.length)]++;
  }

  private void roll(long nanos) {
    long second = nanos / 1_000_000_000L;
    if (currentSecond < 0) {
      currentSecond = second;
      return;
    }
    while (currentSecond < second) {
      currentSecond++;
      perSecond[(int) (currentSecond % perSecond.length)] = 0;
      if (second - currentSecond > perSecond.length) {
        currentSecond = second;
        java.util.Arrays.fill(perSecond, 0);
      }
    }
  }

  /** Starts per second over the last few seconds. */
  public double currentRate(long nowNanos) {
    if (currentSecond < 0) {
      return 0;
    }
    roll(nowNanos);
    long sum = 0;
    int seconds = perSecond.length - 1; // the current second is partial: leave it out
    for (int i = 1; i <= seconds; i++) {
      sum += perSecond[(int) ((currentSecond - i) % perSecond.length + perSecond.length) % perSecond.length];
    }
    long elapsed = Math.min(seconds, Math.max(1, (nowNanos - firstPostNanos) / 1_000_000_000L));
    return (double) sum / elapsed;
  }

  /** Starts per second from the first answered POST to the last one. */
  public double achievedRate() {
    if (posts < 2 || lastPostNanos <= firstPostNanos) {
      return 0;
    }
    return (posts - 1) / ((lastPostNanos - firstPostNanos) / 1e9);
  }
}
