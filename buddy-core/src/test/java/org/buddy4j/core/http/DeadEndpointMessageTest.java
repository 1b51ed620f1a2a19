package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.buddy4j.core.errors.BuddyTransportException;
import org.buddy4j.core.testing.FastClients;
import org.junit.jupiter.api.Test;

/** A refused connection names where the client tried to connect. */
class DeadEndpointMessageTest {
  @Test
  void theMessageNamesHostAndPort() throws Exception {
    int port = FastClients.closedPort();
    BuddyTransportException e = assertThrows(BuddyTransportException.class,
        () -> FastClients.against("http://127.0.0.1:" + port, "FAKE-token-dead-0012").build().user().get());

    assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
  }

  @Test
  void theDefaultPortIsTheSchemes() {
    assertEquals("api.buddy.works:443", ResilientClient.hostAndPort("https://api.buddy.works/user"));
    assertEquals("localhost:80", ResilientClient.hostAndPort("http://localhost/user"));
  }
}
