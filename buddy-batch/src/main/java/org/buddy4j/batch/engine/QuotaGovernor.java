package org.buddy4j.batch.engine;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/**
 * The runner's adaptive limiter: decides when the next request may go, from Buddy's
 * {@code X-Rate-Limit-Limit/-Remaining/-Reset} headers (read from {@code client.rateLimit()} after
 * every call) and from 429s. Event-loop only: waiting is a Vert.x timer, never a blocked thread.
 *
 * <ul>
 *   <li><b>Pace.</b> One Bucket4j token bucket per {@link Lane}: starts at {@code limit / window × gain};
 *       looking at runs gets a small budget of its own (5%, at least 2/s; everything once all runs
 *       are started).</li>
 *   <li><b>Guard.</b> A request goes only while the window has calls left (the lowest
 *       {@code Remaining} seen in it, minus requests still in flight); otherwise everything holds
 *       until the window ends.</li>
 *   <li><b>Learn the window.</b> The reset header is whole seconds (and so is {@code Date}), up to two
 *       seconds late — a lot against a 5 s window. So the first request of each window is sent alone
 *       (a probe): its answer ({@code Remaining = limit - 1}) pins when the window began, and the
 *       window's length is the smallest {@code reset - start} seen. Both bounds are never early, so
 *       holding until {@code start + length} cannot cause a 429.</li>
 *   <li><b>Adapt.</b> At each window's end {@code gain} is corrected: up when quota was left while
 *       runs were waiting, down when the guard held for more than a few percent of the window,
 *       sharply down on a 429 (someone else uses the token too). Without a reset header at all, it
 *       paces by AIMD on {@code Remaining}.</li>
 * </ul>
 */
public final class QuotaGovernor {
  private static final double MIN_RATE = 0.2;
  private static final double PROBE_RATE = 5;
  private static final boolean DEBUG = System.getenv("BUDDY4J_DEBUG_LIMITER") != null;

  private final Vertx vertx;
  private final Double maxSubmitRate;
  private final Map<Lane, Bucket> buckets = new EnumMap<>(Lane.class);
  private final Map<Lane, Double> rates = new EnumMap<>(Lane.class);
  private final Map<Lane, ArrayDeque<Promise<Void>>> waiters = new EnumMap<>(Lane.class);

  private long timerId = -1;
  private long timerAtNanos;
  private int inFlight;
  private int completed;
  private boolean submissionsDone;
  private boolean probing = true; // the next request goes alone: its answer pins the window's start
  private boolean probeOutstanding; // that request is on its way

  private boolean quotaKnown;
  private boolean quotaAbsent; // answers carry no rate-limit headers at all
  private boolean noReset; // answers carry Limit and Remaining but no Reset
  private int limit = -1;
  private int minRemaining = -1;
  private Instant windowReset; // earliest reset seen for the current window; null once it is over
  private Instant lastReset; // the reset of the current or the last window
  private Instant windowStart; // the window began no earlier than this (its probe was sent then), if known
  private Instant windowOpenedBy; // the window began no later than this (the first answer seen from it)
  private Instant lastSentCounted; // the latest send time of a request answered from the current window
  private Instant exhaustedAt; // when the guard first had to hold in this window
  private double windowSeconds = -1; // never shorter than the real window
  private double gain = 1.0;
  private Instant holdUntil;
  private Instant lastAdjust;
  private int rateLimited;
  private int holds;

  /**
   * @param maxSubmitRate the user's cap on starts per second ({@code --rate}), or null for "what the quota allows"
   */
  public QuotaGovernor(Vertx vertx, Double maxSubmitRate) {
    this.vertx = vertx;
    this.maxSubmitRate = maxSubmitRate;
    for (Lane lane : Lane.values()) {
      waiters.put(lane, new ArrayDeque<>());
      double initial = lane == Lane.SUBMIT ? cap(PROBE_RATE) : PROBE_RATE;
      rates.put(lane, initial);
      buckets.put(lane, Bucket.builder().addLimit(l -> configure(l, initial)).build());
    }
  }

  private static BandwidthBuilderBuildStage configure(BandwidthBuilderCapacityStage l, double rate) {
    // A burst of about 100 ms, refilled greedily: smooth pacing that catches up after a late timer.
    long capacity = Math.max(1, Math.round(rate * 0.1));
    long per10s = Math.max(1, Math.round(rate * 10));
    return l.capacity(capacity).refillGreedy(per10s, Duration.ofSeconds(10));
  }

  /** Completes (on the event loop) when a request of this lane may be sent. */
  public Future<Void> acquire(Lane lane) {
    Promise<Void> p = Promise.promise();
    waiters.get(lane).add(p);
    drain();
    return p.future();
  }

  /**
   * A request granted by {@link #acquire} has been answered (or failed); {@code latest} is
   * {@code client.rateLimit()} read right after it, {@code sentAt} when it was sent.
   */
  public void completed(RateLimitStatus latest, Instant sentAt, boolean wasRateLimited, Instant resetAt) {
    inFlight--;
    completed++;
    Instant now = Instant.now();
    boolean wasProbe = probeOutstanding;
    probeOutstanding = false;
    if (latest != null && latest.known()) {
      observe(latest, sentAt, wasProbe, now);
    } else if (!quotaKnown && completed >= 3) {
      quotaAbsent = true; // no headers: pace by --rate (or a default) only
      setRates();
    }
    if (wasRateLimited) {
      rateLimited++;
      gain = Math.max(0.3, gain * 0.7);
      Instant until = resetAt != null && resetAt.isAfter(now) ? resetAt : now.plusSeconds(1);
      if (windowReset != null && windowReset.isAfter(until)) {
        until = windowReset;
      }
      startHold(now, until.plusMillis(20));
      setRates();
    }
    drain();
  }

  /**
   * @param sentAt when the request was sent
   * @param probe whether it was alone in flight (so this answer is its own)
   */
  private void observe(RateLimitStatus s, Instant sentAt, boolean probe, Instant now) {
    Instant probeSentAt = probe ? sentAt : null;
    boolean first = !quotaKnown;
    quotaKnown = true;
    quotaAbsent = false;
    limit = s.limit() > 0 ? s.limit() : Math.max(limit, s.remaining() + 1);
    Instant reset = s.resetAt();
    if (reset == null) {
      observeWithoutReset(s, now);
      return;
    }
    noReset = false;
    // Answers arrive out of order: one from an older window must not count against the current one.
    // Within one window the reset seen varies by up to a second (whole-second Date header).
    if (lastReset != null && !reset.isAfter(lastReset.plusMillis(1500))
        && (windowReset == null || reset.isBefore(lastReset.minusMillis(1500)))) {
      return; // the window that just ended, or an older one
    }
    boolean newWindow = lastReset == null || reset.isAfter(lastReset.plusMillis(1500));
    if (newWindow) {
      if (windowReset != null && windowStart != null) {
        // Seen from inside the next window: the last one began no earlier than its probe was sent
        // and ended before this answer, so its length is at most the time between the two.
        learnLength(Duration.between(windowStart, s.observedAt()));
      }
      if (windowReset != null) {
        endWindow(now);
      }
      windowReset = reset;
      lastReset = reset;
      minRemaining = s.remaining();
      exhaustedAt = null;
      if (probeSentAt != null && s.remaining() >= limit - 1) {
        windowStart = probeSentAt;
      } else {
        // Opened by ongoing traffic: it began after the last window ended, so after the latest request
        // counted in that window was sent (less a margin: answers are matched to windows loosely).
        windowStart = lastSentCounted == null ? null : lastSentCounted.minusMillis(50);
      }
      windowOpenedBy = s.observedAt();
      lastSentCounted = sentAt;
    } else {
      minRemaining = Math.min(minRemaining, s.remaining());
      if (lastSentCounted == null || sentAt.isAfter(lastSentCounted)) {
        lastSentCounted = sentAt;
      }
      if (reset.isBefore(windowReset)) {
        windowReset = reset;
        lastReset = reset;
      }
    }
    if (windowStart != null) {
      learnLength(Duration.between(windowStart, windowReset));
    } else if (windowSeconds < 0) {
      windowSeconds = Math.max(1.0, Duration.between(now, reset).toMillis() / 1000.0);
      setRates();
    }
    setRates();
  }

  /** A new upper bound of the window's length: keep the smallest. */
  private void learnLength(Duration bound) {
    double seconds = bound.toMillis() / 1000.0;
    if (seconds >= 0.5 && (windowSeconds < 0 || seconds < windowSeconds)) {
      windowSeconds = seconds;
      setRates();
    }
  }

  /**
   * Buddy documents Limit and Remaining but not Reset: without a reset time, pace by AIMD on what
   * remains — a little faster each second while more than a fifth is left, much slower under a tenth;
   * with nothing left, hold a second and probe again.
   */
  private void observeWithoutReset(RateLimitStatus s, Instant now) {
    noReset = true;
    windowReset = null;
    minRemaining = s.remaining();
    if (lastAdjust != null && Duration.between(lastAdjust, now).toMillis() < 1000) {
      return;
    }
    lastAdjust = now;
    if (s.remaining() > limit / 5) {
      gain = Math.min(100, gain * 1.1);
    } else if (s.remaining() < limit / 10) {
      gain = Math.max(0.05, gain * 0.7);
    }
    setRates();
  }

  /** When the current window ends, as early as can be proven. */
  private Instant windowEnd() {
    if (windowOpenedBy != null && windowSeconds > 0) {
      Instant byLength = windowOpenedBy.plusMillis(Math.round(windowSeconds * 1000));
      return byLength.isBefore(windowReset) ? byLength : windowReset;
    }
    return windowReset;
  }

  /** The window is over: correct the gain from how it went. */
  private void endWindow(Instant now) {
    double seconds = windowSeconds > 0 ? windowSeconds : 1;
    double heldFraction = exhaustedAt == null ? 0
        : Math.max(0, Duration.between(exhaustedAt, now).toMillis() / 1000.0) / seconds;
    if (DEBUG) {
      System.err.printf("%n[limiter] %s window over: leftover %d of %d, held %.1f%%, W %.2f s, gain %.3f, rate %.1f/s,"
              + " start %s, waiting %d%n", now, minRemaining, limit, heldFraction * 100, windowSeconds, gain,
          rates.get(Lane.SUBMIT), windowStart != null, waiters.get(Lane.SUBMIT).size());
    }
    if (exhaustedAt != null && heldFraction > 0.03) {
      gain = Math.max(0.3, gain * Math.max(0.8, 1 - (heldFraction - 0.015)));
    } else if (exhaustedAt == null) {
      gain = Math.min(1.0, gain * 1.05); // recover from a 429 or a long hold
    }
    setRates();
  }

  private void setRates() {
    double quotaRate;
    if (quotaKnown && noReset) {
      quotaRate = Math.max(MIN_RATE, PROBE_RATE * gain);
    } else if (quotaKnown && windowSeconds > 0) {
      double base = limit / windowSeconds;
      quotaRate = base;
      if (windowReset != null) {
        // Spread what is left of this window over the time it surely still has: self-correcting within
        // the window (a slow start is caught up, a fast one slowed), never a burst beyond twice the base.
        double left = Math.max(0.2, Duration.between(Instant.now(), windowEnd()).toMillis() / 1000.0);
        quotaRate = Math.min(2 * base, Math.max(0, minRemaining - inFlight) / left);
      }
      quotaRate = Math.max(MIN_RATE, quotaRate * gain);
    } else if (quotaAbsent) {
      quotaRate = maxSubmitRate != null ? maxSubmitRate : 20;
    } else {
      quotaRate = PROBE_RATE;
    }
    double observe = submissionsDone ? Math.max(quotaRate, 2.0) : Math.max(2.0, quotaRate * 0.05);
    setRate(Lane.SUBMIT, cap(quotaRate));
    setRate(Lane.OBSERVE, observe);
  }

  private double cap(double rate) {
    return maxSubmitRate == null ? rate : Math.min(rate, maxSubmitRate);
  }

  private void setRate(Lane lane, double rate) {
    double old = rates.get(lane);
    if (Math.abs(rate - old) / old < 0.01) {
      return;
    }
    rates.put(lane, rate);
    BucketConfiguration cfg = BucketConfiguration.builder().addLimit(l -> configure(l, rate)).build();
    buckets.get(lane).replaceConfiguration(cfg, TokensInheritanceStrategy.AS_IS);
  }

  /** No more runs to start: polling may use the whole quota. */
  public void submissionsDone() {
    if (!submissionsDone) {
      submissionsDone = true;
      setRates();
      drain();
    }
  }

  /** Grants what may go now and sets a timer for the rest. */
  private void drain() {
    Instant now = Instant.now();
    if (holdUntil != null) {
      if (now.isBefore(holdUntil)) {
        schedule(Duration.between(now, holdUntil).toNanos());
        return;
      }
      holdUntil = null;
      if (noReset) {
        minRemaining = Math.max(minRemaining, 1); // probe: the answer says whether calls are back
      }
    }
    if (windowReset != null && !now.isBefore(windowEnd())) {
      // The window is over: assume a fresh one, and open it with a lone probe to learn when it began.
      endWindow(now);
      minRemaining = limit;
      windowReset = null;
      windowStart = null;
      windowOpenedBy = null;
      exhaustedAt = null;
      probing = true;
    }
    long wait = Long.MAX_VALUE;
    for (Lane lane : new Lane[] {Lane.OBSERVE, Lane.SUBMIT}) {
      ArrayDeque<Promise<Void>> queue = waiters.get(lane);
      while (!queue.isEmpty()) {
        if (probeOutstanding || (probing && inFlight > 0)) {
          return; // the probe goes alone, and its answer comes first
        }
        if (!quotaAllows()) {
          if (exhaustedAt == null) {
            exhaustedAt = now;
          }
          if (windowReset != null) {
            startHold(now, windowEnd().plusMillis(15));
          } else if (inFlight == 0) {
            startHold(now, now.plusSeconds(1));
          }
          return; // otherwise an answer in flight will tell us more
        }
        ConsumptionProbe probe = buckets.get(lane).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
          wait = Math.min(wait, probe.getNanosToWaitForRefill());
          break;
        }
        inFlight++;
        if (probing) {
          probing = false;
          probeOutstanding = true;
        }
        queue.poll().complete();
      }
    }
    if (wait != Long.MAX_VALUE) {
      schedule(wait);
    }
  }

  private boolean quotaAllows() {
    if (quotaAbsent) {
      return true;
    }
    if (!quotaKnown) {
      return inFlight == 0; // one request until the first answer tells us the limit
    }
    int left = windowReset == null && !noReset ? limit : minRemaining;
    return left - inFlight > 0;
  }

  private void startHold(Instant now, Instant until) {
    if (holdUntil != null && !until.isAfter(holdUntil)) {
      return;
    }
    holds++;
    if (DEBUG) {
      System.err.printf("%n[limiter] %s hold until %s (remaining %d, in flight %d)%n", now, until, minRemaining, inFlight);
    }
    holdUntil = until;
    schedule(Duration.between(now, until).toNanos());
  }

  private void schedule(long nanos) {
    long at = System.nanoTime() + nanos;
    if (timerId >= 0) {
      if (timerAtNanos <= at) {
        return;
      }
      vertx.cancelTimer(timerId);
    }
    timerAtNanos = at;
    timerId = vertx.setTimer(Math.max(1, (nanos + 999_999) / 1_000_000), id -> {
      timerId = -1;
      drain();
    });
  }

  /** Starts per second the quota allows now. */
  public double submitRate() {
    return rates.get(Lane.SUBMIT);
  }

  /** The window's limit ({@code X-Rate-Limit-Limit}), or -1 when unknown. */
  public int limit() {
    return limit;
  }

  /** Calls left in the window by the latest answer, or -1 when unknown. */
  public int remaining() {
    return quotaKnown ? (windowReset == null && !noReset ? limit : minRemaining) : -1;
  }

  /** The window length learned so far, in seconds, or -1. */
  public double windowSeconds() {
    return windowSeconds;
  }

  /** How many 429s came back. */
  public int rateLimited() {
    return rateLimited;
  }

  /** How often the guard held everything until a window ended. */
  public int holds() {
    return holds;
  }
}
