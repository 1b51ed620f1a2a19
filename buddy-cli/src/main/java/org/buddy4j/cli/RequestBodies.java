package org.buddy4j.cli;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.RawCall;
import org.buddy4j.core.Suggestions;

/**
 * The one reader of request bodies a user gives on the command line: {@code --data JSON|@file} (as
 * {@code buddy api} takes it) and {@code --set field=value} pairs laid over it, checked against the fields
 * of the model it becomes before anything is sent. A message names the file or option and the field, never a
 * value (a body may hold credentials).
 */
final class RequestBodies {
  private static final ObjectMapper MAPPER = BuddyJson.mapper();

  private RequestBodies() {}

  /** The body of {@code --data}: JSON text, or {@code @file} to read it from; a usage error naming the file and line. */
  static JsonNode read(String data) {
    String where = "--data";
    String text = data;
    if (data.startsWith("@")) {
      Path file = Path.of(data.substring(1));
      InputFiles.requireFile(file, "JSON body");
      where = file.toString();
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    try {
      return RawCall.json(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + ": " + e.getMessage());
    }
  }

  /**
   * The body of a create or update, as {@code type}: {@code --data} (null for none; a JSON object) with the
   * {@code --set} pairs over it. {@code field} may be a dotted path into a nested object ({@code auth.password});
   * a value is text (Jackson reads {@code true} or {@code 12} into a field of that kind), split at commas for a
   * list field, or JSON when it starts with {@code [} or <code>{</code>. Every field must be one of the model's.
   */
  static <B> B body(String data, List<String> sets, Class<B> type, String noun) {
    ObjectNode body = MAPPER.createObjectNode();
    if (data != null) {
      JsonNode given = read(data);
      String where = data.startsWith("@") ? data.substring(1) : "--data";
      if (!given.isObject()) {
        throw new UsageException(where + ": expected a JSON object (the " + noun + "'s fields), not "
            + (given.isArray() ? "an array" : "a single value"));
      }
      given.fieldNames().forEachRemaining(f -> field(MAPPER.constructType(type), f, where, article(noun)));
      body.setAll((ObjectNode) given);
    }
    for (Map.Entry<String, String> e : ParameterErrors.keyValues("--set", sets).entrySet()) {
      set(body, MAPPER.constructType(type), e.getKey().split("\\.", -1), 0, e.getValue(), noun);
    }
    if (body.isEmpty()) {
      throw new UsageException("give the " + noun + "'s fields with --data JSON|@FILE or --set FIELD=VALUE"
          + " (fields: " + String.join(", ", names(MAPPER.constructType(type))) + ")");
    }
    return convert(body, type, "--set/--data");
  }

  /** {@code body} as {@code type}; a usage error naming the field (never its value) when a value is not of its kind. */
  static <B> B convert(JsonNode body, Class<B> type, String where) {
    try {
      return MAPPER.convertValue(body, type);
    } catch (IllegalArgumentException e) {
      // Jackson's message quotes the value, which may be a secret: name only the field.
      String field = e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
          ? m.getPath().get(m.getPath().size() - 1).getFieldName() : null;
      throw new UsageException(where + ": " + (field == null ? "a value" : "the value of '" + field + "'")
          + " is not of the field's kind (true/false, a number, text, a list)");
    }
  }

  private static void set(ObjectNode node, JavaType type, String[] path, int i, String value, String noun) {
    String name = path[i];
    JavaType fieldType = field(type, name, "--set", i == 0 ? article(noun) : "'" + path[i - 1] + "'");
    if (i == path.length - 1) {
      node.set(name, value(fieldType, value));
      return;
    }
    JsonNode child = node.get(name);
    if (!(child instanceof ObjectNode)) {
      child = node.putObject(name);
    }
    set((ObjectNode) child, fieldType, path, i + 1, value, noun);
  }

  /** The type of {@code name} in {@code type} (any name when {@code type} is a map or free-form), {@code owner} for messages. */
  private static JavaType field(JavaType type, String name, String where, String owner) {
    if (!isBean(type)) {
      if (type.isMapLikeType() || type.getRawClass() == Object.class || JsonNode.class.isAssignableFrom(type.getRawClass())) {
        return MAPPER.constructType(Object.class);
      }
      throw new UsageException(where + ": '" + name + "' is not a field: the field before it holds a single value");
    }
    for (BeanPropertyDefinition p : properties(type)) {
      if (p.getName().equals(name)) {
        return p.getPrimaryType();
      }
    }
    List<String> names = names(type);
    Optional<String> near = Suggestions.nearest(name, names);
    throw new UsageException(where + ": unknown field '" + name + "' of " + owner + near.map(n -> "; did you mean '" + n + "'?").orElse("")
        + " (fields: " + String.join(", ", names) + ")");
  }

  private static JsonNode value(JavaType type, String value) {
    if (value.startsWith("[") || value.startsWith("{")) {
      try {
        return RawCall.json(value);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--set: " + e.getMessage().replace("give one JSON document", "a value starting with [ or { is JSON"));
      }
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      ArrayNode list = MAPPER.createArrayNode();
      for (String part : value.split(",", -1)) {
        if (!part.isEmpty()) {
          list.add(part);
        }
      }
      return list;
    }
    return MAPPER.getNodeFactory().textNode(value);
  }

  /** "a variable", "an environment". */
  static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isContainerType() && !raw.isPrimitive() && !raw.isEnum() && raw.getPackageName().startsWith("org.buddy4j");
  }

  /** The model's JSON fields: those the generated code names ({@code @JsonProperty}), not its helper getters. */
  private static List<BeanPropertyDefinition> properties(JavaType type) {
    return MAPPER.getDeserializationConfig().introspect(type).findProperties().stream()
        .filter(BeanPropertyDefinition::isExplicitlyNamed).toList();
  }

  private static List<String> names(JavaType type) {
    List<String> out = new ArrayList<>();
    for (BeanPropertyDefinition p : properties(type)) {
      out.add(p.getName());
    }
    return out;
  }
}
