package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.integrations.IntegrationBuilder;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.junit.jupiter.api.Test;

/** Creates one integration of every creatable catalog type with its typed builder, reads it back without secrets, updates and deletes one. */
class IntegrationCatalogE2eTest extends E2eTestBase {
  private static final IntegrationCatalog CATALOG = IntegrationCatalog.get();

  /** An obviously fake value, unique per type and field, so a leak names where it came from. */
  private static String sentinel(String type, String field) {
    return "FAKE-SENTINEL-" + type + "-" + field;
  }

  @Test
  void everyCreatableTypeIsCreatedReadAndListedWithoutItsSecrets() throws Exception {
    Map<String, IntegrationBuilder<?>> builders = typedBuilders();
    List<IntegrationCatalog.TypeSpec> creatable = CATALOG.types().values().stream()
      .filter(IntegrationCatalog.TypeSpec::creatable).collect(Collectors.toList());
    assertTrue(creatable.size() >= 20, "the catalog marks " + creatable.size() + " types creatable");

    IntegrationsClient integrations = buddy.workspace(WORKSPACE).integrations();
    int before = integrations.list().size();
    Map<String, String> hashIdByType = new LinkedHashMap<>();
    List<String> secretsSent = new ArrayList<>();
    for (IntegrationCatalog.TypeSpec type : creatable) {
      IntegrationBuilder<?> builder = builders.get(type.type());
      assertNotNull(builder, "Integrations has a typed builder for " + type.type());
      builder.name("e2e " + type.title()).workspaceScope();
      for (String field : type.defaultMode().required()) {
        fill(builder, type.type(), field);
        if (CATALOG.secretFields().contains(field)) {
          secretsSent.add(sentinel(type.type(), field));
        }
      }
      Integration created = integrations.create(builder);
      assertNotNull(created.getHashId(), type.type() + " got a hash_id");
      assertEquals(type.type(), created.getType());
      assertNoSecrets(type.type(), created);
      Integration read = integrations.get(created.getHashId());
      assertEquals("e2e " + type.title(), read.getName());
      assertEquals("WORKSPACE", read.getScope());
      assertNoSecrets(type.type(), read);
      // Non-secret required fields are kept and returned as sent.
      for (String field : type.defaultMode().required()) {
        if (!CATALOG.secretFields().contains(field)) {
          assertEquals(sentinel(type.type(), field), asJson(read).getString(field), type.type() + "." + field);
        }
      }
      hashIdByType.put(type.type(), created.getHashId());
    }
    assertFalse(secretsSent.isEmpty(), "the default modes require secret fields");

    List<Integration> listed = integrations.list();
    assertEquals(before + creatable.size(), listed.size());
    assertTrue(listed.stream().map(Integration::getHashId).collect(Collectors.toSet()).containsAll(hashIdByType.values()));
    listed.forEach(i -> assertNoSecrets(i.getType(), i));

    // The bytes on the wire, not just what the client kept: no secret value appears in a list or get answer.
    String rawList = admin.rawApiGet("/workspaces/" + WORKSPACE + "/integrations", emulator.token());
    String rawGet = admin.rawApiGet("/workspaces/" + WORKSPACE + "/integrations/" + hashIdByType.get("AMAZON"), emulator.token());
    for (String secret : secretsSent) {
      assertFalse(rawList.contains(secret), secret + " came back in the list");
      assertFalse(rawGet.contains(secret), secret + " came back in a get");
    }
    // The secrets did reach the emulator: its request log shows each required secret field, masked.
    List<JsonObject> posts = admin.requests("createIntegration");
    assertEquals(creatable.size(), posts.size(), "one POST per type, none repeated");
    JsonObject amazonBody = posts.stream().map(r -> r.getJsonObject("body"))
      .filter(b -> "AMAZON".equals(b.getString("type"))).findFirst().orElseThrow();
    assertEquals("***", amazonBody.getString("secret_key"));
    assertEquals("***", amazonBody.getString("access_key"));
  }

  @Test
  void anIntegrationIsUpdatedAndDeleted() throws Exception {
    IntegrationsClient integrations = buddy.workspace(WORKSPACE).integrations();
    Integration created = integrations.create(Integrations.amazon().name("e2e AWS").workspaceScope()
      .accessKey(sentinel("AMAZON", "access_key")).secretKey(sentinel("AMAZON", "secret_key")).region("eu-west-1"));

    String rotated = sentinel("AMAZON", "secret_key") + "-ROTATED";
    Integration updated = integrations.update(created.getHashId(), new Integration().name("e2e AWS renamed")
      .secretKey(rotated).region("us-east-1"));
    assertEquals("e2e AWS renamed", updated.getName());
    assertEquals("us-east-1", updated.getRegion());
    assertNoSecrets("AMAZON", updated);
    Integration read = integrations.get(created.getHashId());
    assertEquals("e2e AWS renamed", read.getName());
    assertEquals("AMAZON", read.getType(), "type survives a PATCH that does not send it");
    assertFalse(asJson(read).encode().contains(rotated));

    integrations.delete(created.getHashId());
    BuddyNotFoundException gone = assertThrows(BuddyNotFoundException.class, () -> integrations.get(created.getHashId()));
    assertEquals(404, gone.status());
    assertTrue(integrations.list().stream().noneMatch(i -> created.getHashId().equals(i.getHashId())));
    assertEquals(List.of("createIntegration", "updateIntegration", "getIntegration", "deleteIntegration",
        "getIntegration", "getIntegrations"),
      admin.requests().stream().map(r -> r.getString("operationId")).collect(Collectors.toList()));
  }

  /** Every typed builder the generated {@link Integrations} factory offers, by the type it builds. */
  private static Map<String, IntegrationBuilder<?>> typedBuilders() throws Exception {
    Map<String, IntegrationBuilder<?>> out = new LinkedHashMap<>();
    for (Method m : Integrations.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
        && IntegrationBuilder.class.isAssignableFrom(m.getReturnType())) {
        IntegrationBuilder<?> b = (IntegrationBuilder<?>) m.invoke(null);
        out.put(b.type(), b);
      }
    }
    return out;
  }

  /** Sets a required field through the builder's own typed setter (e.g. {@code secret_key} → {@code secretKey(String)}). */
  private static void fill(IntegrationBuilder<?> builder, String type, String field) throws Exception {
    String setter = camel(field);
    if (field.equals("role_assumptions")) {
      builder.getClass().getMethod("roleAssumption", String.class)
        .invoke(builder, "arn:aws:iam::000000000000:role/" + sentinel(type, field));
      return;
    }
    Method m = builder.getClass().getMethod(setter, String.class);
    m.invoke(builder, sentinel(type, field));
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  /** No catalog secret field has a value, and no sentinel of a secret appears anywhere in the integration. */
  private static void assertNoSecrets(String type, Integration integration) {
    JsonObject json = asJson(integration);
    Set<String> secrets = CATALOG.secretFields();
    for (String field : json.fieldNames()) {
      assertFalse(secrets.contains(field) && json.getValue(field) != null,
        () -> type + " returned secret field " + field);
    }
    String text = json.encode();
    for (String secret : secrets) {
      assertFalse(text.contains(sentinel(type, secret)), () -> type + " leaked " + secret);
    }
  }

  private static JsonObject asJson(Integration integration) {
    try {
      return new JsonObject(BuddyJson.mapper().writeValueAsString(integration));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
