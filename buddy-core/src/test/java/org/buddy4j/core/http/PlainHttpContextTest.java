package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The plain-HTTP client's TLS context cannot be used for TLS: a mistaken https call fails, never trusts blindly. */
class PlainHttpContextTest {
  @Test
  void everyUseOfTlsIsRefused() {
    assertThrows(UnsupportedOperationException.class, () -> PlainHttpContext.INSTANCE.createSSLEngine());
    assertThrows(UnsupportedOperationException.class, () -> PlainHttpContext.INSTANCE.createSSLEngine("buddy.works", 443));
    assertThrows(UnsupportedOperationException.class, () -> PlainHttpContext.INSTANCE.getSocketFactory());
    assertThrows(UnsupportedOperationException.class, () -> PlainHttpContext.INSTANCE.init(null, null, null));
  }
}
