package org.buddy4j.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an answer's JSON straight into the {@link Buffer} that is sent, with a Jackson generator, for the
 * answers that are rendered on every request (a run's): building a {@code JsonObject} tree and then
 * walking it to encode it cost as much as the rest of a run request. The bytes are those Vert.x's own
 * encoder writes for the same values (the same Jackson generator, default features), so a part that
 * other answers share keeps its one definition as a {@code JsonObject}, written with {@link #value} or,
 * encoded once, as raw bytes ({@link EncodedJson}).
 */
final class JsonBytes {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** A run's answer is about 4.6 KB: one allocation, no growing. */
  private static final int INITIAL = 6 * 1024;

  /** What writes one answer. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonBytes() {
  }

  static Buffer render(Body body) {
    Buffer out = Buffer.buffer(INITIAL);
    try (JsonGenerator g = FACTORY.createGenerator(new BufferOutput(out))) {
      body.write(g);
    } catch (IOException e) {
      throw new EncodeException("Cannot write JSON: " + e.getMessage());
    }
    return out;
  }

  /** A Vert.x JSON value (object, array, string, number…) as Vert.x encodes it. */
  static void value(JsonGenerator g, Object json) {
    JacksonCodec.encodeJson(json, g);
  }

  /** A string field whose value may be null. */
  static void field(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  /** A number field whose value may be null. */
  static void field(JsonGenerator g, String name, Integer value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  /** The generator's output, appended to a Vert.x buffer (Jackson hands it over in a few large chunks). */
  private static final class BufferOutput extends OutputStream {
    private final Buffer buffer;

    BufferOutput(Buffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      buffer.appendBytes(bytes, offset, length);
    }
  }
}
