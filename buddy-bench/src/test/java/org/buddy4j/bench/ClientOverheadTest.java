package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Both clients make the same exchange: same body bytes, same token, same decoded run. */
class ClientOverheadTest {

  @Test
  void bothClientsSendTheSameRequestAndReadTheSameRun() throws Exception {
    ClientOverhead b = new ClientOverhead();
    b.setup();
    try {
      org.buddy4j.core.generated.model.ExecutionData viaBuddy = b.buddyClient().data();
      byte[] buddyBody = b.server().lastBody();
      String buddyAuth = b.server().lastAuthorization();

      org.buddy4j.core.generated.model.ExecutionData viaRaw = b.rawHttpClient();
      byte[] rawBody = b.server().lastBody();

      assertEquals(viaBuddy, viaRaw);
      assertEquals(3, viaRaw.getId());
      assertArrayEquals(buddyBody, rawBody, () -> new String(buddyBody, StandardCharsets.UTF_8)
          + " vs " + new String(rawBody, StandardCharsets.UTF_8));
      // The run the benchmark starts is the docs' example request.
      ObjectMapper tree = new ObjectMapper();
      assertEquals(tree.readTree(Payloads.runRequest()), tree.readTree(buddyBody));
      assertEquals("Bearer " + ClientOverhead.TOKEN, buddyAuth);
      assertEquals(buddyAuth, b.server().lastAuthorization());
    } finally {
      b.tearDown();
    }
  }
}
