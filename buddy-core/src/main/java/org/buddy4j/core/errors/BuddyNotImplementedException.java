package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/**
 * HTTP 501 Not Implemented: the server does not support this method on this path (an older Buddy, a
 * proxy, or the emulator where it has no logic yet). Unlike other 5xx answers, this one is a decision made
 * before anything was done, so even a POST is {@link Applied#NO}: safe to send elsewhere, pointless to repeat.
 */
public class BuddyNotImplementedException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyNotImplementedException(String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(501, method, path, messages, rateLimit);
  }

  /** NO: the server refused the request as a whole. */
  @Override
  public Applied applied() {
    return Applied.NO;
  }
}
