package org.buddy4j.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.http.Transport;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/** What every navigation object shares with the {@link BuddyClient} that made it. */
record ClientContext(Transport transport, BuddyEndpoint endpoint, Redactor redactor, RateLimitTracker tracker,
                     Duration pollInitial, Duration pollMax, Duration readTimeout, Clock clock, Sleeper sleeper) {

  /** A fresh backoff for one wait, on the client's poll settings and sleeper. */
  Poller poller() {
    return new Poller(pollInitial, pollMax, sleeper);
  }

  /**
   * Polls until a snapshot meets {@code condition} ({@code first} included, without a request) and returns
   * it: the one wait loop of runs and sandboxes, on the client's clock, poll backoff and sleeper.
   *
   * @param still what the last snapshot is still doing, for the timeout's message ("execution 3 of … is still
   *     INPROGRESS"); " after N s" is appended
   * @throws BuddyTimeoutException if no snapshot met it within {@code timeout}
   */
  <T> T await(T first, Predicate<? super T> condition, UnaryOperator<T> refresh, Duration timeout,
      Function<? super T, String> still) {
    Instant deadline = clock.instant().plus(timeout);
    T current = first;
    Poller poller = poller();
    while (!condition.test(current)) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new BuddyTimeoutException(still.apply(current) + " after " + timeout.toSeconds() + " s");
      }
      poller.sleep(left);
      current = refresh.apply(current);
    }
    return current;
  }

  /** {@code body}, its secret values remembered by the redactor first (every request body that may hold one). */
  <B> B sending(B body) {
    redactor.addSecretsOf(body);
    return body;
  }

  <T> T api(Class<T> type) {
    return transport.api(type);
  }
}
