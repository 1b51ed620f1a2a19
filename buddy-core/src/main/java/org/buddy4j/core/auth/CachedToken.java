package org.buddy4j.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The caching every fetched token shares (OAuth 2.0, OIDC exchange): fetched on first use, again shortly
 * before it expires, and once more when Buddy answers 401 to it. A fetch is never repeated by itself: a
 * failed one is reported to the caller.
 */
final class CachedToken {
  /** What one fetch got: the token, and when it expires (null when the answer does not say: kept until a 401). */
  record Fetched(String token, Instant expiresAt) {}

  private final Supplier<Fetched> fetch;
  private final Duration skew;
  private final Clock clock;
  private String token; // guarded by this
  private Instant expiresAt; // guarded by this

  CachedToken(Supplier<Fetched> fetch, Duration skew, Clock clock) {
    this.fetch = Objects.requireNonNull(fetch);
    this.skew = Objects.requireNonNull(skew);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The token to send now, fetched if there is none or it is about to expire. */
  synchronized String get() {
    if (token == null || (expiresAt != null && !clock.instant().isBefore(expiresAt.minus(skew)))) {
      load();
    }
    return token;
  }

  /** After a 401 to {@code rejected}: true when a different token is now available. */
  synchronized boolean refreshAfterUnauthorized(String rejected) {
    if (token != null && !token.equals(rejected)) {
      return true; // another thread already refreshed
    }
    token = null;
    load();
    return token != null && !token.equals(rejected);
  }

  private void load() {
    Fetched f = fetch.get();
    token = f.token();
    expiresAt = f.expiresAt();
  }
}
