package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.OAUTH_CLIENT_ID;
import static org.buddy4j.contract.Contract.OAUTH_CLIENT_SECRET;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.auth.OAuth2TokenProvider;
import org.buddy4j.core.generated.api.AccountApi;
import org.buddy4j.core.generated.api.OAuthApi;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.OAuthClient;
import org.buddy4j.core.generated.model.User;
import org.buddy4j.core.http.RetryPolicy;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token's user, personal access tokens, and OAuth (token exchange and client registration). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AccountConsumerPactTest {

  private static void user(LambdaDslObject u) {
    links(u);
    u.integerType("id", 1);
    u.stringType("name", "Mike Benson");
    u.stringType("email", "mike.benson@example.com");
    u.stringType("workspaces_url", "https://api.buddy.works/workspaces");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getAuthenticatedUser(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("getAuthenticatedUser: get the token's user")
            .method("GET").path("/user"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(AccountConsumerPactTest::user).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getAuthenticatedUser")
  void getsUser(MockServer server) {
    User user = Contract.client(server).user().get();
    assertEquals(1, user.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createToken(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("createToken: create a personal access token for CI")
            .method("POST").path("/user/tokens")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "ci");
              b.numberValue("expires_in", 30);
              b.array("scopes", s -> s.stringValue("WORKSPACE").stringValue("EXECUTION_RUN"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(t -> {
          links(t);
          t.stringType("id", "FAKE-pact-token-id");
          t.stringValue("name", "ci");
          // Returned once, on create; the example is a sentinel.
          t.stringType("token", "FAKE-pact-created-token");
          t.eachLike("scopes", PactDslJsonRootValue.stringType("WORKSPACE"), 1);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createToken")
  void createsToken(MockServer server) {
    AccessToken token = Contract.client(server).api(AccountApi.class)
        .createToken(new AccessToken().name("ci").expiresIn(30).scopes(List.of("WORKSPACE", "EXECUTION_RUN")));
    assertEquals("FAKE-pact-created-token", token.getToken());
  }

  /** OAuth2TokenProvider posts the standard form (no bearer token: the endpoint has no security). */
  @Pact(consumer = Contract.CONSUMER)
  V4Pact requestOAuthToken(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(rateLimitHeaders(builder
            .given("OAuth client " + OAUTH_CLIENT_ID + " exists")
            .uponReceiving("requestOAuthToken: client-credentials grant, form-encoded")
            .method("POST").path("/oauth2/token")
            .matchHeader("Content-Type", "application/x-www-form-urlencoded.*", "application/x-www-form-urlencoded")
            .body("grant_type=client_credentials&scope=WORKSPACE&client_id=" + OAUTH_CLIENT_ID
                + "&client_secret=" + OAUTH_CLIENT_SECRET, "application/x-www-form-urlencoded")
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> {
          t.stringType("access_token", "FAKE-pact-oauth-access-token");
          t.stringValue("token_type", "Bearer");
          t.integerType("expires_in", 28800);
          t.stringType("refresh_token", "FAKE-pact-oauth-refresh-token");
          t.stringType("scope", "WORKSPACE");
        }).build())
        .given("the token belongs to user 1")
        .uponReceiving("getAuthenticatedUser: get the user with an OAuth access token")
        .method("GET").path("/user"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(AccountConsumerPactTest::user).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "requestOAuthToken")
  void exchangesClientCredentials(MockServer server) {
    OAuth2TokenProvider tokens = OAuth2TokenProvider.builder(OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET)
        .endpoint(BuddyEndpoint.of(server.getUrl()))
        .scope("WORKSPACE")
        .build();
    BuddyClient client = BuddyClient.builder().tokenProvider(tokens).endpoint(server.getUrl())
        .rateLimitPolicy(RateLimitPolicy.failFast()).retryPolicy(RetryPolicy.none()).build();
    assertEquals(1, client.user().get().getId());
    assertEquals("FAKE-pact-oauth-access-token", tokens.token());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact registerOAuthClient(PactDslWithProvider builder) {
    // Dynamic client registration is unauthenticated (security: [] in the spec): no bearer token is sent.
    return rateLimitHeaders(builder
            .given("the token belongs to user 1")
            .uponReceiving("registerOAuthClient: register a client-credentials client")
            .method("POST").path("/oauth2/register")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("client_name", "buddy4j contract tests");
              b.array("redirect_uris", r -> r.stringValue("http://localhost:8080/callback"));
              b.array("grant_types", g -> g.stringValue("client_credentials"));
            }).build())
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(c -> {
          c.stringType("client_id", "FAKE-pact-registered-client");
          c.stringType("client_secret", "FAKE-pact-registered-client-secret");
          c.integerType("client_id_issued_at", 1795000000);
          c.stringValue("client_name", "buddy4j contract tests");
          c.eachLike("grant_types", PactDslJsonRootValue.stringType("client_credentials"), 1);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "registerOAuthClient")
  void registersClient(MockServer server) {
    OAuthClient client = Contract.client(server).api(OAuthApi.class).registerOAuthClient(new OAuthClient()
        .clientName("buddy4j contract tests")
        .redirectUris(List.of("http://localhost:8080/callback"))
        .grantTypes(List.of("client_credentials")));
    assertNotNull(client.getClientId());
    assertEquals("FAKE-pact-registered-client-secret", client.getClientSecret());
  }
}
