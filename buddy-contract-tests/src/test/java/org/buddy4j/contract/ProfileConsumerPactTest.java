package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.INTEGRATION;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.buddy4j.core.generated.api.AccountApi;
import org.buddy4j.core.generated.api.IntegrationsApi;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.AccessTokenList;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.IntegrationList;
import org.buddy4j.core.generated.model.PublicKey;
import org.buddy4j.core.generated.model.PublicKeyList;
import org.buddy4j.core.generated.model.User;
import org.buddy4j.core.generated.model.UserEmail;
import org.buddy4j.core.generated.model.UserEmailList;
import org.buddy4j.core.generated.model.UserEmailRequest;
import org.buddy4j.core.generated.model.UserUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the token's user owns: the profile, e-mail addresses, public SSH keys, personal access tokens
 * (never their values after create) and integrations. Key and token IDs are the provider's, so the states
 * hand them over ({@code keyId}, {@code tokenId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ProfileConsumerPactTest {
  private static final String EMAIL = "contracts@example.com";
  /** A public key: public, but still an obvious sentinel (no key material in a pact). */
  private static final String PUBLIC_KEY = "ssh-ed25519 FAKE-pact-public-key contracts@example.com";
  private static final int KEY_ID = 101;
  private static final String TOKEN_ID = "FAKE-pact-token-id";

  private static AccountApi account(MockServer server) {
    return Contract.client(server).api(AccountApi.class);
  }

  private static void publicKey(LambdaDslObject k) {
    links(k);
    k.integerType("id", KEY_ID);
    k.stringType("title", "Contracts");
    k.stringType("content", PUBLIC_KEY);
  }

  /** A token as a list or get shows it: its name and restrictions, never its value. */
  private static void accessToken(LambdaDslObject t, String name) {
    links(t);
    t.stringType("id", TOKEN_ID);
    t.stringType("name", name);
    t.eachLike("scopes", PactDslJsonRootValue.stringType("WORKSPACE"), 1);
  }

  private static void integration(LambdaDslObject i) {
    links(i);
    i.stringType("hash_id", INTEGRATION);
    i.stringType("name", "GitHub Integration");
    i.stringValue("type", "GIT_HUB");
    i.stringType("auth_type", "TOKEN");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateAuthenticatedUser(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("updateAuthenticatedUser: rename the token's user")
            .method("PATCH").path("/user")
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "Mike Benson (contracts)")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(u -> {
          links(u);
          u.integerType("id", 1);
          u.stringValue("name", "Mike Benson (contracts)");
          u.stringType("email", "mike.benson@example.com");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateAuthenticatedUser")
  void renamesUser(MockServer server) {
    User user = account(server).updateAuthenticatedUser(new UserUpdateRequest().name("Mike Benson (contracts)"));
    assertEquals("Mike Benson (contracts)", user.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getUserEmails(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the e-mail address " + EMAIL)
            .uponReceiving("getUserEmails: list the e-mail addresses of the token's user")
            .method("GET").path("/user/emails"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("emails", 1, e -> {
            e.stringType("email", "mike.benson@example.com");
            e.booleanType("confirmed", true);
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getUserEmails")
  void listsEmails(MockServer server) {
    UserEmailList emails = account(server).getUserEmails();
    assertFalse(emails.getEmails().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addUserEmail(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("addUserEmail: add " + EMAIL + " to the token's user")
            .method("POST").path("/user/emails")
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(b -> b.stringValue("email", EMAIL)).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(e -> {
          e.stringValue("email", EMAIL);
          e.booleanType("confirmed", false);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addUserEmail")
  void addsEmail(MockServer server) {
    UserEmail email = account(server).addUserEmail(new UserEmailRequest().email(EMAIL));
    assertEquals(EMAIL, email.getEmail());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteUserEmail(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the e-mail address " + EMAIL)
            .uponReceiving("deleteUserEmail: remove " + EMAIL + " from the token's user")
            // Core sends every path parameter as one encoded segment: @ goes out as %40.
            .method("DELETE").path("/user/emails/contracts%40example.com"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteUserEmail")
  void removesEmail(MockServer server) {
    account(server).deleteUserEmail(EMAIL);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPublicKeys(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the public key Contracts")
            .uponReceiving("getPublicKeys: list the public SSH keys of the token's user")
            .method("GET").path("/user/keys"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("keys", 1, ProfileConsumerPactTest::publicKey);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPublicKeys")
  void listsKeys(MockServer server) {
    PublicKeyList keys = account(server).getPublicKeys();
    assertEquals("Contracts", keys.getKeys().get(0).getTitle());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addPublicKey(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("addPublicKey: add the public SSH key Contracts")
            .method("POST").path("/user/keys")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("title", "Contracts");
              b.stringValue("content", PUBLIC_KEY);
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(k -> {
          publicKey(k);
          k.stringValue("title", "Contracts");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addPublicKey")
  void addsKey(MockServer server) {
    PublicKey key = account(server).addPublicKey(new PublicKey().title("Contracts").content(PUBLIC_KEY));
    assertEquals(KEY_ID, key.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPublicKey(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the public key Contracts")
            .uponReceiving("getPublicKey: get the public SSH key Contracts")
            .method("GET").pathFromProviderState("/user/keys/${keyId}", "/user/keys/" + KEY_ID))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(ProfileConsumerPactTest::publicKey).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPublicKey")
  void getsKey(MockServer server) {
    PublicKey key = account(server).getPublicKey(KEY_ID);
    assertEquals(PUBLIC_KEY, key.getContent());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deletePublicKey(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the public key Contracts")
            .uponReceiving("deletePublicKey: delete the public SSH key Contracts")
            .method("DELETE").pathFromProviderState("/user/keys/${keyId}", "/user/keys/" + KEY_ID))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deletePublicKey")
  void deletesKey(MockServer server) {
    account(server).deletePublicKey(KEY_ID);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTokens(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the personal access token ci")
            .uponReceiving("getTokens: list the personal access tokens of the token's user")
            .method("GET").path("/user/tokens"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("access_tokens", 1, t -> accessToken(t, "ci"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTokens")
  void listsTokens(MockServer server) {
    AccessTokenList tokens = account(server).getTokens();
    assertNull(tokens.getAccessTokens().get(0).getToken(), "a listed token carries no value");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTokenById(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the personal access token ci")
            .uponReceiving("getTokenById: get the personal access token ci")
            .method("GET").pathFromProviderState("/user/tokens/${tokenId}", "/user/tokens/" + TOKEN_ID))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> {
          accessToken(t, "ci");
          t.stringValue("name", "ci");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTokenById")
  void getsToken(MockServer server) {
    AccessToken token = account(server).getTokenById(TOKEN_ID);
    assertEquals("ci", token.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteToken(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("user 1 has the personal access token ci")
            .uponReceiving("deleteToken: revoke the personal access token ci")
            .method("DELETE").pathFromProviderState("/user/tokens/${tokenId}", "/user/tokens/" + TOKEN_ID))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteToken")
  void revokesToken(MockServer server) {
    account(server).deleteToken(TOKEN_ID);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getCurrentToken(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token belongs to user 1")
            .uponReceiving("getCurrentToken: describe the token of the request")
            .method("GET").path("/user/token"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> {
          links(t);
          t.stringType("id", TOKEN_ID);
          t.stringType("name", "buddy4j contracts");
          t.eachLike("scopes", PactDslJsonRootValue.stringType("WORKSPACE"), 1);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getCurrentToken")
  void describesCurrentToken(MockServer server) {
    AccessToken token = account(server).getCurrentToken();
    assertFalse(token.getScopes().isEmpty());
    assertNull(token.getToken(), "the token's own value is not sent back");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getUserIntegrations(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("getUserIntegrations: list the integrations of the token's user")
            .method("GET").path("/user/integrations"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("integrations", 1, ProfileConsumerPactTest::integration);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getUserIntegrations")
  void listsUserIntegrations(MockServer server) {
    IntegrationList list = Contract.client(server).api(IntegrationsApi.class).getUserIntegrations();
    assertEquals(INTEGRATION, list.getIntegrations().get(0).getHashId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getUserIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("getUserIntegration: get integration " + INTEGRATION + " of the token's user")
            .method("GET").path("/user/integrations/" + INTEGRATION))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(i -> {
          integration(i);
          i.stringValue("hash_id", INTEGRATION);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getUserIntegration")
  void getsUserIntegration(MockServer server) {
    Integration integration = Contract.client(server).api(IntegrationsApi.class).getUserIntegration(INTEGRATION);
    assertEquals("GIT_HUB", integration.getType());
  }
}
