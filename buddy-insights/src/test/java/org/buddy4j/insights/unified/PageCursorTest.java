package org.buddy4j.insights.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void roundTripsPagePageSizeAndScope() {
    String c = PageCursor.of("jobs:acme/web/2", 3, 25).encode(KEY);
    PageCursor back = PageCursor.decode(c, "jobs:acme/web/2", KEY);
    assertEquals(3, back.page());
    assertEquals(25, back.perPage());
    assertEquals(4, back.next().page());
    assertTrue(c.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), c); // URL-safe, opaque
  }

  @Test
  void anyChangeIsRefused() {
    String c = PageCursor.of("jobs:acme/web/2", 3, 25).encode(KEY);
    for (int i = 0; i < c.length(); i++) {
      if (c.charAt(i) == '.') {
        continue;
      }
      char[] t = c.toCharArray();
      t[i] = t[i] == 'x' ? 'y' : 'x';
      String tampered = new String(t);
      assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(tampered, "jobs:acme/web/2", KEY),
          "changed at " + i);
    }
    // a forged payload (page 99) with the old signature
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "c1\njobs:acme/web/2\n99\n25".getBytes(StandardCharsets.UTF_8)) + c.substring(c.indexOf('.'));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(forged, "jobs:acme/web/2", KEY));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(c, "jobs:acme/web/3", KEY));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode(c, "jobs:acme/web/2", new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode("not a cursor", "x", KEY));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.decode("", "x", KEY));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.of("x", 0, 20));
    assertThrows(IllegalArgumentException.class, () -> PageCursor.of("x", 1, 1001));
  }
}
