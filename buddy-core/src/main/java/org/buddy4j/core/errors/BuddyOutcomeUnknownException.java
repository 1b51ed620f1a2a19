package org.buddy4j.core.errors;

/**
 * A POST or PATCH may or may not have been applied: the connection broke or timed out after the
 * request was sent, or Buddy answered 5xx. buddy4j never re-sends such a request by itself, because
 * starting a pipeline twice is worse than not knowing. Find out by reading (for a run: list the
 * pipeline's executions and look for the run's comment), then decide.
 */
public class BuddyOutcomeUnknownException extends BuddyException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;

  public BuddyOutcomeUnknownException(String method, String path, String reason, Throwable cause) {
    super(method + " " + path + " may or may not have been applied (" + reason + "); it was not re-sent", cause);
    this.method = method;
    this.path = path;
  }

  /** UNKNOWN, by definition. */
  @Override
  public Applied applied() {
    return Applied.UNKNOWN;
  }

  /** The request's HTTP method. */
  public String method() {
    return method;
  }

  /** The request's path (and query), without host. */
  public String path() {
    return path;
  }
}
