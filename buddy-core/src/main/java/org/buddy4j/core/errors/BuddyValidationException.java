package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/** HTTP 400 or 422: Buddy refused the request's content; {@link #messages()} says which field. */
public class BuddyValidationException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyValidationException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(status, method, path, messages, rateLimit);
  }
}
