package org.buddy4j.core.errors;

/** A wait (for an execution to finish, for a log to end) ran out of time. */
public class BuddyTimeoutException extends BuddyException {
  private static final long serialVersionUID = 1L;

  public BuddyTimeoutException(String message) {
    super(message);
  }
}
