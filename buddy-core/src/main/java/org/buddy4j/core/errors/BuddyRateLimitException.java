package org.buddy4j.core.errors;

import java.time.Instant;
import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/**
 * HTTP 429: the rate limit is exceeded and the policy is FAIL, or waiting would exceed the configured
 * maximum. The request was not applied; {@link #resetAt()} says when the window opens again.
 */
public class BuddyRateLimitException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyRateLimitException(String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(429, method, path, messages, rateLimit);
  }

  /** When the current rate-limit window resets, if Buddy said so. */
  public Instant resetAt() {
    return rateLimit() == null ? null : rateLimit().resetAt();
  }
}
