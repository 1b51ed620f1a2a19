package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which fields of an answer are secrets, compiled once from a response schema: a {@code writeOnly} property
 * is left out (Buddy never returns it), a {@code format: password} one is masked ({@link SecretRedactor#MASK}),
 * and one with {@code x-buddy-secret-when: encrypted} is masked when that flag is true (as
 * {@code "!encrypted ***"}, the form the variables answer used). Nested objects and arrays are walked.
 */
final class SecretMask {
  static final SecretMask NONE = new SecretMask();
  static final String ENCRYPTED = "!encrypted " + SecretRedactor.MASK;

  private final Map<String, SecretMask> children = new LinkedHashMap<>();
  private final Map<String, String> rules = new LinkedHashMap<>();
  private SecretMask items;

  private SecretMask() {
  }

  /** The mask of {@code schema} (a {@code $ref} or inline schema) within {@code spec}. */
  static SecretMask of(JsonObject spec, JsonObject schema) {
    return compile(spec, schema, new HashMap<>());
  }

  private static SecretMask compile(JsonObject spec, JsonObject schema, Map<String, SecretMask> seen) {
    String ref = schema.getString("$ref");
    if (ref != null) {
      SecretMask known = seen.get(ref);
      if (known != null) {
        return known;
      }
      SecretMask mask = new SecretMask();
      seen.put(ref, mask);
      mask.fill(spec, resolve(spec, schema), seen);
      return mask;
    }
    SecretMask mask = new SecretMask();
    mask.fill(spec, schema, seen);
    return mask;
  }

  private void fill(JsonObject spec, JsonObject schema, Map<String, SecretMask> seen) {
    for (String combiner : new String[] {"allOf", "anyOf", "oneOf"}) {
      for (Object part : schema.getJsonArray(combiner, new JsonArray())) {
        SecretMask sub = compile(spec, (JsonObject) part, seen);
        children.putAll(sub.children);
        rules.putAll(sub.rules);
        if (sub.items != null) {
          items = sub.items;
        }
      }
    }
    if (schema.getJsonObject("items") != null) {
      items = compile(spec, schema.getJsonObject("items"), seen);
    }
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String name : properties.fieldNames()) {
      JsonObject property = properties.getJsonObject(name);
      JsonObject resolved = resolve(spec, property);
      if (Boolean.TRUE.equals(resolved.getValue("writeOnly"))) {
        rules.put(name, "drop");
      } else if ("password".equals(resolved.getString("format"))) {
        rules.put(name, "mask");
      } else if (resolved.getString("x-buddy-secret-when") != null) {
        rules.put(name, "when:" + resolved.getString("x-buddy-secret-when"));
      } else if (property.containsKey("$ref") || resolved.containsKey("properties") || resolved.containsKey("items")
        || resolved.containsKey("allOf")) {
        children.put(name, compile(spec, property, seen));
      }
    }
  }

  /** A copy of {@code value} with this mask's secrets removed or masked. */
  Object apply(Object value) {
    if (value instanceof JsonArray) {
      if (items == null) {
        return value;
      }
      JsonArray out = new JsonArray();
      ((JsonArray) value).forEach(v -> out.add(items.apply(v)));
      return out;
    }
    if (!(value instanceof JsonObject)) {
      return value;
    }
    JsonObject in = (JsonObject) value;
    JsonObject out = new JsonObject();
    for (Map.Entry<String, Object> e : in) {
      String rule = rules.get(e.getKey());
      Object v = e.getValue();
      if (rule == null) {
        SecretMask child = children.get(e.getKey());
        out.put(e.getKey(), child == null ? v : child.apply(v));
      } else if (rule.equals("mask")) {
        out.put(e.getKey(), v == null ? null : SecretRedactor.MASK);
      } else if (rule.startsWith("when:")) {
        boolean secret = Boolean.TRUE.equals(in.getValue(rule.substring(5)));
        out.put(e.getKey(), secret && v != null ? ENCRYPTED : v);
      }
      // "drop": write-only, never in an answer
    }
    return out;
  }

  /**
   * The property names that are a secret wherever the spec's schemas have them ({@code format: password} or
   * {@code writeOnly} in every schema that has the name), for the request log's name-based redaction. A name
   * that is plain elsewhere ({@code key}: a private key in TargetAuth, a variable's name in Variable) is left
   * to the schema-aware {@link SecretMask}.
   */
  static java.util.Set<String> secretPropertyNames(JsonObject spec) {
    java.util.Set<String> secret = new java.util.TreeSet<>();
    java.util.Set<String> plain = new java.util.HashSet<>();
    JsonObject schemas = spec.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
    for (String schema : schemas.fieldNames()) {
      JsonObject properties = schemas.getJsonObject(schema).getJsonObject("properties", new JsonObject());
      for (String name : properties.fieldNames()) {
        JsonObject p = properties.getJsonObject(name);
        boolean marked = "password".equals(p.getString("format")) || Boolean.TRUE.equals(p.getValue("writeOnly"));
        (marked ? secret : plain).add(name);
      }
    }
    secret.removeAll(plain);
    return secret;
  }

  static JsonObject resolve(JsonObject spec, JsonObject node) {
    String ref = node.getString("$ref");
    if (ref == null || !ref.startsWith("#/")) {
      return node;
    }
    JsonObject target = spec;
    for (String part : ref.substring(2).split("/")) {
      target = target.getJsonObject(part);
    }
    return target;
  }
}
