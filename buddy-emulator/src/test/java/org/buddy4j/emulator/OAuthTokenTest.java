package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** POST /oauth2/token: form and JSON, client credentials, refresh, and expiry on the simulated clock. */
class OAuthTokenTest extends EmulatorTestBase {
  private static final String CLIENT = "client_id=buddy4j-emulator-client&client_secret=buddy4j-emulator-client-secret";

  private static ApiClient.Reply form(String body) {
    return api.exchange("POST", "/oauth2/token", body, "application/x-www-form-urlencoded", null);
  }

  @Test
  void clientCredentialsIssueATokenThatWorksUntilItExpires() {
    ApiClient.Reply issued = form("grant_type=client_credentials&" + CLIENT + "&scope=WORKSPACE");
    assertEquals(200, issued.status, issued::toString);
    JsonObject token = issued.json();
    assertEquals("Bearer", token.getString("token_type"));
    assertEquals(3600, token.getLong("expires_in"));
    String access = token.getString("access_token");
    assertEquals(200, api.exchange("GET", "/workspaces", null, null, access).status);

    api.advance(3599);
    assertEquals(200, api.exchange("GET", "/workspaces", null, null, access).status);
    api.advance(1);
    ApiClient.Reply expired = api.exchange("GET", "/workspaces", null, null, access);
    assertEquals(401, expired.status);
    assertEquals("Token expired", expired.errorMessage());

    ApiClient.Reply refreshed = api.exchange("POST", "/oauth2/token", new JsonObject().put("grant_type", "refresh_token")
      .put("refresh_token", token.getString("refresh_token")).encode(), "application/json", null);
    assertEquals(200, refreshed.status, refreshed::toString);
    String fresh = refreshed.json().getString("access_token");
    assertNotEquals(access, fresh);
    assertEquals(200, api.exchange("GET", "/workspaces", null, null, fresh).status);
    assertEquals(401, form("grant_type=refresh_token&refresh_token=" + token.getString("refresh_token")).status,
      "a refresh token works once");
  }

  @Test
  void badRequestsAreRefused() {
    assertEquals(401, form("grant_type=client_credentials&client_id=buddy4j-emulator-client&client_secret=wrong").status);
    ApiClient.Reply noGrant = form("client_id=x");
    assertEquals(400, noGrant.status);
    assertEquals(400, form("grant_type=password").status, "not in the spec's enum");
    assertEquals(400, form("grant_type=authorization_code&code=abc").status);
    assertEquals(400, form("grant_type=client_credentials").status);
  }

  @Test
  void theAuthorizePageApprovesAtOnceWithACodeGoodForOneTokenRequest() {
    ApiClient.Reply page = api.exchange("GET", "/oauth2/authorize?type=web_server&client_id=buddy4j-emulator-client"
      + "&response_type=code&scope=WORKSPACE&state=xyz&redirect_uri=http://localhost/cb", null, null, null);
    assertEquals(302, page.status, page::toString);
    String location = page.header("Location");
    assertTrue(location.startsWith("http://localhost/cb?code=") && location.endsWith("&state=xyz"), location);
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    String grant = "grant_type=authorization_code&client_id=buddy4j-emulator-client"
      + "&client_secret=buddy4j-emulator-client-secret&redirect_uri=http://localhost/cb&code=" + code;
    assertEquals(200, form(grant).status);
    assertEquals(400, form(grant).status, "a code works once");
  }

  @Test
  void aRegisteredClientCanGetTokens() {
    JsonObject client = api.exchange("POST", "/oauth2/register", new JsonObject().put("client_name", "ci").encode(),
      "application/json", null).json();
    ApiClient.Reply issued = form("grant_type=client_credentials&client_id=" + client.getString("client_id")
      + "&client_secret=" + client.getString("client_secret"));
    assertEquals(200, issued.status, issued::toString);
  }
}
