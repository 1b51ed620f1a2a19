package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.buddy4j.core.errors.BuddyTransportException;
import org.buddy4j.core.testing.FastClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A refused connection proves nothing was sent: even a run POST is retried, then fails as a transport error. */
class ConnectionRefusedTest {
  private static final String TOKEN = "FAKE-token-refused-0004";

  private BuddyClient client;

  @BeforeEach
  void pointAtAClosedPort() throws Exception {
    client = FastClients.against("http://127.0.0.1:" + FastClients.closedPort(), TOKEN).build();
  }

  @Test
  void runPostIsRetriedAndEndsAsTransportErrorNotOutcomeUnknown() {
    BuddyTransportException e = assertThrows(BuddyTransportException.class,
        () -> client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main")));

    assertEquals(BuddyTransportException.class, e.getClass(), "not BuddyOutcomeUnknownException: nothing was sent");
    assertEquals(Applied.NO, e.applied(), "a refused connection proves the run was not started");
    assertTrue(e.getMessage().startsWith("POST /workspaces/acme/projects/web/pipelines/2/executions"), e.getMessage());
    assertTrue(e.getMessage().contains("after " + FastClients.FAST_RETRIES.maxAttempts() + " attempt(s)"),
        "every attempt was made: " + e.getMessage());
    assertTrue(hasCause(e, ConnectException.class), "caused by the refused connection");
    assertFalse(e.getMessage().contains(TOKEN));
  }

  @Test
  void getIsRetriedAndEndsAsTransportError() {
    BuddyTransportException e = assertThrows(BuddyTransportException.class, () -> client.user().get());

    assertTrue(e.getMessage().contains("after " + FastClients.FAST_RETRIES.maxAttempts() + " attempt(s)"), e.getMessage());
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
