package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/** HTTP 401: the token is missing, unknown or expired (after one refresh, for OAuth tokens). */
public class BuddyAuthenticationException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyAuthenticationException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(status, method, path, messages, rateLimit);
  }
}
