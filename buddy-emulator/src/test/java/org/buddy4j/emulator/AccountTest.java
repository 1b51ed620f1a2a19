package org.buddy4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Personal access tokens, the current token and the OIDC exchange. */
class AccountTest extends EmulatorTestBase {
  @Test
  void aNewTokenIsShownOnceThenMaskedAndWorksUntilDeleted() {
    ApiClient.Reply created = api.post("/user/tokens", new JsonObject().put("name", "ci")
      .put("scopes", new JsonArray().add("WORKSPACE")));
    assertEquals(201, created.status, created::toString);
    String token = created.json().getString("token");
    String id = created.json().getString("id");
    assertNotNull(token);
    assertEquals(SecretRedactor.MASK, api.get("/user/tokens/" + id).json().getString("token"));
    assertFalse(api.get("/user/tokens").body.contains(token), "the list never shows a value");

    ApiClient.Reply me = api.withToken(token).get("/user/token");
    assertEquals(200, me.status, me::toString);
    assertEquals(id, me.json().getString("id"));
    assertFalse(me.body.contains(token));

    api.withToken(emulator.token());
    assertEquals(204, api.delete("/user/tokens/" + id).status);
    assertEquals(401, api.withToken(token).get("/user").status);
    api.withToken(emulator.token());
  }

  @Test
  void anOidcIdentityOfTheSeedBecomesABearerToken() {
    ApiClient.Reply reply = api.exchange("POST", "/user/oidc/tokens", new JsonObject()
      .put("provider_id", "buddy4j-emulator-oidc-provider")
      .put("web_identity_token", "FAKE-SECRET-oidc-identity-token").encode(), "application/json", null);
    assertEquals(200, reply.status, reply::toString);
    String token = reply.json().getString("token");
    assertEquals(200, api.withToken(token).get("/workspaces").status);
    api.withToken(emulator.token());

    ApiClient.Reply wrong = api.exchange("POST", "/user/oidc/tokens", new JsonObject()
      .put("provider_id", "buddy4j-emulator-oidc-provider").put("web_identity_token", "FAKE-wrong").encode(),
      "application/json", null);
    assertEquals(401, wrong.status, wrong::toString);
  }

  @Test
  void theOidcIdentityTokenNeverReachesTheRequestLog() {
    api.exchange("POST", "/user/oidc/tokens", new JsonObject().put("provider_id", "p")
      .put("web_identity_token", "FAKE-SECRET-oidc-identity-token").encode(), "application/json", null);
    assertFalse(api.get("/__emulator/requests").body.contains("FAKE-SECRET-"));
  }

  @Test
  void theUsersEmailIsListedAndARenameSticks() {
    assertEquals("mike.benson@example.com", api.get("/user/emails").json().getJsonArray("emails").getJsonObject(0).getString("email"));
    assertEquals("Mike B.", api.patch("/user", new JsonObject().put("name", "Mike B.")).json().getString("name"));
    assertEquals("Mike B.", api.get("/user").json().getString("name"));
  }
}
