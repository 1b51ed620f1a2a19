package org.buddy4j.core.errors;

/**
 * Root of every error buddy4j throws. Messages never carry a token or a secret field's value.
 *
 * <p>Subtypes: {@link BuddyApiException} (Buddy answered with an error status),
 * {@link BuddyTransportException} (no usable answer, and the request was not applied or was safe to
 * repeat), {@link BuddyOutcomeUnknownException} (a POST or PATCH may or may not have been applied),
 * {@link BuddyTimeoutException} (a wait ran out).
 */
public class BuddyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuddyException(String message) {
    super(message);
  }

  public BuddyException(String message, Throwable cause) {
    super(message, cause);
  }
}
