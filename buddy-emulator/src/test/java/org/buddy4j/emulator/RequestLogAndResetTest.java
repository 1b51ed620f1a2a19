package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.WS;
import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin request log (secrets redacted), reset and seed loading. */
class RequestLogAndResetTest extends EmulatorTestBase {
  private static final String SENTINEL = "SENTINEL-SECRET-0815";

  @Test
  void theRequestLogRedactsSecrets() {
    api.post(WS + "/integrations", new JsonObject().put("type", "DOCKER_HUB").put("name", "hub").put("scope", "WORKSPACE")
      .put("username", "me").put("password", SENTINEL));
    api.post(executions(2), new JsonObject().put("variables", new JsonArray()
      .add(new JsonObject().put("key", "pass").put("value", SENTINEL).put("encrypted", true))
      .add(new JsonObject().put("key", "version").put("value", "1.0"))));
    api.exchange("POST", "/oauth2/token", "grant_type=client_credentials&client_id=buddy4j-emulator-client&client_secret="
      + SENTINEL, "application/x-www-form-urlencoded", null);
    api.get("/workspaces?access_token=" + SENTINEL);

    ApiClient.Reply logReply = api.get("/__emulator/requests");
    assertFalse(logReply.body.contains(SENTINEL), logReply.body);
    JsonArray log = logReply.json().getJsonArray("requests");
    assertEquals(4, log.size(), "admin calls are not logged");
    JsonObject integration = log.getJsonObject(0);
    assertEquals("POST", integration.getString("method"));
    assertEquals("/workspaces/buddy/integrations", integration.getString("path"));
    assertEquals("createIntegration", integration.getString("operationId"));
    assertEquals(201, integration.getInteger("status"));
    assertEquals("applied", integration.getString("outcome"));
    assertEquals("***", integration.getJsonObject("body").getString("password"));
    assertEquals("me", integration.getJsonObject("body").getString("username"));
    JsonArray variables = log.getJsonObject(1).getJsonObject("body").getJsonArray("variables");
    assertEquals("***", variables.getJsonObject(0).getString("value"));
    assertEquals("1.0", variables.getJsonObject(1).getString("value"));
    assertEquals("***", log.getJsonObject(2).getJsonObject("body").getString("client_secret"));
    assertEquals(401, log.getJsonObject(2).getInteger("status"));
    assertEquals("refused", log.getJsonObject(2).getString("outcome"));
    assertEquals("access_token=***", log.getJsonObject(3).getString("query"));

    api.delete("/__emulator/requests");
    assertTrue(api.get("/__emulator/requests").json().getJsonArray("requests").isEmpty());
  }

  @Test
  void resetGoesBackToTheLoadedSeed() {
    api.post(executions(2), new JsonObject());
    api.delete(ApiClient.pipeline(3));
    String hash = api.post(WS + "/integrations", new JsonObject().put("type", "GIT_LAB").put("name", "gl")
      .put("scope", "WORKSPACE").put("token", "t")).json().getString("hash_id");
    api.post("/__emulator/reset", new JsonObject());
    assertEquals(2, api.get(executions(2)).json().getInteger("total_element_count"));
    assertEquals(200, api.get(ApiClient.pipeline(3)).status);
    assertEquals(404, api.get(WS + "/integrations/" + hash).status);
    assertEquals(3, api.post(executions(2), new JsonObject()).json().getInteger("id"), "ids start over");
  }

  @Test
  void aSeedCanBeLoadedFromTheBodyInYaml() {
    api.post("/__emulator/seed", "tokens: [other-token]\n"
      + "workspaces:\n"
      + "  - {id: 7, name: Acme, domain: acme, projects: [{name: web, pipelines: [{id: 1, name: ci, actionCount: 3}]}]}\n");
    assertEquals(401, api.get("/workspaces").status, "the old token is gone");
    api.withToken("other-token");
    JsonObject ws = api.get("/workspaces/acme").json();
    assertEquals("Acme", ws.getString("name"));
    assertEquals(3, api.get("/workspaces/acme/projects/web/pipelines/1").json().getJsonArray("actions").size());
    assertNull(api.get("/workspaces").json().getJsonArray("workspaces").getJsonObject(0).getValue("nothing"));
    api.post("/__emulator/reset?initial=true", new JsonObject());
    api.withToken(emulator.token());
    assertEquals(200, api.get("/workspaces/buddy").status);
  }

  @Test
  void aBrokenSeedIsRefusedAndTheOldStateKept() throws Exception {
    ApiClient.Reply reply = api.exchangeOrThrowAdmin("POST", "/__emulator/seed", "{\"workspaces\": 5}");
    assertEquals(400, reply.status, reply::toString);
    assertEquals(200, api.get("/workspaces/buddy").status);
  }
}
