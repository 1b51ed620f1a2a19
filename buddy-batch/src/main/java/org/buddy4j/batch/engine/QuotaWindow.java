package org.buddy4j.batch.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * What the answers prove about Buddy's rate-limit windows, for {@link QuotaModel}: which window an
 * answer belongs to, when the current one began and ends at the latest, and how long a window lasts.
 * Pure (times are parameters).
 *
 * <p>A window holds {@code limit} requests and lasts {@code W}; its reset header is the whole second at
 * or after its end. Its start lies between {@code startLo} (the send time of its opener — the answer
 * saying {@code limit - 1} — or of any request answered from an older window) and {@code startHi} (the
 * earliest answer from it). {@code W} lies between {@code wLo} (a request sent after the start was
 * still counted in it) and {@code wHi} (the reset is not before the end; a newer window was seen).
 * So the window ends by {@code min(reset, startHi + wHi)}; every bound errs on the late side.
 */
final class QuotaWindow {
  /** Resets of one window may differ by a little (a server Date read a second later); windows differ by ≥ 1 s. */
  private static final long SAME_WINDOW_NANOS = 500_000_000L;
  private static final long SECOND_NANOS = 1_000_000_000L;
  /** Bisect until the length is known to this. */
  private static final long LEARNED_NANOS = 1_000_000L;
  /**
   * Probes per length learned, at most. A probe that opens the next window leaves one call of its own
   * unused, so probing for ever would cost a call per window; a dozen halve even a second of doubt down to
   * the answers' own jitter, which no probe resolves — probing stops earlier when the last probe moved
   * neither bound (at 1 s windows each probe that taught nothing cost 1% of a window).
   */
  private static final int PROBES = 12;

  private long wLo; // a window lasts more than this (nanos)
  private long wHi = -1; // and at most this, or -1 when unknown
  private int probesLeft = PROBES;

  // the current window: reset is null until an answer from it came back
  private Instant reset;
  private Instant prevReset;
  private int minRemaining = -1;
  private Instant startLo;
  private Instant startHi;
  private Instant lastSent; // the latest send time of a request answered from this window
  private boolean probeUsed;
  private boolean notWholeSeconds; // a window outlasted the whole seconds it was assumed to last
  private long loAtProbe = -1; // the bounds when the last probe went, to see whether it taught anything
  private long hiAtProbe = -1;

  /** Whether an answer from the current window came back (so its reset and remaining are known). */
  boolean answered() {
    return reset != null;
  }

  /** Calls left in the current window by its answers ({@code limit} before any). */
  int remaining(int limit) {
    return reset == null ? limit : minRemaining;
  }

  /** The answer to a request sent at {@code sentAt}, received at {@code received}. */
  void observe(Instant sentAt, Instant received, int limit, int remaining, Instant r) {
    if (reset == null) {
      if (prevReset != null && Duration.between(prevReset, r).toNanos() < SAME_WINDOW_NANOS) {
        older(sentAt);
        return;
      }
      reset = r;
      minRemaining = limit;
    } else {
      long d = Duration.between(reset, r).toNanos();
      if (d <= -SAME_WINDOW_NANOS) {
        older(sentAt);
        return;
      }
      if (d >= SAME_WINDOW_NANOS) {
        // A newer window: the current one ended before this answer; it began no earlier than startLo.
        if (startLo != null) {
          learnHi(Duration.between(startLo, received).toNanos());
        }
        next(limit);
        reset = r;
      }
    }
    minRemaining = Math.min(minRemaining, remaining);
    if (startHi == null || received.isBefore(startHi)) {
      startHi = received;
    }
    if (lastSent == null || sentAt.isAfter(lastSent)) {
      lastSent = sentAt;
    }
    if (remaining == limit - 1 && (startLo == null || sentAt.isAfter(startLo))) {
      startLo = sentAt; // the window's opener: it arrived when the window began
    }
    if (startLo != null) {
      learnHi(Duration.between(startLo, reset).toNanos());
    }
    long lo = Duration.between(startHi, sentAt).toNanos(); // sent after the start, still counted in it
    if (lo > wLo) {
      long assumed = likelyLengthNanos();
      wLo = lo;
      if (assumed > 0 && wLo >= assumed) {
        notWholeSeconds = true; // a call sent that long after the start was still counted: assume no more
      }
    }
    if (wHi > 0 && wLo > wHi) {
      forget(); // contradiction: the window changed
    }
  }

  /** An answer from an older window: it arrived before the current one began. */
  private void older(Instant sentAt) {
    if (startLo == null || sentAt.isAfter(startLo)) {
      startLo = sentAt;
    }
  }

  private void learnHi(long nanos) {
    if (nanos > 0 && (wHi < 0 || nanos < wHi)) {
      wHi = nanos;
    }
  }

  /** The current window is over: the next begins after every request answered from it was sent. */
  void next(int limit) {
    prevReset = reset;
    reset = null;
    startLo = lastSent;
    startHi = null;
    lastSent = null;
    minRemaining = limit;
    probeUsed = false;
  }

  /** The current window has no calls left (a 429 said so). */
  void exhausted() {
    minRemaining = 0;
  }

  /** Our idea of the window was wrong (a 429, or bounds that contradict): learn its length again. */
  void forget() {
    wHi = -1;
    wLo = 0;
    probesLeft = PROBES;
    notWholeSeconds = false;
    loAtProbe = -1;
    hiAtProbe = -1;
  }

  /** The latest the current window can end, or null when no answer from it came back yet. */
  Instant end() {
    if (reset == null) {
      return null;
    }
    if (startHi != null && wHi > 0) {
      Instant byLength = startHi.plusNanos(wHi);
      return byLength.isBefore(reset) ? byLength : reset;
    }
    return reset;
  }

  /**
   * The earliest the current window may end, for spreading its calls, or null when no answer from it came
   * back yet: its reset, the whole second at or after its end, says after {@code reset - 1 s}; it began no
   * earlier than {@code startLo} and lasts more than {@code wLo} — and, unless shown shorter, at least a
   * second (a window shorter than its reset's resolution would make the reset meaningless), or the
   * {@link #likelyLengthNanos() likely whole seconds}. Assumed only here, where being wrong costs pace,
   * never a 429: {@link #end()} alone decides that it is over.
   */
  Instant earliestEnd() {
    if (reset == null) {
      return null;
    }
    Instant byReset = reset.minusSeconds(1);
    if (startLo == null) {
      return byReset;
    }
    long likely = likelyLengthNanos();
    long least = likely > 0 ? likely : wHi > 0 && wHi < SECOND_NANOS ? wLo : Math.max(wLo, SECOND_NANOS);
    Instant byLength = startLo.plusNanos(least);
    return byLength.isAfter(byReset) ? byLength : byReset;
  }

  /**
   * The latest the current window ends if it lasts its {@link #likelyLengthNanos() likely whole seconds},
   * or null when there is no such length.
   */
  Instant likelyEnd() {
    long likely = likelyLengthNanos();
    return likely > 0 ? startHi.plusNanos(likely) : null;
  }

  /**
   * The whole number of seconds the window most likely lasts (in nanos), or -1 when the bounds allow none:
   * the least one above {@code wLo}, at most {@code wHi}, and ending the current window within the second
   * before its reset. The reset header counts whole seconds and quotas are set in them; where the first
   * request reached Buddy later than its send time shows (a cold client, a far server), the reset alone
   * leaves a second of doubt about the end, this only the opener's round trip. A probe is sent at this
   * length; once a call that late is counted in the window, no whole seconds are assumed any more (until the
   * length is learned again).
   */
  long likelyLengthNanos() {
    if (notWholeSeconds || reset == null || startLo == null || startHi == null) {
      return -1;
    }
    long least = Math.max(Math.max(wLo + 1, SECOND_NANOS), Duration.between(startHi, reset).toNanos() - SECOND_NANOS + 1);
    long seconds = (least + SECOND_NANOS - 1) / SECOND_NANOS * SECOND_NANOS;
    long most = Duration.between(startLo, reset).toNanos();
    if (wHi > 0 && wHi < most) {
      most = wHi;
    }
    return seconds <= most ? seconds : -1;
  }

  /**
   * When to send this window's bisection probe, or null when none is due. Sent at the
   * {@link #likelyLengthNanos() likely length} after {@code startHi}, else at {@code startHi + (wLo + wHi) / 2},
   * with a call the window keeps back for it: counted in the window, it raises {@code wLo}; opening the next,
   * it lowers {@code wHi}. Either way no 429.
   */
  Instant probeAt(Instant end) {
    if (probeUsed || probesLeft <= 0 || reset == null || startHi == null || wHi <= 0 || wHi - wLo <= LEARNED_NANOS) {
      return null;
    }
    if (hiAtProbe > 0 && wHi > hiAtProbe - LEARNED_NANOS && wLo < loAtProbe + LEARNED_NANOS) {
      // The last probe (a window ago: answered by now) moved neither bound: the bounds are as tight as the
      // answers' round trips let them be, and every further probe would spend the call it keeps back for nothing.
      probesLeft = 0;
      return null;
    }
    long likely = likelyLengthNanos();
    Instant at = startHi.plusNanos(likely > 0 && likely < wHi ? likely : (wLo + wHi) / 2);
    return at.isBefore(end) ? at : null;
  }

  /** The probe was granted. */
  void probeSent() {
    probeUsed = true;
    probesLeft--;
    loAtProbe = wLo;
    hiAtProbe = wHi;
  }

  /** The length's upper bound in nanos, or -1. */
  long lengthAtMostNanos() {
    return wHi;
  }

  /** The length's lower bound in nanos. */
  long lengthMoreThanNanos() {
    return wLo;
  }
}
