package org.buddy4j.core.e2e;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The emulator's built-in seed (from the test classpath), to be varied and loaded with {@code POST /__emulator/seed}. */
final class DefaultSeed {
  private DefaultSeed() {}

  static JsonObject load() {
    try (InputStream in = DefaultSeed.class.getClassLoader().getResourceAsStream("buddy4j/emulator/default-seed.json")) {
      if (in == null) {
        throw new IllegalStateException("buddy4j/emulator/default-seed.json is not on the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pipeline {@code id} of project company-website in {@code seed}. */
  static JsonObject pipeline(JsonObject seed, int id) {
    return seed.getJsonArray("workspaces").getJsonObject(0).getJsonArray("projects").getJsonObject(0)
      .getJsonArray("pipelines").stream().map(JsonObject.class::cast).filter(p -> p.getInteger("id") == id)
      .findFirst().orElseThrow();
  }
}
