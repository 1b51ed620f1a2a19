package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/** HTTP 403: the token lacks a scope, the user lacks a permission, or the API is disabled in the workspace. */
public class BuddyPermissionException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyPermissionException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(status, method, path, messages, rateLimit);
  }
}
