package org.buddy4j.insights.unified;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque cursor of a unified list over Buddy's {@code page}/{@code per_page} paging. It carries the
 * page, the page size and the scope (which list of which workspace/project/pipeline) and is signed
 * with HMAC-SHA256, so a cursor that was edited, truncated or made for another list is refused with
 * an {@link IllegalArgumentException} instead of silently reading the wrong data. Cursors stay valid
 * for as long as the key does (one {@link UnifiedCiCd}, or every instance given the same key).
 */
public final class PageCursor {
  private static final String VERSION = "c1";
  private static final int MAC_BYTES = 16;
  private static final int MAX_PER_PAGE = 1000;

  private final String scope;
  private final int page;
  private final int perPage;

  private PageCursor(String scope, int page, int perPage) {
    this.scope = scope;
    this.page = page;
    this.perPage = perPage;
  }

  /** A cursor for {@code page} (1-based) of {@code perPage} items of {@code scope}. */
  public static PageCursor of(String scope, int page, int perPage) {
    if (scope == null || scope.isEmpty() || scope.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("cursor scope must be a non-empty single line");
    }
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, not " + page);
    }
    if (perPage < 1 || perPage > MAX_PER_PAGE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PER_PAGE + ", not " + perPage);
    }
    return new PageCursor(scope, page, perPage);
  }

  public String scope() {
    return scope;
  }

  public int page() {
    return page;
  }

  public int perPage() {
    return perPage;
  }

  /** The cursor for the page after this one. */
  public PageCursor next() {
    return new PageCursor(scope, page + 1, perPage);
  }

  /** The opaque string: {@code base64url(payload) "." base64url(mac)}. */
  public String encode(byte[] key) {
    byte[] payload = (VERSION + "\n" + scope + "\n" + page + "\n" + perPage).getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(payload) + "." + b64.encodeToString(mac(key, payload));
  }

  /**
   * Reads a cursor made by {@link #encode(byte[])} with the same key for {@code expectedScope}.
   *
   * @throws IllegalArgumentException if it is malformed, was altered, or belongs to another list
   */
  public static PageCursor decode(String cursor, String expectedScope, byte[] key) {
    if (cursor == null || cursor.isBlank()) {
      throw new IllegalArgumentException("empty cursor");
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw invalid();
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      mac = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException notBase64) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(mac, mac(key, payload))) {
      throw invalid();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0])) {
      throw invalid();
    }
    if (!parts[1].equals(expectedScope)) {
      throw new IllegalArgumentException("this cursor belongs to another list (" + parts[1] + "), not " + expectedScope);
    }
    try {
      return of(parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static IllegalArgumentException invalid() {
    return new IllegalArgumentException("invalid cursor: pass back a nextCursor exactly as it was returned");
  }

  private static byte[] mac(byte[] key, byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "PageCursor[" + scope + " page " + page + " × " + perPage + "]";
  }
}
