package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Workspaces, projects, SSO, DNS records, pipeline actions and the legacy action-details route. */
class WorkspaceSettingsTest extends EmulatorTestBase {
  @Test
  void aWorkspaceIsCreatedRenamedAndDeleted() {
    ApiClient.Reply created = api.post("/workspaces", new JsonObject().put("name", "Acme").put("domain", "acme"));
    assertEquals(201, created.status, created::toString);
    assertEquals(1, api.get("/workspaces/acme/permissions").json().getJsonArray("permission_sets").getJsonObject(0).getInteger("id"));
    assertEquals("Acme 2", api.patch("/workspaces/acme", new JsonObject().put("name", "Acme 2")).json().getString("name"));
    assertEquals(400, api.post("/workspaces", new JsonObject().put("domain", "acme")).status, "domains are unique");
    api.post("/workspaces/acme/variables", new JsonObject().put("key", "OLD").put("value", "1"));
    assertEquals(204, api.delete("/workspaces/acme").status);
    assertEquals(404, api.get("/workspaces/acme").status);
    api.post("/workspaces", new JsonObject().put("domain", "acme"));
    assertEquals(0, api.get("/workspaces/acme/variables").json().getJsonArray("variables").size(), "a new workspace starts empty");
  }

  @Test
  void aProjectIsRenamedAndDeleted() {
    ApiClient.Reply renamed = api.patch(PROJECT, new JsonObject().put("name", "site").put("display_name", "Site"));
    assertEquals(200, renamed.status, renamed::toString);
    assertEquals(200, api.get(WS + "/projects/site").status);
    assertEquals("Ann Smith", api.get(WS + "/projects/site/members/2").json().getString("name"), "its members move along");
    assertEquals(204, api.delete(WS + "/projects/site").status);
    assertEquals(404, api.get(WS + "/projects/site").status);
  }

  @Test
  void aNewProjectsFirstMemberIsItsCreator() {
    assertEquals(201, api.post(WS + "/projects", new JsonObject().put("display_name", "Landing Page")).status);
    JsonArray members = api.get(WS + "/projects/landing-page/members").json().getJsonArray("members");
    assertEquals(1, members.size(), members::toString);
    assertEquals(1, members.getJsonObject(0).getInteger("id"));
  }

  @Test
  void ssoIsConfiguredThenEnabledAndItsSecretsNeverShow() {
    assertEquals(422, api.post(WS + "/enable-sso", null).status, "nothing configured yet");
    ApiClient.Reply updated = api.patch(WS + "/sso", new JsonObject().put("type", "SAML").put("sso_url", "https://idp.example.com")
      .put("certificate", "FAKE-SECRET-certificate").put("client_secret", "FAKE-SECRET-client"));
    assertEquals(200, updated.status, updated::toString);
    assertFalse(updated.body.contains("FAKE-SECRET-"), updated::toString);
    assertEquals(204, api.post(WS + "/enable-sso", null).status);
    assertTrue(api.get(WS).json().getBoolean("sso_enabled"));
    assertEquals(204, api.post(WS + "/disable-sso", null).status);
    assertFalse(api.get(WS).json().getBoolean("sso_enabled"));
    assertFalse(api.get(WS + "/sso").body.contains("FAKE-SECRET-"));
  }

  @Test
  void aDomainsRecordsAreUpsertedReadAndDeleted() {
    String id = api.post(WS + "/domains", new JsonObject().put("name", "example.com")).json().getString("id");
    String records = WS + "/domains/" + id + "/records";
    ApiClient.Reply set = api.patch(records + "/www/A", new JsonObject().put("ttl", 60).put("values", new JsonArray().add("192.0.2.1")));
    assertEquals(200, set.status, set::toString);
    api.patch(records + "/www/A", new JsonObject().put("ttl", 120));
    JsonObject record = api.get(records + "/www/A").json();
    assertEquals(120, record.getInteger("ttl"));
    assertEquals("192.0.2.1", record.getJsonArray("values").getString(0));
    assertEquals(1, api.get(records + "/www").json().getJsonArray("records").size());
    assertEquals(1, api.get(records).json().getJsonArray("records").size());
    assertEquals(204, api.delete(records + "/www/A").status);
    assertEquals(404, api.get(records + "/www/A").status);
  }

  @Test
  void pipelineActionsAreCreatedUpdatedListedAndDeleted() {
    String actions = ApiClient.pipeline(2) + "/actions";
    ApiClient.Reply created = api.post(actions, new JsonObject().put("name", "Lint").put("type", "BUILD")
      .put("variables", new JsonArray().add(new JsonObject().put("key", "K").put("value", "FAKE-SECRET-action").put("encrypted", true))));
    assertEquals(201, created.status, created::toString);
    assertFalse(created.body.contains("FAKE-SECRET-"), created::toString);
    int id = created.json().getInteger("id");
    assertEquals("Lint 2", api.patch(actions + "/" + id, new JsonObject().put("name", "Lint 2")).json().getString("name"));
    assertTrue(api.get(actions).json().getJsonArray("actions").stream().anyMatch(a -> ((JsonObject) a).getInteger("id") == id));
    assertEquals(204, api.delete(actions + "/" + id).status);
    assertEquals(404, api.get(actions + "/" + id).status);
  }

  @Test
  void theLegacyActionDetailsRouteFindsTheRunOfAnAction() {
    int run = api.post(ApiClient.executions(2), new JsonObject()).json().getInteger("id");
    for (String route : new String[] {"/action/5", "/actions/5"}) {
      ApiClient.Reply reply = api.get(ApiClient.executions(2) + "/" + run + route);
      assertEquals(200, reply.status, reply::toString);
      assertEquals(5, reply.json().getJsonObject("action").getInteger("id"));
    }
  }
}
