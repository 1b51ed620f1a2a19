package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/** HTTP 5xx on a request that was safe to repeat and still failed after the retries. */
public class BuddyServerException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyServerException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(status, method, path, messages, rateLimit);
  }
}
