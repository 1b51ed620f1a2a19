package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.OAUTH_CLIENT_ID;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.regex.Pattern;
import org.buddy4j.core.errors.BuddyApiException;
import org.buddy4j.core.generated.api.OAuthApi;
import org.buddy4j.core.generated.model.OidcToken;
import org.buddy4j.core.generated.model.OidcTokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in without a Buddy token: a CI job's OIDC identity token exchanged for a Buddy token (as
 * Buddy's login action does), and the OAuth authorize URL a user is sent to. Neither sends a bearer token
 * (both are {@code security: []} in the spec).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SignInConsumerPactTest {
  /** The workspace's OIDC provider (a UUID in Buddy). */
  static final String OIDC_PROVIDER_ID = "00000000-0000-4000-8000-00000000c0de";
  static final String IDENTITY_TOKEN = "FAKE-pact-oidc-identity-token";
  private static final String REDIRECT_URI = "http://localhost:8080/callback";
  private static final String STATE = "FAKE-pact-oauth-state";

  @Pact(consumer = Contract.CONSUMER)
  V4Pact exchangeOidcToken(PactDslWithProvider builder) {
    return rateLimitHeaders(builder
            .given("OIDC provider " + OIDC_PROVIDER_ID + " trusts the CI job")
            .uponReceiving("exchangeOidcToken: exchange a CI job's identity token for a Buddy token")
            .method("POST").path("/user/oidc/tokens")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("provider_id", OIDC_PROVIDER_ID);
              b.stringValue("web_identity_token", IDENTITY_TOKEN);
            }).build())
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> t.stringType("token", "FAKE-pact-oidc-buddy-token")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "exchangeOidcToken")
  void exchangesIdentityToken(MockServer server) {
    OidcToken token = Contract.client(server).api(OAuthApi.class)
        .exchangeOidcToken(new OidcTokenRequest().providerId(OIDC_PROVIDER_ID).webIdentityToken(IDENTITY_TOKEN));
    assertEquals("FAKE-pact-oidc-buddy-token", token.getToken());
  }

  /**
   * The authorize URL is a browser's: the provider (the emulator approves at once) sends it back to
   * {@code redirect_uri} with a one-time {@code code} and the unchanged {@code state}. The real client, which
   * follows no redirect, sends the same request and reports the 302 as an answer it does not expect.
   */
  @Pact(consumer = Contract.CONSUMER)
  V4Pact authorizeOAuth(PactDslWithProvider builder) {
    return rateLimitHeaders(builder
            .given("OAuth client " + OAUTH_CLIENT_ID + " exists")
            .uponReceiving("authorizeOAuth: ask for two scopes; the approved browser goes back to the callback")
            .method("GET").path("/oauth2/authorize")
            .query("type=web_server&client_id=" + OAUTH_CLIENT_ID + "&scope=WORKSPACE EXECUTION_INFO"
                + "&response_type=code&state=" + STATE + "&redirect_uri=" + REDIRECT_URI)
        .willRespondWith().status(302))
        .matchHeader("Location", Pattern.quote(REDIRECT_URI + "?code=") + "[^&]+" + Pattern.quote("&state=" + STATE),
            REDIRECT_URI + "?code=FAKE-pact-oauth-code&state=" + STATE)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "authorizeOAuth")
  void asksForAuthorization(MockServer server) {
    BuddyApiException redirect = assertThrows(BuddyApiException.class, () -> Contract.client(server).api(OAuthApi.class)
        .authorizeOAuth("web_server", OAUTH_CLIENT_ID, "WORKSPACE EXECUTION_INFO", "code", STATE, REDIRECT_URI));
    assertEquals(302, redirect.status());
  }
}
