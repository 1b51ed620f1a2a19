package org.buddy4j.core.errors;

import java.util.List;
import org.buddy4j.core.ratelimit.RateLimitStatus;

/**
 * Buddy answered with an error status. Carries the status, the request's method and path, and the
 * messages of Buddy's {@code {"errors":[{"message":…}]}} body.
 */
public class BuddyApiException extends BuddyException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final List<String> messages;
  private final transient RateLimitStatus rateLimit;

  public BuddyApiException(int status, String method, String path, List<String> messages, RateLimitStatus rateLimit) {
    super(describe(status, method, path, messages));
    this.status = status;
    this.method = method;
    this.path = path;
    this.messages = List.copyOf(messages);
    this.rateLimit = rateLimit;
  }

  private static String describe(int status, String method, String path, List<String> messages) {
    String what = messages.isEmpty() ? "no message" : String.join("; ", messages);
    return method + " " + path + " failed with HTTP " + status + ": " + what;
  }

  /** NO for a 4xx answer (Buddy refused it); UNKNOWN for a 5xx (Buddy may have acted before failing). */
  @Override
  public Applied applied() {
    return status < 500 ? Applied.NO : Applied.UNKNOWN;
  }

  /** The HTTP status Buddy answered with. */
  public int status() {
    return status;
  }

  /** The request's HTTP method. */
  public String method() {
    return method;
  }

  /** The request's path (and query), without host. */
  public String path() {
    return path;
  }

  /** Buddy's {@code errors[].message} values, in order. */
  public List<String> messages() {
    return messages;
  }

  /** The rate-limit headers of the error response, when it carried them. */
  public RateLimitStatus rateLimit() {
    return rateLimit;
  }
}
