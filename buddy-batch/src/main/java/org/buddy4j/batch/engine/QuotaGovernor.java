package org.buddy4j.batch.engine;

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
 * The runner's limiter on Vert.x: queues requests per {@link Lane}, asks the {@link QuotaModel} (the
 * pure window model, which decides) when each may go, and wakes itself with a Vert.x timer — never
 * a blocked thread. Event-loop only. This class is the only place the limiter reads the clock.
 */
public final class QuotaGovernor {
  private final Vertx vertx;
  private final QuotaModel model;
  private final Map<Lane, ArrayDeque<Promise<Void>>> waiters = new EnumMap<>(Lane.class);
  private long timerId = -1;
  private Instant timerAt;

  /**
   * @param maxSubmitRate the user's cap on starts per second ({@code --rate}), or null for "what the quota allows"
   */
  public QuotaGovernor(Vertx vertx, Double maxSubmitRate) {
    this.vertx = vertx;
    this.model = new QuotaModel(maxSubmitRate);
    for (Lane lane : Lane.values()) {
      waiters.put(lane, new ArrayDeque<>());
    }
  }

  /** Completes (on the event loop) when a request of this lane may be sent. */
  public Future<Void> acquire(Lane lane) {
    Promise<Void> p = Promise.promise();
    waiters.get(lane).add(p);
    drain();
    return p.future();
  }

  /**
   * A request granted by {@link #acquire} has been answered (or failed).
   *
   * @param own the rate-limit headers of its own answer (null when it got none)
   * @param sentAt when it was sent
   * @param wasRateLimited it was answered 429
   * @param resetAt the 429's reset, if any
   */
  public void completed(RateLimitStatus own, Instant sentAt, boolean wasRateLimited, Instant resetAt) {
    model.answered(sentAt, own, wasRateLimited, resetAt, Instant.now());
    drain();
  }

  /** No more runs to start: polling may use the whole quota. */
  public void submissionsDone() {
    model.submissionsDone();
    drain();
  }

  /** Grants what may go now (looking at runs first) and sets a timer for the rest. */
  private void drain() {
    Instant now = Instant.now();
    Instant wake = Instant.MAX;
    for (Lane lane : new Lane[] {Lane.OBSERVE, Lane.SUBMIT}) {
      ArrayDeque<Promise<Void>> queue = waiters.get(lane);
      while (!queue.isEmpty()) {
        Instant next = model.tryAcquire(lane, now);
        if (next != null) {
          if (next.isBefore(wake)) {
            wake = next;
          }
          break;
        }
        queue.poll().complete();
      }
    }
    if (!wake.equals(Instant.MAX)) {
      schedule(now, wake);
    }
  }

  private void schedule(Instant now, Instant at) {
    if (timerId >= 0) {
      if (!timerAt.isAfter(at)) {
        return;
      }
      vertx.cancelTimer(timerId);
    }
    timerAt = at;
    long nanos = Math.max(0, Duration.between(now, at).toNanos());
    timerId = vertx.setTimer(Math.max(1, (nanos + 999_999) / 1_000_000), id -> {
      timerId = -1;
      drain();
    });
  }

  /** Starts per second the quota allows now. */
  public double submitRate() {
    return model.submitRate();
  }

  /** The window's limit ({@code X-Rate-Limit-Limit}), or -1 when unknown. */
  public int limit() {
    return model.limit();
  }

  /** Calls left in the window by the latest answer, or -1 when unknown. */
  public int remaining() {
    return model.remaining();
  }

  /** The window length learned so far, in seconds, or -1. */
  public double windowSeconds() {
    return model.windowSeconds();
  }

  /** How many 429s came back. */
  public int rateLimited() {
    return model.rateLimited();
  }

  /** How often the guard held everything until a window ended. */
  public int holds() {
    return model.holds();
  }
}
