package org.buddy4j.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON instance of a spec schema with every property filled, and a sentinel in every field the spec marks
 * secret ({@code format: password}, {@code writeOnly}, {@code x-buddy-secret-when} with its flag set true),
 * so a test can look for the sentinels in everything the client printed.
 */
public final class SpecSamples {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 6;

  private final String prefix;
  private final Map<String, String> sentinels = new LinkedHashMap<>();

  /** Sentinels will read {@code FAKE-SECRET-<prefix>-<where>-<n>}. */
  public SpecSamples(String prefix) {
    this.prefix = prefix;
  }

  /** Every sentinel put in so far, by where it was put ({@code Schema.field}). */
  public Map<String, String> sentinels() {
    return sentinels;
  }

  /** An instance of {@code schema}. */
  public JsonNode sample(JsonNode schema) {
    return sample("", schema, 0);
  }

  private JsonNode sample(String where, JsonNode schemaOrRef, int depth) {
    JsonNode schema = SpecDocument.resolve(schemaOrRef);
    if (schema == null || schema.isMissingNode()) {
      return JSON.nullNode();
    }
    if (schemaOrRef.has("$ref")) {
      String ref = schemaOrRef.get("$ref").asText();
      where = ref.substring(ref.lastIndexOf('/') + 1);
    }
    for (String c : new String[] {"allOf", "oneOf", "anyOf"}) {
      if (schema.path(c).isArray() && schema.get(c).size() > 0) {
        ObjectNode merged = JSON.objectNode();
        List<JsonNode> parts = new ArrayList<>();
        schema.get(c).forEach(parts::add);
        for (JsonNode part : c.equals("allOf") ? parts : parts.subList(0, 1)) {
          JsonNode v = sample(where, part, depth);
          if (v instanceof ObjectNode o) {
            merged.setAll(o);
          } else {
            return v;
          }
        }
        if (schema.has("properties")) {
          merged.setAll((ObjectNode) object(where, schema, depth));
        }
        return merged;
      }
    }
    if (schema.has("properties") || "object".equals(schema.path("type").asText())) {
      return depth > MAX_DEPTH ? JSON.objectNode() : object(where, schema, depth);
    }
    if ("array".equals(schema.path("type").asText())) {
      ArrayNode arr = JSON.arrayNode();
      if (depth <= MAX_DEPTH) {
        arr.add(sample(where + "[]", schema.path("items"), depth + 1));
      }
      return arr;
    }
    return scalar(where, schema, SpecDocument.isSecret(schema));
  }

  private JsonNode object(String where, JsonNode schema, int depth) {
    ObjectNode out = JSON.objectNode();
    JsonNode props = schema.path("properties");
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> p = it.next();
      String name = p.getKey();
      JsonNode prop = p.getValue();
      String at = where + "." + name;
      if (prop.has("x-buddy-secret-when")) {
        out.put(name, sentinel(at));
        out.put(prop.get("x-buddy-secret-when").asText(), true);
      } else if (!out.has(name)) {
        JsonNode resolved = SpecDocument.resolve(prop);
        boolean secret = SpecDocument.isSecret(prop) || SpecDocument.isSecret(resolved);
        out.set(name, secret ? JSON.textNode(sentinel(at)) : sample(at, prop, depth + 1));
      }
    }
    return out;
  }

  private JsonNode scalar(String where, JsonNode schema, boolean secret) {
    if (secret) {
      return JSON.textNode(sentinel(where));
    }
    if (schema.path("enum").isArray() && schema.get("enum").size() > 0) {
      return schema.get("enum").get(0);
    }
    switch (schema.path("type").asText("string")) {
      case "integer":
        return JSON.numberNode(1);
      case "number":
        return JSON.numberNode(1.5);
      case "boolean":
        return JSON.booleanNode(false);
      default:
        break;
    }
    switch (schema.path("format").asText()) {
      case "date-time":
        return JSON.textNode("2026-01-31T22:00:00Z");
      case "date":
        return JSON.textNode("2026-01-31");
      default:
        return JSON.textNode("plain");
    }
  }

  private String sentinel(String where) {
    String value = "FAKE-SECRET-" + prefix + "-" + where.replaceAll("[^A-Za-z0-9_]+", "_") + "-" + (sentinels.size() + 1);
    sentinels.put(where + "#" + (sentinels.size() + 1), value);
    return value;
  }
}
