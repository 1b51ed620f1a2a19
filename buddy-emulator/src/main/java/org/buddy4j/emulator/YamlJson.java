package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML or JSON text (the spec, seed files) into Vert.x JSON objects. */
final class YamlJson {
  private YamlJson() {
  }

  /** Parses YAML (JSON is a subset of YAML) into a JsonObject. */
  static JsonObject parseObject(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      return new JsonObject(trimmed);
    }
    LoaderOptions options = new LoaderOptions();
    // The spec is ~3000 lines with many anchors-free repeated refs; raise the default limits a little.
    options.setCodePointLimit(16 * 1024 * 1024);
    Object loaded = new Yaml(new SafeConstructor(options)).load(text);
    if (!(loaded instanceof Map)) {
      throw new IllegalArgumentException("Expected a YAML/JSON object at the top level");
    }
    return (JsonObject) toJson(loaded);
  }

  @SuppressWarnings("unchecked")
  private static Object toJson(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<Object, Object>) value).forEach((k, v) -> copy.put(String.valueOf(k), toJson(v)));
      return new JsonObject(copy);
    }
    if (value instanceof List) {
      JsonArray array = new JsonArray();
      ((List<Object>) value).forEach(v -> array.add(toJson(v)));
      return array;
    }
    if (value instanceof Date) {
      // SnakeYAML turns unquoted timestamps into Dates; JSON wants the string back.
      return ((Date) value).toInstant().toString();
    }
    return value;
  }
}
