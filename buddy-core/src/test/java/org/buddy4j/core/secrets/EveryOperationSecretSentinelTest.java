package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Param;
import feign.RequestLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.SpecDocument;
import org.buddy4j.core.testing.SpecSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every operation of the spec whose JSON request or response holds a secret field (read from openapi.yaml
 * here, not from a list), a sentinel in every secret field, sent through the real client's generated API at the
 * most verbose log level to a loopback server that answers the spec's response with sentinels in its secret
 * fields, then refuses the same request quoting every secret it was sent: no sentinel appears in the log, in an
 * exception, or in a model's {@code toString}.
 */
class EveryOperationSecretSentinelTest {
  private static final String TOKEN = "FAKE-SECRET-bearer-every-op-77";
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  /** One operation: its id, method, path template and its spec node. */
  record Operation(String id, String method, String path, JsonNode node) {
    @Override
    public String toString() {
      return id + " (" + method.toUpperCase() + " " + path + ")";
    }
  }

  static Stream<Operation> operationsWithSecrets() {
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.root().path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          Operation o = new Operation(op.getValue().path("operationId").asText(), op.getKey(), path.getKey(), op.getValue());
          if (holdsSecret(requestSchema(o)) || holdsSecret(responseSchema(o))) {
            out.add(o);
          }
        }
      }
    }
    return out.stream();
  }

  @Test
  void theSpecHasSecretBearingOperationsOfEveryFamily() {
    List<String> ids = operationsWithSecrets().map(Operation::id).toList();
    assertTrue(ids.size() >= 40, ids.toString());
    assertTrue(ids.containsAll(List.of("exchangeOidcToken", "requestOAuthToken", "createVariable", "getVariables", "createWebhook",
        "createTarget", "createSandbox", "updateSso", "createToken", "createWorkspace", "createIntegration", "runExecution")), ids.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsWithSecrets")
  void noSentinelPrintsAnywhere(Operation op) throws Exception {
    SpecSamples samples = new SpecSamples(op.id());
    JsonNode requestSchema = requestSchema(op);
    JsonNode responseSchema = responseSchema(op);
    JsonNode requestJson = requestSchema == null ? null : samples.sample(requestSchema);
    int requestSentinels = samples.sentinels().size();
    JsonNode responseJson = responseSchema == null ? null : samples.sample(responseSchema);
    List<String> sentinels = new ArrayList<>(samples.sentinels().values());
    sentinels.add(TOKEN);
    List<String> sent = sentinels.subList(0, requestSentinels);

    Method method = generatedMethod(op);
    String line = method.getAnnotation(RequestLine.class).value();
    String pathPart = line.split(" ", 2)[1].split("\\?", 2)[0];
    Object[] args = new Object[method.getParameterCount()];
    String concretePath = pathPart;
    Object body = null;
    for (int i = 0; i < args.length; i++) {
      Parameter p = method.getParameters()[i];
      Param param = p.getAnnotation(Param.class);
      if (param == null) {
        assertNotNull(requestJson, op + ": a body parameter without a request schema");
        body = BuddyJson.mapper().convertValue(requestJson, p.getType());
        args[i] = body;
      } else if (pathPart.contains("{" + param.value() + "}")) {
        args[i] = p.getType() == String.class ? "acme" : p.getType() == Long.class ? (Object) 1L : (Object) 1;
        concretePath = concretePath.replace("{" + param.value() + "}", String.valueOf(args[i]));
      }
    }

    List<String> printed = new ArrayList<>();
    try (LoopbackServer server = new LoopbackServer(); CapturedLog log = new CapturedLog()) {
      String verb = op.method().toUpperCase();
      // security: [] operations are sent without the bearer token, so the server cannot quote it.
      boolean anonymous = op.node().path("security").isArray() && op.node().path("security").isEmpty();
      server.enqueue(verb, concretePath,
          Answer.json(successStatus(op), responseJson == null ? "" : BuddyJson.mapper().writeValueAsString(responseJson)),
          Answer.json(422, "{\"errors\":[{\"message\":\"refused: " + String.join(", ", sent)
              + (anonymous ? "" : " with token " + TOKEN) + "\"}]}"));
      BuddyClient client = FastClients.against(server, TOKEN).logLevel(LogLevel.FULL).build();
      Object api = client.api(method.getDeclaringClass());

      Object answer = invoke(method, api, args);
      BuddyException refused = assertThrows(BuddyException.class, () -> invoke(method, api, args), op + ": the 422");

      printed.add(log.text());
      printed.add(String.valueOf(answer));
      printed.add(String.valueOf(body));
      printed.add(describe(refused));
      printed.add(client.toString());
      for (String text : printed) {
        for (String sentinel : sentinels) {
          assertFalse(text.contains(sentinel), op + ": " + sentinel + " printed in:\n" + text);
        }
      }
      // The test can fail: the secrets were sent and answered, and the log shows the bodies, masked.
      assertTrue(log.text().contains("---> " + verb), log.text());
      assertTrue(log.text().contains("\"" + Redactor.MASK + "\""), op + ": no body field masked in\n" + log.text());
      String wire = server.requests(verb, concretePath).get(0).body();
      for (String sentinel : sent) {
        assertTrue(wire.contains(sentinel), op + ": " + sentinel + " was not sent: " + wire);
      }
    }
  }

  private static Object invoke(Method method, Object api, Object[] args) throws Exception {
    try {
      return method.invoke(api, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The JSON request body's schema (the first JSON content), or null. */
  private static JsonNode requestSchema(Operation op) {
    JsonNode content = op.node().path("requestBody").path("content");
    JsonNode json = content.path("application/json").path("schema");
    return json.isMissingNode() ? null : json;
  }

  /** The JSON schema of the operation's first 2xx answer with one, or null. */
  private static JsonNode responseSchema(Operation op) {
    JsonNode answer = op.node().path("responses").path(String.valueOf(successStatus(op)));
    JsonNode json = answer.path("content").path("application/json").path("schema");
    return json.isMissingNode() ? null : json;
  }

  /** The lowest 2xx status the operation declares with a JSON answer (else the lowest 2xx). */
  private static int successStatus(Operation op) {
    int best = 0;
    int bestWithJson = 0;
    Iterator<Map.Entry<String, JsonNode>> it = op.node().path("responses").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> r = it.next();
      if (r.getKey().startsWith("2")) {
        int status = Integer.parseInt(r.getKey());
        best = best == 0 ? status : Math.min(best, status);
        if (r.getValue().path("content").has("application/json")) {
          bestWithJson = bestWithJson == 0 ? status : Math.min(bestWithJson, status);
        }
      }
    }
    return bestWithJson != 0 ? bestWithJson : best;
  }

  private static boolean holdsSecret(JsonNode schema) {
    if (schema == null) {
      return false;
    }
    boolean[] found = {false};
    SpecDocument.eachObject(schema, (where, object) -> object.path("properties").forEach(p -> {
      if (SpecDocument.isSecret(p) || SpecDocument.isSecret(SpecDocument.resolve(p))) {
        found[0] = true;
      }
    }));
    return found[0];
  }

  /** The generated Feign method named for the operation: plain parameters (not the query-map overload), not WithHttpInfo. */
  private static Method generatedMethod(Operation op) throws Exception {
    for (Class<?> api : generatedApis()) {
      for (Method m : api.getDeclaredMethods()) {
        if (m.getName().equals(op.id()) && m.isAnnotationPresent(RequestLine.class)
            && Stream.of(m.getParameterTypes()).noneMatch(t -> t.getSimpleName().endsWith("QueryParams"))) {
          return m;
        }
      }
    }
    throw new AssertionError("no generated method " + op.id());
  }

  private static List<Class<?>> generatedApis() throws Exception {
    Path dir = Path.of(EveryOperationSecretSentinelTest.class.getClassLoader().getResource("org/buddy4j/core/generated/api").toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith("Api.class")) {
          out.add(Class.forName("org.buddy4j.core.generated.api." + name.substring(0, name.length() - ".class".length())));
        }
      }
    }
    return out;
  }

  private static String describe(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return e.getMessage() + "\n" + w;
  }
}
