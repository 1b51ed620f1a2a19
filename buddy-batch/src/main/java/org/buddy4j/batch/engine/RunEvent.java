package org.buddy4j.batch.engine;

/**
 * What one step (start, reconcile, watch) learned about a run, handed back to the pump, which alone
 * decides what happens next. Steps observe; the pump journals decisions and settles outcomes.
 *
 * @param kind what happened
 * @param executionId the run's execution ID ({@link Kind#STARTED}), else 0
 * @param status Buddy's status of the run, when known
 * @param finished whether the run was already over when seen ({@link Kind#STARTED})
 * @param detail the why, redacted: for the journal, the result or the next message
 */
record RunEvent(Kind kind, int executionId, String status, boolean finished, String detail) {

  /** What a step can report. */
  enum Kind {
    /** Start or reconcile: the run exists in Buddy (POST answered, or found by its marker). */
    STARTED,
    /** Start: the POST's answer was lost or Buddy failed it with 5xx: it may or may not exist. */
    IN_DOUBT,
    /** Start: Buddy answered 429: not applied, send again (the governor holds until the window resets). */
    RATE_LIMITED,
    /** Start: the POST never reached Buddy ({@code detail}: why). */
    NOT_SENT,
    /** Start: Buddy refused the run for good (4xx); {@code detail}: Buddy's message. */
    REJECTED,
    /**
     * Start: Buddy refused the token (401); the batch stops. {@code status} is "401" when it refused the
     * POST itself (journalled as not applied), null when it refused the read before it (nothing sent);
     * {@code detail} is why the batch stopped.
     */
    TOKEN_REFUSED,
    /** Start: reading the pipeline's newest run was rate limited (nothing sent): try again at the next turn. */
    PIPELINE_RATE_LIMITED,
    /** Start: the pipeline's newest run could not be read (nothing sent). */
    PIPELINE_UNREADABLE,
    /** Start: the intent could not be journalled, so nothing was sent; the batch stops ({@code detail}: why). */
    JOURNAL_FAILED,
    /** Reconcile: listed after its window, the marker is absent: the POST was not applied. */
    ABSENT,
    /** Watch: the run is over with {@code status}. */
    FINISHED,
    /** Reconcile or watch: it cannot be told what became of the run. */
    UNKNOWN,
    /** Any step: the batch stopped ({@code detail}: why) before the step could end. */
    STOPPED
  }

  static RunEvent of(Kind kind, String detail) {
    return new RunEvent(kind, 0, null, false, detail);
  }

  static RunEvent started(int executionId, String status, boolean finished) {
    return new RunEvent(Kind.STARTED, executionId, status, finished, null);
  }

  static RunEvent finished(String status) {
    return new RunEvent(Kind.FINISHED, 0, status, true, null);
  }
}
