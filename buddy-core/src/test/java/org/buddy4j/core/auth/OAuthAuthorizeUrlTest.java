package org.buddy4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.testing.SpecDocument;
import org.junit.jupiter.api.Test;

/** The authorize URL is built as Buddy's PHP and Node SDKs build it, on the client's installation, with the spec's parameters. */
class OAuthAuthorizeUrlTest {
  @Test
  void theUrlIsThePhpSdksOnTheEndpointsInstallation() {
    URI url = OAuthAuthorizeUrl.of(BuddyEndpoint.US, "FAKE-client-id", List.of("WORKSPACE", "EXECUTION_RUN"), "s1",
        "https://app.example.com/callback?x=1");

    assertEquals("https://api.buddy.works/oauth2/authorize?type=web_server&response_type=code&client_id=FAKE-client-id"
        + "&scope=WORKSPACE+EXECUTION_RUN&state=s1&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Fx%3D1", url.toString());
  }

  @Test
  void eachRegionAndASelfHostedBuddyHaveTheirOwnAuthorizeUrl() {
    List<String> scopes = List.of("USER_INFO");
    assertTrue(OAuthAuthorizeUrl.of(BuddyEndpoint.EU, "c", scopes, "s", null).toString()
        .startsWith("https://api.eu.buddy.works/oauth2/authorize?"));
    assertTrue(OAuthAuthorizeUrl.of(BuddyEndpoint.of("ap"), "c", scopes, "s", null).toString()
        .startsWith("https://api.asia.buddy.works/oauth2/authorize?"));
    URI selfHosted = OAuthAuthorizeUrl.of(BuddyEndpoint.selfHosted("buddy.example.com"), "c", scopes, "s", null);
    assertEquals("https://buddy.example.com/api/oauth2/authorize?type=web_server&response_type=code&client_id=c&scope=USER_INFO&state=s",
        selfHosted.toString());
  }

  @Test
  void everyQueryParameterIsOneTheSpecDeclaresAndEveryRequiredOneIsSent() {
    JsonNode op = SpecDocument.root().path("paths").path("/oauth2/authorize").path("get");
    assertEquals("authorizeOAuth", op.path("operationId").asText());
    List<String> declared = new ArrayList<>();
    List<String> required = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      declared.add(p.path("name").asText());
      if (p.path("required").asBoolean(false)) {
        required.add(p.path("name").asText());
      }
    }
    URI url = OAuthAuthorizeUrl.of(BuddyEndpoint.US, "c", List.of("WORKSPACE"), "s", "https://cb.example");
    List<String> sent = new ArrayList<>();
    for (String pair : url.getRawQuery().split("&")) {
      sent.add(pair.substring(0, pair.indexOf('=')));
    }
    assertTrue(declared.containsAll(sent), sent + " not all in " + declared);
    assertTrue(sent.containsAll(required), required + " not all in " + sent);
  }

  @Test
  void aUrlWithoutScopeStateOrClientIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OAuthAuthorizeUrl.of(BuddyEndpoint.US, "c", List.of(), "s", null));
    assertThrows(IllegalArgumentException.class, () -> OAuthAuthorizeUrl.of(BuddyEndpoint.US, "c", List.of("WORKSPACE"), " ", null));
    assertThrows(IllegalArgumentException.class, () -> OAuthAuthorizeUrl.of(BuddyEndpoint.US, "", List.of("WORKSPACE"), "s", null));
    assertNotEquals(OAuthAuthorizeUrl.newState(), OAuthAuthorizeUrl.newState());
    assertEquals(32, OAuthAuthorizeUrl.newState().length());
  }
}
