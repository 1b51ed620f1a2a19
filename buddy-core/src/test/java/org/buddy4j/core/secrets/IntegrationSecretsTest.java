package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.errors.BuddyValidationException;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.integrations.IntegrationBuilder;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.core.integrations.IntegrationCatalog.TypeSpec;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets never print: a sentinel in every secret field of every catalog type shows up nowhere buddy4j writes, yet is sent. */
class IntegrationSecretsTest {
  private static final String TOKEN = "FAKE-token-SENTINEL-91c2-7f3a";
  private static final String PATH = "/workspaces/ws/integrations";
  private static final IntegrationCatalog CATALOG = IntegrationCatalog.get();

  static Stream<String> types() {
    return CATALOG.types().keySet().stream().sorted();
  }

  @Test
  void theCatalogHasSecretsToTest() {
    for (TypeSpec spec : CATALOG.types().values()) {
      if (spec.creatable()) {
        assertFalse(secretFieldsOf(spec).isEmpty(), spec.type() + " is created with credentials, yet takes no secret field");
      }
    }
    assertTrue(secretFieldsOf(CATALOG.types().get("AMAZON")).containsAll(List.of("access_key", "secret_key")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void secretsOfEveryTypeNeverPrintButAreSent(String type) throws Exception {
    TypeSpec spec = CATALOG.types().get(type);
    Map<String, String> sentinels = new LinkedHashMap<>();
    for (String field : secretFieldsOf(spec)) {
      sentinels.put(field, "SENTINEL-" + type + "-" + field + "-7f3a");
    }
    IntegrationBuilder<?> builder = builderWith(spec, sentinels);

    try (LoopbackServer server = new LoopbackServer(); CapturedLog log = new CapturedLog()) {
      server.enqueue("POST", PATH,
          Answer.json(201, echo(type, sentinels)),
          Answer.json(422, "{\"errors\":[{\"message\":\"Buddy refused credentials " + String.join(", ", sentinels.values())
              + " and token " + TOKEN + "\"}]}"));
      BuddyClient client = BuddyClient.builder().token(TOKEN).endpoint(server.url()).logLevel(LogLevel.FULL).build();
      IntegrationsClient integrations = client.workspace("ws").integrations();

      Integration created = integrations.create(builder);
      BuddyValidationException refused = assertThrows(BuddyValidationException.class, () -> integrations.create(builder));

      List<String> printed = new ArrayList<>();
      printed.add(log.text());
      printed.add(builder.toString());
      printed.add(builder.build().toString());
      printed.add(created.toString());
      printed.add(client.toString());
      printed.add(integrations.toString());
      printed.addAll(describe(refused));
      for (String text : printed) {
        assertFalse(text.contains(TOKEN), type + ": the token printed in:\n" + text);
        sentinels.forEach((field, sentinel) ->
            assertFalse(text.contains(sentinel), type + "." + field + " printed in:\n" + text));
      }

      // The log is not empty: it shows the exchange, with the secrets masked.
      String logged = log.text();
      assertTrue(logged.contains("---> POST"), logged);
      assertTrue(logged.contains("Content-Type: application/json"), "headers are logged too:\n" + logged);
      assertTrue(logged.contains("<--- 422"), logged);
      assertTrue(logged.contains("***"), logged);
      sentinels.keySet().forEach(field -> assertTrue(logged.contains("\"" + field + "\":\"***\""), field + " masked in\n" + logged));
      assertTrue(refused.getMessage().contains("Buddy refused credentials"), refused.getMessage());

      // Redaction changes what is printed, never what is sent.
      List<LoopbackServer.Recorded> sent = server.requests("POST", PATH);
      assertEquals(2, sent.size());
      for (LoopbackServer.Recorded r : sent) {
        assertEquals("Bearer " + TOKEN, r.header("Authorization"));
        JsonNode body = BuddyJson.mapper().readTree(r.body());
        sentinels.forEach((field, sentinel) -> assertEquals(sentinel, body.path(field).asText(), type + "." + field + " sent"));
      }
    }
  }

  @Test
  void documentedAliasesAreMaskedInTheBuilderAndRewrittenBeforeSending() throws Exception {
    String accessKey = "SENTINEL-AMAZON-access_key_id-7f3a";
    String secretKey = "SENTINEL-AMAZON-secret_access_key-7f3a";
    IntegrationBuilder<?> builder = Integrations.amazon().name("aws").workspaceScope()
        .field("access_key_id", accessKey).field("secret_access_key", secretKey);

    String shown = builder.toString();
    assertFalse(shown.contains(accessKey) || shown.contains(secretKey), shown);
    assertTrue(shown.contains("secret_access_key"), shown);

    try (LoopbackServer server = new LoopbackServer(); CapturedLog log = new CapturedLog()) {
      server.enqueue("POST", PATH, Answer.json(201, "{\"hash_id\":\"h\",\"type\":\"AMAZON\"}"));
      BuddyClient.builder().token(TOKEN).endpoint(server.url()).logLevel(LogLevel.FULL).build()
          .workspace("ws").integrations().create(builder);

      assertFalse(log.text().contains(accessKey) || log.text().contains(secretKey), log.text());
      assertTrue(log.text().contains("\"secret_key\":\"***\""), log.text());
      String body = server.requests().get(0).body();
      assertTrue(body.contains(accessKey) && body.contains(secretKey), body);
    }
  }

  private static List<String> secretFieldsOf(TypeSpec spec) {
    return spec.fields().stream().filter(CATALOG.secretFields()::contains).toList();
  }

  /** A builder with the sentinels in the secret fields and plain values in the other required fields. */
  private static IntegrationBuilder<?> builderWith(TypeSpec spec, Map<String, String> sentinels) throws Exception {
    IntegrationBuilder<?> b = (IntegrationBuilder<?>) Integrations.class.getMethod(camel(spec.type())).invoke(null);
    b.name("secrets-" + spec.type()).workspaceScope();
    for (Map.Entry<String, String> e : sentinels.entrySet()) {
      b.getClass().getMethod(camel(e.getKey()), String.class).invoke(b, e.getValue());
    }
    for (String field : spec.defaultMode().required()) {
      if (sentinels.containsKey(field)) {
        continue;
      }
      if (field.equals("role_assumptions")) {
        b.getClass().getMethod("roleAssumption", String.class, String.class, Integer.class)
            .invoke(b, "arn:aws:iam::000000000000:role/fake", "fake-external-id", 900);
      } else {
        b.getClass().getMethod(camel(field), String.class).invoke(b, "plain-" + field);
      }
    }
    return b;
  }

  /** What a misbehaving server answers: the created integration with the secrets sent back. */
  private static String echo(String type, Map<String, String> sentinels) {
    ObjectNode node = BuddyJson.mapper().createObjectNode()
        .put("hash_id", "h-" + type.toLowerCase(Locale.ROOT)).put("type", type).put("name", "secrets-" + type)
        .put("scope", "WORKSPACE");
    sentinels.forEach(node::put);
    return node.toString();
  }

  /** Everything an exception prints: toString, messages of its causes, and its stack trace. */
  static List<String> describe(Throwable t) {
    List<String> out = new ArrayList<>();
    for (Throwable c = t; c != null; c = c.getCause()) {
      out.add(String.valueOf(c));
      out.add(String.valueOf(c.getMessage()));
      out.add(String.valueOf(c.getLocalizedMessage()));
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    out.add(trace.toString());
    return out;
  }

  private static String camel(String snake) {
    String[] parts = snake.toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
