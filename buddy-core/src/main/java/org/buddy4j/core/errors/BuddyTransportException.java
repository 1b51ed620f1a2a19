package org.buddy4j.core.errors;

/**
 * No usable answer came back (connection refused, timeout, reset), and the request either never
 * reached Buddy or was safe to repeat and failed on every attempt. Never thrown for a POST or PATCH
 * that may have been applied: that is {@link BuddyOutcomeUnknownException}.
 */
public class BuddyTransportException extends BuddyException {
  private static final long serialVersionUID = 1L;

  public BuddyTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  /** NO: the request never reached Buddy, or was safe to repeat (and so proves nothing was left half-done). */
  @Override
  public Applied applied() {
    return Applied.NO;
  }
}
