package org.buddy4j.core;

import java.time.Clock;
import java.time.Duration;
import org.buddy4j.core.http.Transport;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/** What every navigation object shares with the {@link BuddyClient} that made it. */
record ClientContext(Transport transport, BuddyEndpoint endpoint, Redactor redactor, RateLimitTracker tracker,
                     Duration pollInitial, Duration pollMax, Duration readTimeout, Clock clock, Sleeper sleeper) {

  /** A fresh backoff for one wait, on the client's poll settings and sleeper. */
  Poller poller() {
    return new Poller(pollInitial, pollMax, sleeper);
  }

  <T> T api(Class<T> type) {
    return transport.api(type);
  }
}
