package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/** HTTP 404: no such workspace, project, pipeline, execution or integration. */
public class BuddyNotFoundException extends BuddyApiException {
  private static final long serialVersionUID = 1L;

  public BuddyNotFoundException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(status, method, path, messages, rateLimit);
  }
}
