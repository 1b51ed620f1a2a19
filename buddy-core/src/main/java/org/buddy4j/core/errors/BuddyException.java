package org.buddy4j.core.errors;

/**
 * Root of every error buddy4j throws. Messages never carry a token or a secret field's value.
 *
 * <p>Subtypes: {@link BuddyApiException} (Buddy answered with an error status),
 * {@link BuddyTransportException} (no usable answer, and the request was not applied or was safe to
 * repeat), {@link BuddyOutcomeUnknownException} (a POST or PATCH may or may not have been applied),
 * {@link BuddyTimeoutException} (a wait ran out). {@link #applied()} says, for each, whether the failed
 * request took effect — decide on that, not on the subtype.
 */
public class BuddyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuddyException(String message) {
    super(message);
  }

  public BuddyException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the request that failed was applied by Buddy. A success throws nothing, so there is no YES here yet. */
  public enum Applied {
    /** It was applied. */
    YES,
    /** Proven not applied: Buddy refused it (4xx, 429, 501) or it never reached Buddy; safe to send again. */
    NO,
    /** It may or may not have been applied: find out by reading before sending it again. */
    UNKNOWN
  }

  /**
   * Whether the failed request was applied. UNKNOWN unless a subtype proves otherwise: never guess NO,
   * because re-sending a request that was applied (starting a pipeline twice) is the worst outcome.
   */
  public Applied applied() {
    return Applied.UNKNOWN;
  }
}
