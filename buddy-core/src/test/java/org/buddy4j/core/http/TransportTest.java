package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The Feign wiring is internal to this package; {@link Transport} is its only public face. */
class TransportTest {
  @Test
  void feignTransportIsPackagePrivate() {
    assertFalse(Modifier.isPublic(FeignTransport.class.getModifiers()));
  }

  @Test
  void responseDecoderIsTheOneEveryTransportInstalls() {
    assertInstanceOf(JsonResponseDecoder.class, Transport.responseDecoder());
    assertSame(FeignTransport.decoder(), Transport.responseDecoder());
  }
}
