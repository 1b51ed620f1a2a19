package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.ratelimit.RateLimitStatus;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * Runs buddy-core's blocking calls on a Vert.x worker pool — never on the event loop — each one only
 * after the {@link QuotaGovernor} lets it go, and reports every answer's rate-limit headers
 * (each call's own, {@code client.lastExchangeOnThisThread()}) and 429s back to it. HTTP, errors and retries stay buddy-core's.
 */
final class ApiCalls {
  private final WorkerExecutor workers;
  private final BuddyClient client;
  private final QuotaGovernor governor;
  private final RunCounters counters;

  ApiCalls(WorkerExecutor workers, BuddyClient client, QuotaGovernor governor, RunCounters counters) {
    this.workers = workers;
    this.client = client;
    this.governor = governor;
    this.counters = counters;
  }

  /** Waits for the lane's turn, then runs {@code call} on a worker; completes on the event loop. */
  <T> Future<T> call(Lane lane, Callable<T> call) {
    return governor.acquire(lane).compose(go -> {
      // When the request actually went out (workers may all be busy; the journal's write comes first),
      // and its own answer: the limiter's bounds are only as tight as these.
      AtomicReference<Instant> started = new AtomicReference<>(Instant.now());
      AtomicReference<RateLimitStatus> own = new AtomicReference<>();
      counters.requests++;
      Callable<T> timed = () -> {
        Instant start = Instant.now();
        started.set(start);
        try {
          return call.call();
        } finally {
          RateLimitTracker.Exchange last = client.lastExchangeOnThisThread();
          if (last != null && !last.sentAt().isBefore(start)) { // else this call sent nothing
            started.set(last.sentAt());
            own.set(last.answer());
          }
        }
      };
      return workers.<T>executeBlocking(timed, false).andThen(ar -> {
        Instant sentAt = started.get();
        boolean limited = ar.failed() && ar.cause() instanceof BuddyRateLimitException;
        if (limited) {
          counters.rateLimited++;
        }
        governor.completed(own.get(), sentAt, limited,
            limited ? ((BuddyRateLimitException) ar.cause()).resetAt() : null);
      });
    });
  }

  BuddyClient client() {
    return client;
  }
}
