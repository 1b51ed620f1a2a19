package org.buddy4j.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * openapi.yaml as the tests read it themselves, from the api-spec test jar ({@code buddy4j/openapi.yaml}),
 * independently of the build's generators: a check that agrees with a generator because it asks the
 * generator could not fail.
 */
public final class SpecDocument {
  private static final JsonNode ROOT = load();

  private SpecDocument() {}

  /** The whole document. */
  public static JsonNode root() {
    return ROOT;
  }

  /** A schema with its {@code $ref} (to {@code #/components/schemas/…}) followed, or the node itself. */
  public static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; s != null && s.has("$ref") && i < 10; i++) {
      String ref = s.get("$ref").asText();
      s = ROOT.at(ref.substring(1));
    }
    return s;
  }

  /** Whether the spec marks this property a secret: {@code format: password}, {@code writeOnly} or {@code x-buddy-secret-when}. */
  public static boolean isSecret(JsonNode property) {
    JsonNode p = property;
    return "password".equals(p.path("format").asText()) || p.path("writeOnly").asBoolean(false)
        || p.has("x-buddy-secret-when");
  }

  /**
   * Calls {@code each} with every object schema reachable from {@code schema} (its {@code $ref}s followed,
   * properties, array items, maps' values, allOf/oneOf/anyOf), each once.
   */
  public static void eachObject(JsonNode schema, BiConsumer<String, JsonNode> each) {
    walk("", schema, each, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(String where, JsonNode schema, BiConsumer<String, JsonNode> each, Set<JsonNode> seen) {
    JsonNode s = resolve(schema);
    if (s == null || !s.isObject() || !seen.add(s)) {
      return;
    }
    if (s.path("properties").isObject()) {
      each.accept(where, s);
      Iterator<Map.Entry<String, JsonNode>> props = s.get("properties").fields();
      while (props.hasNext()) {
        Map.Entry<String, JsonNode> p = props.next();
        walk(where + "." + p.getKey(), p.getValue(), each, seen);
      }
    }
    if (s.has("items")) {
      walk(where + "[]", s.get("items"), each, seen);
    }
    if (s.path("additionalProperties").isObject()) {
      walk(where + "{}", s.get("additionalProperties"), each, seen);
    }
    for (String c : new String[] {"allOf", "oneOf", "anyOf"}) {
      for (JsonNode x : s.path(c)) {
        walk(where, x, each, seen);
      }
    }
  }

  private static JsonNode load() {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream("buddy4j/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("no buddy4j/openapi.yaml on the test classpath (the api-spec test jar)");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
