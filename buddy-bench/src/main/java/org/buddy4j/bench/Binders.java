package org.buddy4j.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.buddy4j.core.BuddyJson;

/**
 * What each serialization benchmark compares, all on the same generated model classes and the same
 * bytes:
 *
 * <ul>
 *   <li>{@link #SDK}: {@code BuddyJson.mapper()}, the mapper buddy-core's Feign encoder and decoder use
 *       (with Jackson's Blackbird module, its default since 2026-12-02).</li>
 *   <li>{@link #SDK_WITHOUT_BLACKBIRD}: the same settings binding by reflection ({@code BuddyJson.create(false)}),
 *       as the {@code buddy} launcher's short commands run it and as the SDK did before.</li>
 *   <li>{@link #PLAIN}: {@code new ObjectMapper()} with only what these models cannot do without:
 *       {@code JavaTimeModule} (Jackson refuses {@code OffsetDateTime} otherwise) and ISO dates on
 *       write, so it writes the same bytes as the SDK.</li>
 *   <li>The streaming floor: a {@link JsonParser} that only steps through the tokens of the same bytes
 *       (decode), and a {@link JsonFactory} generator replaying the same token stream (encode). No
 *       binder can do less work.</li>
 * </ul>
 */
public final class Binders {
  public static final ObjectMapper SDK = BuddyJson.mapper();

  public static final ObjectMapper PLAIN = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public static final ObjectMapper SDK_WITHOUT_BLACKBIRD = BuddyJson.create(false);

  /** The streaming floor's factory (Jackson's defaults, like every mapper above). */
  public static final JsonFactory STREAMING = new JsonFactory();

  private Binders() {}

  /** The decode floor: every token of {@code json}, none of it bound or materialized. */
  public static int scanTokens(byte[] json) throws IOException {
    int tokens = 0;
    try (JsonParser p = STREAMING.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        tokens += t.id();
      }
    }
    return tokens;
  }

  /** The token stream of {@code json}, captured once so the encode floor can replay it. */
  public static TokenBuffer tokensOf(byte[] json) {
    try (JsonParser p = STREAMING.createParser(json)) {
      TokenBuffer buffer = new TokenBuffer(p);
      buffer.copyCurrentStructure(advance(p));
      return buffer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The encode floor: the generator writes the captured tokens (same buffer handling as a mapper). */
  public static byte[] writeTokens(TokenBuffer tokens) throws IOException {
    return PLAIN.writeValueAsBytes(tokens);
  }

  private static JsonParser advance(JsonParser p) throws IOException {
    p.nextToken();
    return p;
  }
}
