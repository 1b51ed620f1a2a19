package org.buddy4j.core.http.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.Map;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;

/**
 * Closing a client ends its HTTP threads (so a short program's JVM exits without waiting for a thread left
 * in native code), refuses later calls instead of hanging on a client without its selector, and leaves
 * every other client working.
 */
class HttpClientThreadsTest {
  private static final String TOKEN = "fake-token-threads-0000";

  @Test
  void closingAJdkClientEndsItsSelectorThreadAndNoOther() throws Exception {
    HttpClient closed = HttpClient.newHttpClient();
    HttpClient kept = HttpClient.newHttpClient();
    Thread closedSelector = HttpClientThreads.selectorOf(closed);
    Thread keptSelector = HttpClientThreads.selectorOf(kept);
    assertNotNull(closedSelector, "the selector thread is found by the id the client's toString() names");
    assertNotNull(keptSelector);
    assertTrue(closedSelector != keptSelector);

    HttpClientThreads.close(closed);

    assertFalse(closedSelector.isAlive(), "close() returns after the selector thread ended");
    assertTrue(keptSelector.isAlive(), "another client's selector is left alone");
    HttpClientThreads.close(kept);
  }

  @Test
  void aClosedBuddyClientRefusesCallsAndAnotherKeepsWorking() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.always("GET", "/workspaces", Answer.json(200, "{\"workspaces\":[{\"domain\":\"acme\",\"name\":\"Acme\"}]}"));
      BuddyClient closed = client(server);
      BuddyClient kept = client(server);
      assertEquals(1, closed.workspaces().list().count());

      closed.close();

      IllegalStateException refused = assertThrows(IllegalStateException.class,
          () -> closed.workspaces().list().count());
      assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
      assertEquals(1, kept.workspaces().list().count());
      assertEquals(2, server.requests("GET", "/workspaces").size(), "the refused call was never sent");
      kept.close();
    }
  }

  private static BuddyClient client(LoopbackServer server) {
    return BuddyClient.builder().environment(Map.of("BUDDY_TOKEN", TOKEN, "BUDDY_API_ENDPOINT", server.url())).build();
  }
}
