package org.buddy4j.core.errors;

/**
 * No usable answer came back (connection refused, timeout, reset), and the request either never
 * reached Buddy or was safe to repeat and failed on every attempt. Never thrown for a POST or PATCH
 * that may have been applied: that is {@link BuddyOutcomeUnknownException}.
 */
public class BuddyTransportException extends BuddyException {
  private static final long serialVersionUID = 1L;

  private final boolean mayHaveReachedBuddy;

  /** The request never reached Buddy (connection refused, nothing sent). */
  public BuddyTransportException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param mayHaveReachedBuddy true when the last attempt of a GET or DELETE failed after it was sent:
   *     repeating it was safe, but whether Buddy acted on it is not known
   */
  public BuddyTransportException(String message, Throwable cause, boolean mayHaveReachedBuddy) {
    super(message, cause);
    this.mayHaveReachedBuddy = mayHaveReachedBuddy;
  }

  /** NO when the request never reached Buddy; UNKNOWN when a (repeatable) request was lost after it was sent. */
  @Override
  public Applied applied() {
    return mayHaveReachedBuddy ? Applied.UNKNOWN : Applied.NO;
  }
}
