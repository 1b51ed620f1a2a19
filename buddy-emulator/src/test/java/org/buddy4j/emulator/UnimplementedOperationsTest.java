package org.buddy4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * An operation of the spec the emulator has no logic for yet answers a plain {@code 501} with Buddy's error body
 * naming the operation, after the same gateway as every call (rate-limit headers, authentication, validation of
 * the request against the spec), never a made-up success or a misleading 404.
 */
class UnimplementedOperationsTest extends EmulatorTestBase {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  @TestFactory
  Stream<DynamicTest> everyOperationWithoutLogicAnswers501() {
    JsonObject spec = YamlJson.parseObject(SpecContract.readResource(SpecContract.SPEC_RESOURCE));
    Set<String> withLogic = withLogic();
    List<DynamicTest> tests = new ArrayList<>();
    JsonObject paths = spec.getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(template);
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        String operationId = op.getString("operationId");
        if (withLogic.contains(operationId)) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(method.toUpperCase() + " " + template, () -> {
          String path = concretePath(spec, template, item, op);
          JsonObject body = op.containsKey("requestBody") ? minimal(spec, jsonSchema(op.getJsonObject("requestBody"))) : null;
          ApiClient.Reply reply = api.send(method.toUpperCase(), path, body == null ? null : body.encode());
          assertEquals(501, reply.status, () -> operationId + ": " + reply);
          assertEquals("The emulator does not implement " + operationId + " yet", reply.errorMessage());
          assertNotNull(reply.header("X-Rate-Limit-Remaining"), "rate-limit headers on the 501");
        }));
      }
    }
    int count = tests.size();
    tests.add(DynamicTest.dynamicTest("33 operations have no logic yet", () -> assertEquals(33, count)));
    return tests.stream();
  }

  @Test
  void anUnimplementedOperationStillNeedsAToken() {
    ApiClient.Reply reply = api.withToken("FAKE-unknown-token").get("/workspaces/buddy/sandboxes");
    api.withToken(emulator.token());
    assertEquals(401, reply.status, reply::toString);
  }

  @Test
  void anUnimplementedOperationStillValidatesItsBody() {
    ApiClient.Reply reply = api.post("/workspaces/buddy/domains", new JsonObject().put("type", "PRIVATE"));
    assertEquals(400, reply.status, reply::toString);
    assertTrue(reply.errorMessage().contains("name"), reply::toString);
  }

  private static Set<String> withLogic() {
    Vertx vertx = Vertx.vertx();
    try {
      SpecContract contract = SpecContract.load(vertx).await();
      return Set.copyOf(BuddyEmulator.registry(new Emulation(contract, EmulatorOptions.defaults())).operationIds());
    } finally {
      vertx.close().await();
    }
  }

  /** The template with sample values that fit each variable's schema (one path segment each). */
  private static String concretePath(JsonObject spec, String template, JsonObject item, JsonObject op) {
    List<JsonObject> params = parameters(spec, item, op);
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      JsonObject schema = params.stream().filter(p -> "path".equals(p.getString("in")) && name.equals(p.getString("name")))
        .findFirst().orElseThrow(() -> new AssertionError(template + " has no path parameter " + name)).getJsonObject("schema");
      String value = "integer".equals(schema.getString("type")) ? "2" : name.equals("workspace") ? "buddy" : "sample-" + name;
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    StringBuilder query = new StringBuilder();
    for (JsonObject p : params) {
      if ("query".equals(p.getString("in")) && p.getBoolean("required", false)) {
        Object value = minimal(spec, p.getJsonObject("schema"));
        query.append(query.length() == 0 ? '?' : '&').append(p.getString("name")).append('=').append(value);
      }
    }
    return out + query.toString();
  }

  private static List<JsonObject> parameters(JsonObject spec, JsonObject item, JsonObject op) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonArray list : new JsonArray[] {item.getJsonArray("parameters", new JsonArray()), op.getJsonArray("parameters", new JsonArray())}) {
      list.forEach(p -> out.add(resolve(spec, (JsonObject) p)));
    }
    return out;
  }

  private static JsonObject jsonSchema(JsonObject requestBody) {
    return requestBody.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
  }

  /** The smallest value the schema accepts: required properties only, first enum value, "FAKE-…" strings. */
  private static <T> T minimal(JsonObject spec, JsonObject schema) {
    JsonObject s = resolve(spec, schema);
    Object value;
    if (s.containsKey("enum")) {
      value = s.getJsonArray("enum").getValue(0);
    } else if ("integer".equals(s.getString("type"))) {
      value = 1;
    } else if ("boolean".equals(s.getString("type"))) {
      value = true;
    } else if ("string".equals(s.getString("type"))) {
      value = "FAKE-value";
    } else if ("array".equals(s.getString("type"))) {
      value = new JsonArray();
    } else {
      JsonObject object = new JsonObject();
      JsonObject properties = s.getJsonObject("properties", new JsonObject());
      for (Object name : s.getJsonArray("required", new JsonArray())) {
        object.put((String) name, minimal(spec, properties.getJsonObject((String) name)));
      }
      value = object;
    }
    @SuppressWarnings("unchecked")
    T t = (T) value;
    return t;
  }

  private static JsonObject resolve(JsonObject spec, JsonObject node) {
    String ref = node.getString("$ref");
    if (ref == null) {
      return node;
    }
    JsonObject target = spec;
    for (String part : ref.substring(2).split("/")) {
      target = target.getJsonObject(part);
    }
    return target;
  }
}
