package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integrations CRUD: hash ids, aliases, partial PATCH, 204 DELETE, and secrets never coming back. */
class IntegrationCrudTest extends EmulatorTestBase {
  private static final String SENTINEL = "SENTINEL-SECRET-4711";

  @Test
  void createReadUpdateDelete() {
    ApiClient.Reply created = api.post(WS + "/integrations", new JsonObject().put("type", "AMAZON")
      .put("name", "AWS keys").put("scope", "PROJECT").put("project_name", "company-website")
      .put("access_key_id", SENTINEL + "-id").put("secret_access_key", SENTINEL).put("region", "eu-west-1"));
    assertEquals(201, created.status, created::toString);
    JsonObject body = created.json();
    String hashId = body.getString("hash_id");
    assertTrue(hashId.matches("[A-Za-z0-9]{25}"), hashId);
    assertEquals("DEFAULT", body.getString("auth_type"), "the default auth mode is filled in");
    assertEquals("eu-west-1", body.getString("region"));
    assertTrue(body.getString("url").endsWith("/workspaces/buddy/integrations/" + hashId));
    assertFalse(created.body.contains(SENTINEL), created.body);
    assertFalse(body.containsKey("access_key_id") || body.containsKey("access_key"));

    JsonObject read = api.get(WS + "/integrations/" + hashId).json();
    assertEquals("AWS keys", read.getString("name"));
    ApiClient.Reply patched = api.patch(WS + "/integrations/" + hashId, new JsonObject().put("name", "AWS (ci)"));
    assertEquals(200, patched.status, patched::toString);
    assertEquals("AWS (ci)", patched.json().getString("name"));
    assertEquals("eu-west-1", patched.json().getString("region"), "PATCH is partial");

    ApiClient.Reply rotated = api.patch(WS + "/integrations/" + hashId, new JsonObject().put("secret_key", "other"));
    assertEquals(200, rotated.status, rotated::toString);
    assertEquals(400, api.patch(WS + "/integrations/" + hashId, new JsonObject().put("token", "t")).status,
      "AMAZON takes no token");

    JsonArray list = api.get(WS + "/integrations").json().getJsonArray("integrations");
    assertEquals(2, list.size(), "the seeded GitHub integration and this one");
    assertFalse(api.get(WS + "/integrations").body.contains(SENTINEL));

    assertEquals(204, api.delete(WS + "/integrations/" + hashId).status);
    assertEquals(404, api.get(WS + "/integrations/" + hashId).status);
    assertEquals(404, api.delete(WS + "/integrations/" + hashId).status);
  }

  @Test
  void typesOutsideTheCatalogAreAcceptedAsAnOpenSet() {
    ApiClient.Reply created = api.post(WS + "/integrations", new JsonObject().put("type", "SOMETHING_NEW")
      .put("name", "new").put("scope", "WORKSPACE").put("brand_new_field", "kept").put("token", SENTINEL));
    assertEquals(201, created.status, created::toString);
    assertEquals("kept", created.json().getString("brand_new_field"));
    assertFalse(created.body.contains(SENTINEL), "a catalog secret name stays secret on any type");
  }

  @Test
  void hashIdsDiffer() {
    JsonObject body = new JsonObject().put("type", "GIT_LAB").put("name", "gl").put("scope", "WORKSPACE").put("token", "x");
    String a = api.post(WS + "/integrations", body).json().getString("hash_id");
    String b = api.post(WS + "/integrations", body).json().getString("hash_id");
    assertNotEquals(a, b);
  }
}
