package org.buddy4j.batch.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/**
 * The runner's rate-limit model: which request may go when, from the
 * {@code X-Rate-Limit-Limit/-Remaining/-Reset} of each request's own answer. Pure: no clock, no
 * threads, no timers; every call is told the time. {@link QuotaGovernor} runs it on Vert.x; what the
 * answers prove about the windows is {@link QuotaWindow}'s.
 *
 * <ul>
 *   <li><b>First request</b>: alone, sent just before a whole second. The reset (the whole second after
 *       the window's end) then overshoots a whole-second window by only that lead, so the first answer
 *       already bounds the length tightly.</li>
 *   <li><b>Pace</b>: until the window's latest possible end, the calls left (less those in flight, and
 *       less one kept for a probe while the length is still uncertain) are spread evenly up to its earliest
 *       possible end, but for a small reserve spread from there to the latest (the latest if it lasts a
 *       whole number of seconds, while the answers allow that); after the
 *       latest, a fresh window's {@code limit} (less those in flight, which may land in it). So no
 *       window is ever sent more than it has left: no 429 unless someone else uses the token.</li>
 *   <li>Without a reset header, AIMD on {@code remaining}; without any header, {@code --rate} (or 20/s).
 *       A 429 holds until the reset and forgets the length learned.</li>
 * </ul>
 */
public final class QuotaModel {
  /** The first request aims to arrive this long before a whole second. */
  private static final long FIRST_LEAD_NANOS = 5_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final double MIN_RATE = 0.2;
  private static final double PROBE_RATE = 5;
  private static final double NO_HEADER_RATE = 20;
  private static final double MIN_OBSERVE_RATE = 2;
  private static final double OBSERVE_SHARE = 0.05;

  private final Double maxSubmitRate;
  private final Map<Lane, Instant> lastLaneGrant = new EnumMap<>(Lane.class);

  private int limit = -1;
  private int answers;
  private boolean quotaKnown;
  private boolean quotaAbsent; // answers carry no rate-limit headers at all
  private boolean noReset; // answers carry Limit and Remaining but no Reset
  private int inFlight;
  private boolean loneOutstanding; // the first request goes alone: its answer tells the limit
  private Instant lastGrant;
  private Instant firstAt; // when the first request goes
  private Instant holdUntil;
  private boolean submissionsDone;
  private int rateLimited;
  private int holds;

  private final QuotaWindow window = new QuotaWindow();
  private int minRemaining = -1; // without a reset header: the latest answer's
  private boolean held; // the current window's calls ran out (counted once in holds)

  // without a reset header
  private double gain = 1.0;
  private Instant lastAdjust;

  /** @param maxSubmitRate the user's cap on starts per second ({@code --rate}), or null for "what the quota allows" */
  public QuotaModel(Double maxSubmitRate) {
    this.maxSubmitRate = maxSubmitRate;
  }

  /**
   * Asks whether a request of {@code lane} may be sent at {@code now}. Returns null if it may (it now
   * counts as in flight), otherwise the instant to ask again — {@link Instant#MAX} for "when an answer
   * comes back".
   */
  public Instant tryAcquire(Lane lane, Instant now) {
    if (holdUntil != null) {
      if (now.isBefore(holdUntil)) {
        return holdUntil;
      }
      holdUntil = null;
      if (noReset) {
        minRemaining = Math.max(minRemaining, 1); // probe: the answer says whether calls are back
      }
    }
    if (loneOutstanding) {
      return Instant.MAX;
    }
    if (quotaAbsent) {
      return paced(lane, now, maxSubmitRate != null ? maxSubmitRate : NO_HEADER_RATE);
    }
    if (!quotaKnown) {
      if (inFlight > 0) {
        return Instant.MAX;
      }
      // Arriving just before a whole second, the reset (the whole second after the window's end)
      // overshoots a whole-second window by only the lead: the length is known from the first answer.
      // Aimed once: a timer that fires late sends it late rather than aiming at the next second.
      if (firstAt == null) {
        firstAt = beforeWholeSecond(now, FIRST_LEAD_NANOS);
      }
      if (now.isBefore(firstAt)) {
        return firstAt;
      }
      loneOutstanding = true;
      return grant(lane, now);
    }
    if (noReset) {
      if (minRemaining - inFlight <= 0) {
        return inFlight > 0 ? Instant.MAX : hold(now, now.plusSeconds(1));
      }
      return paced(lane, now, Math.max(MIN_RATE, PROBE_RATE * gain));
    }
    Instant end = window.end();
    if (end != null && !now.isBefore(end)) {
      window.next(limit); // it is over, by the latest end it can have
      held = false;
      end = null;
    }
    int budget = window.remaining(limit) - inFlight;
    if (end == null) {
      long w = window.lengthAtMostNanos();
      end = now.plusNanos(w > 0 ? w : SECOND);
    }
    Instant probeAt = window.probeAt(end);
    if (probeAt != null && budget >= 1) {
      if (!now.isBefore(probeAt)) {
        window.probeSent();
        return grant(lane, now);
      }
      budget--; // kept for the probe
    }
    if (budget <= 0) {
      if (!held && probeAt == null) {
        held = true;
        holds++;
      }
      // A probe that is due but has no call left waits for the end: answering with its (past) time would
      // have the caller ask again at once, over and over, until an answer frees a call.
      return probeAt != null && probeAt.isAfter(now) ? probeAt : end;
    }
    // The calls left, spread in parts (the latest end alone decides when the window is over): all but a
    // reserve evenly up to the earliest end the window can have, the reserve from there to the latest end it
    // has if it lasts its likely whole seconds, anything left after that to the latest end. Where the end is
    // uncertain — the first window, whose opener reached the server some time within its round trip, so its
    // whole-second reset bounds the end only to a second — the calls the window certainly has go at full
    // pace, and the reserve finds the end: the first call after it opens the next window. The next one
    // divides [last grant, spread end] into (calls of this part) + 1.
    Instant earliest = window.earliestEnd();
    Instant likely = window.likelyEnd();
    Instant reserveTo = likely != null && likely.isBefore(end) ? likely : end;
    int reserve = reserve(budget, now, earliest, reserveTo);
    boolean beforeEarliest = reserve < budget && earliest != null && earliest.isAfter(now);
    Instant spreadTo = beforeEarliest ? earliest : now.isBefore(reserveTo) ? reserveTo : end;
    int spread = beforeEarliest ? budget - reserve : budget;
    Instant next = lastGrant == null ? now
        : lastGrant.plusNanos(Math.max(0, Duration.between(lastGrant, spreadTo).toNanos()) / (spread + 1));
    double rate = spread / Math.max(1e-3, Duration.between(now, spreadTo).toNanos() / 1e9);
    Instant laneNext = laneNext(lane, Math.max(MIN_RATE, rate));
    if (laneNext != null && laneNext.isAfter(next)) {
      next = laneNext;
    }
    if (probeAt != null && probeAt.isBefore(next)) {
      next = probeAt;
    }
    return now.isBefore(next) ? next : grant(lane, now);
  }

  /**
   * How many of {@code budget} calls to keep for after the earliest end: about the square root of the
   * calls the window could take over the end's uncertainty {@code U}. Kept back, each is a call the
   * window may lose if it ends early; spread over {@code U}, their spacing {@code U / R} is how late the
   * next window may open. {@code R = sqrt(U × rate)} balances the two (with 1 s of uncertainty at
   * 100 per second, 10 calls: about 5 lost either way, where spreading every call over the whole
   * uncertainty lost half the first window). 0 once the end is known to within one call's spacing.
   */
  private int reserve(int budget, Instant now, Instant earliest, Instant end) {
    if (earliest == null || !end.isAfter(earliest)) {
      return 0;
    }
    Instant from = earliest.isAfter(now) ? earliest : now;
    double uncertainty = Math.max(0, Duration.between(from, end).toNanos() / 1e9);
    long w = window.lengthAtMostNanos();
    double rate = limit / (w > 0 ? w / 1e9 : 1.0);
    return (int) Math.min(budget, Math.floor(Math.sqrt(uncertainty * rate)));
  }

  /**
   * A request granted by {@link #tryAcquire} has been answered (or failed).
   *
   * @param sentAt when it was sent
   * @param own what its own answer said (null, or unknown, when there was no answer)
   * @param wasRateLimited it was answered 429
   * @param resetAt the 429's reset, if any
   * @param now the time now
   */
  public void answered(Instant sentAt, RateLimitStatus own, boolean wasRateLimited, Instant resetAt, Instant now) {
    inFlight = Math.max(0, inFlight - 1);
    answers++;
    loneOutstanding = false;
    if (own != null && own.known()) {
      observe(sentAt, own, now);
    } else if (!quotaKnown && answers >= 3) {
      quotaAbsent = true;
    }
    if (wasRateLimited) {
      rateLimited++;
      // Our model was wrong (someone else uses the token, or the window changed): learn it again.
      window.forget();
      window.exhausted();
      Instant until = resetAt != null && resetAt.isAfter(now) ? resetAt : now.plusSeconds(1);
      hold(now, until.plusMillis(20));
    }
  }

  private void observe(Instant sentAt, RateLimitStatus s, Instant now) {
    quotaKnown = true;
    quotaAbsent = false;
    limit = s.limit() > 0 ? s.limit() : Math.max(limit, s.remaining() + 1);
    Instant r = s.resetAt();
    if (r == null) {
      observeWithoutReset(s, now);
      return;
    }
    noReset = false;
    Instant received = s.observedAt() != null && !s.observedAt().equals(Instant.EPOCH) ? s.observedAt() : now;
    window.observe(sentAt, received, limit, s.remaining(), r);
  }

  /** Buddy documents Limit and Remaining but not Reset: AIMD on what remains, adjusted at most once a second. */
  private void observeWithoutReset(RateLimitStatus s, Instant now) {
    noReset = true;
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
  }

  /** Lane caps alone: {@code --rate} for starts, a small share for looking at runs while runs are being started. */
  private Instant paced(Lane lane, Instant now, double rate) {
    Instant next = laneNext(lane, rate);
    Instant overall = lastGrant == null ? null : lastGrant.plusNanos((long) (1e9 / Math.max(MIN_RATE, rate)));
    if (lane == Lane.SUBMIT && overall != null && (next == null || overall.isAfter(next))) {
      next = overall;
    }
    return next != null && now.isBefore(next) ? next : grant(lane, now);
  }

  private Instant laneNext(Lane lane, double quotaRate) {
    Instant last = lastLaneGrant.get(lane);
    if (last == null) {
      return null;
    }
    double rate = lane == Lane.SUBMIT ? cap(quotaRate)
        : submissionsDone ? Math.max(quotaRate, MIN_OBSERVE_RATE) : Math.max(MIN_OBSERVE_RATE, quotaRate * OBSERVE_SHARE);
    if (lane == Lane.SUBMIT && maxSubmitRate == null) {
      return null; // the spread alone paces starts
    }
    return last.plusNanos((long) (1e9 / rate));
  }

  private double cap(double rate) {
    return maxSubmitRate == null ? rate : Math.min(rate, maxSubmitRate);
  }

  private Instant grant(Lane lane, Instant now) {
    inFlight++;
    lastGrant = now;
    lastLaneGrant.put(lane, now);
    return null;
  }

  private Instant hold(Instant now, Instant until) {
    if (holdUntil == null || until.isAfter(holdUntil)) {
      holdUntil = until;
      holds++;
    }
    return holdUntil;
  }

  /** The first instant at or after {@code now} that is {@code lead} before a whole second. */
  static Instant beforeWholeSecond(Instant now, long lead) {
    Instant shifted = now.plusNanos(lead);
    Instant whole = shifted.getNano() == 0 ? shifted : Instant.ofEpochSecond(shifted.getEpochSecond() + 1);
    return whole.minusNanos(lead);
  }

  /** No more runs to start: looking at runs may use the whole quota. */
  public void submissionsDone() {
    submissionsDone = true;
  }

  /** Starts per second the quota allows now (the window's limit over its length, capped by {@code --rate}). */
  public double submitRate() {
    double rate;
    if (quotaAbsent) {
      rate = maxSubmitRate != null ? maxSubmitRate : NO_HEADER_RATE;
    } else if (noReset) {
      rate = Math.max(MIN_RATE, PROBE_RATE * gain);
    } else if (quotaKnown && window.lengthAtMostNanos() > 0) {
      rate = limit / (window.lengthAtMostNanos() / 1e9);
    } else {
      rate = PROBE_RATE;
    }
    return cap(rate);
  }

  /** The window's limit ({@code X-Rate-Limit-Limit}), or -1 when unknown. */
  public int limit() {
    return limit;
  }

  /** Calls left in the window by the latest answer, or -1 when unknown. */
  public int remaining() {
    return !quotaKnown ? -1 : noReset ? minRemaining : window.remaining(limit);
  }

  /** The window length learned so far (its upper bound), in seconds, or -1. */
  public double windowSeconds() {
    long w = window.lengthAtMostNanos();
    return w > 0 ? w / 1e9 : -1;
  }

  /** The window lasts more than this many seconds (what the model has proven so far). */
  public double windowSecondsAtLeast() {
    return window.lengthMoreThanNanos() / 1e9;
  }

  /** Requests granted and not yet answered. */
  public int inFlight() {
    return inFlight;
  }

  /** How many 429s came back. */
  public int rateLimited() {
    return rateLimited;
  }

  /** How often everything waited for a window to end (its calls used up). */
  public int holds() {
    return holds;
  }
}
