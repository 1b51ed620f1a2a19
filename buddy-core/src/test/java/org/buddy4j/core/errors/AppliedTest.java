package org.buddy4j.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.junit.jupiter.api.Test;

/** {@link BuddyException#applied()} per exception type: refused or never sent is NO, anything in doubt UNKNOWN. */
class AppliedTest {
  private static final String M = "POST";
  private static final String P = "/workspaces/acme/projects/web/pipelines/2/executions";
  private static final List<String> NONE = List.of();

  @Test
  void answeredWith4xxIsNotApplied() {
    assertEquals(Applied.NO, new BuddyValidationException(400, M, P, NONE, null).applied());
    assertEquals(Applied.NO, new BuddyValidationException(422, M, P, NONE, null).applied());
    assertEquals(Applied.NO, new BuddyAuthenticationException(401, M, P, NONE, null).applied());
    assertEquals(Applied.NO, new BuddyPermissionException(403, M, P, NONE, null).applied());
    assertEquals(Applied.NO, new BuddyNotFoundException(404, M, P, NONE, null).applied());
    assertEquals(Applied.NO, new BuddyApiException(409, M, P, NONE, null).applied());
  }

  @Test
  void rateLimitedIsNotApplied() {
    assertEquals(Applied.NO, new BuddyRateLimitException(M, P, NONE, null).applied());
  }

  @Test
  void refusedConnectionIsNotApplied() {
    assertEquals(Applied.NO, new BuddyTransportException("connection refused", new IOException("refused")).applied());
  }

  /** A GET or DELETE lost after it was sent, on its last attempt: safe to have repeated, but not "not applied". */
  @Test
  void repeatableRequestLostAfterSendingIsUnknown() {
    assertEquals(Applied.UNKNOWN, new BuddyTransportException("reset", new IOException("reset"), true).applied());
  }

  @Test
  void lostAnswerOrServerErrorIsUnknown() {
    var server = new BuddyServerException(500, M, P, NONE, null);
    assertEquals(Applied.UNKNOWN, new BuddyOutcomeUnknownException(M, P, "Buddy answered HTTP 500", server).applied());
    assertEquals(Applied.UNKNOWN, new BuddyOutcomeUnknownException(M, P, "read timed out", new IOException()).applied());
    assertEquals(Applied.UNKNOWN, server.applied());
    assertEquals(Applied.UNKNOWN, new BuddyApiException(502, M, P, NONE, null).applied());
  }

  @Test
  void anythingElseIsNeverGuessedNotApplied() {
    assertEquals(Applied.UNKNOWN, new BuddyException("unexpected").applied());
    assertEquals(Applied.UNKNOWN, new BuddyTimeoutException("wait ran out").applied());
  }
}
