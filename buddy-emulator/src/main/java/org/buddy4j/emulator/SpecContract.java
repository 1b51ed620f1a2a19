package org.buddy4j.emulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code buddy4j/openapi.yaml} (packaged by the api-spec module) from the classpath and turns it
 * into a Vert.x {@link OpenAPIContract}, which drives both the emulator's routes and its validation.
 *
 * <p>Two constructs of the spec are valid OpenAPI but unsupported by vertx-openapi 5.0.10, so they are
 * adjusted in memory (the file itself is never edited):
 * <ul>
 *   <li>{@code servers} lists base paths "" (api.buddy.works) and "/api" (self-hosted); Vert.x rejects
 *       "Different base paths in server urls". The emulator serves at its root, so the servers are
 *       replaced by a single root server.</li>
 *   <li>{@code requestOAuthToken} accepts {@code application/x-www-form-urlencoded}, a media type Vert.x
 *       cannot validate ("Media Type ... not supported"). The form entry is dropped from the contract and
 *       {@link FormAwareRequestExtractor} validates a form body as the equivalent JSON object instead.</li>
 *   <li>{@code nullable: true} (OpenAPI 3.0) is ignored by Vert.x, which validates 3.0 schemas as JSON
 *       Schema draft 4: a documented {@code "finish_date": null} fails with "Instance type null is
 *       invalid". Each nullable schema {@code S} becomes {@code anyOf: [S, {enum: [null]}]}, which means
 *       the same and passes the 3.0 meta-schema.</li>
 *   <li>A path segment holding more than one variable ({@code comparison/{base}...{head}}) is refused
 *       ("Curly brace MUST be the first/last character in a path segment"). Such a segment becomes one
 *       string variable named after its variables joined by {@code _} ({@code {base_head}}), whose value
 *       is the whole segment ({@code main...dev}).</li>
 * </ul>
 */
public final class SpecContract {
  /** Classpath location of the spec inside the api-spec jar. */
  public static final String SPEC_RESOURCE = "buddy4j/openapi.yaml";
  static final String FORM = "application/x-www-form-urlencoded";

  private final JsonObject raw;
  private final OpenAPIContract contract;

  private SpecContract(JsonObject raw, OpenAPIContract contract) {
    this.raw = raw;
    this.contract = contract;
  }

  /** Loads and adapts the spec. Completes on the caller's Vert.x context. */
  public static Future<SpecContract> load(Vertx vertx) {
    JsonObject raw;
    try {
      raw = YamlJson.parseObject(readResource(SPEC_RESOURCE));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    JsonObject adapted = adaptForVertx(raw.copy());
    return OpenAPIContract.from(vertx, adapted).map(c -> new SpecContract(raw, c));
  }

  /** The spec as written (including vendor extensions such as the integration catalog). */
  public JsonObject raw() {
    return raw;
  }

  /** The Vert.x contract used by the router and by response validation. */
  public OpenAPIContract contract() {
    return contract;
  }

  static JsonObject adaptForVertx(JsonObject original) {
    JsonObject spec = (JsonObject) nullableToAnyOf(original);
    spec.put("servers", new JsonArray().add(new JsonObject().put("url", "http://127.0.0.1")));
    JsonObject paths = joinMultiVariableSegments(spec);
    spec.put("paths", paths);
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        Object op = item.getValue(method);
        if (!(op instanceof JsonObject)) {
          continue;
        }
        JsonObject body = ((JsonObject) op).getJsonObject("requestBody");
        if (body != null && body.getJsonObject("content") != null) {
          JsonObject content = body.getJsonObject("content");
          if (content.containsKey(FORM) && content.size() > 1) {
            content.remove(FORM);
          }
        }
      }
    }
    return spec;
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  /** The spec's paths, with each segment that holds several variables (or text beside one) made one variable. */
  static JsonObject joinMultiVariableSegments(JsonObject spec) {
    JsonObject paths = spec.getJsonObject("paths", new JsonObject());
    JsonObject out = new JsonObject();
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      StringBuilder adapted = new StringBuilder();
      for (String segment : path.split("/", -1)) {
        if (adapted.length() > 0 || !segment.isEmpty()) {
          adapted.append('/');
        }
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(segment);
        while (m.find()) {
          names.add(m.group(1));
        }
        boolean single = names.size() == 1 && segment.equals("{" + names.get(0) + "}");
        if (names.isEmpty() || single) {
          adapted.append(segment);
          continue;
        }
        String joined = String.join("_", names);
        adapted.append('{').append(joined).append('}');
        item = replacePathParameters(spec, item, names, joined);
      }
      out.put(adapted.toString(), item);
    }
    return out;
  }

  /** The path item without the path parameters {@code names} (on it and its operations), plus one named {@code joined}. */
  private static JsonObject replacePathParameters(JsonObject spec, JsonObject item, List<String> names, String joined) {
    JsonObject copy = item.copy();
    List<JsonObject> holders = new ArrayList<>();
    holders.add(copy);
    for (String key : copy.fieldNames()) {
      if (copy.getValue(key) instanceof JsonObject) {
        holders.add(copy.getJsonObject(key));
      }
    }
    for (JsonObject holder : holders) {
      JsonArray params = holder.getJsonArray("parameters");
      if (params == null) {
        continue;
      }
      JsonArray kept = new JsonArray();
      for (Object p : params) {
        JsonObject param = resolveParameter(spec, (JsonObject) p);
        if (!("path".equals(param.getString("in")) && names.contains(param.getString("name")))) {
          kept.add(p);
        }
      }
      holder.put("parameters", kept);
    }
    JsonArray params = copy.getJsonArray("parameters");
    if (params == null) {
      params = new JsonArray();
      copy.put("parameters", params);
    }
    params.add(new JsonObject().put("name", joined).put("in", "path").put("required", true)
      .put("description", "The whole segment (Vert.x takes one variable per segment).")
      .put("schema", new JsonObject().put("type", "string")));
    return copy;
  }

  private static JsonObject resolveParameter(JsonObject spec, JsonObject param) {
    String ref = param.getString("$ref");
    if (ref == null || !ref.startsWith("#/components/parameters/")) {
      return param;
    }
    return spec.getJsonObject("components").getJsonObject("parameters").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }

  static Object nullableToAnyOf(Object node) {
    if (node instanceof JsonObject) {
      JsonObject out = new JsonObject();
      ((JsonObject) node).forEach(e -> out.put(e.getKey(), nullableToAnyOf(e.getValue())));
      if (Boolean.TRUE.equals(out.remove("nullable"))) {
        return new JsonObject().put("anyOf", new JsonArray().add(out).add(new JsonObject().put("enum", new JsonArray().addNull())));
      }
      return out;
    }
    if (node instanceof JsonArray) {
      JsonArray out = new JsonArray();
      ((JsonArray) node).forEach(v -> out.add(nullableToAnyOf(v)));
      return out;
    }
    return node;
  }

  static String readResource(String name) {
    ClassLoader loader = SpecContract.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + name + " (is org.buddy4j:api-spec on the classpath?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
