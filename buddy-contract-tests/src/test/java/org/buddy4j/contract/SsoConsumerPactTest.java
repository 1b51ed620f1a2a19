package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.buddy4j.core.generated.api.SsoApi;
import org.buddy4j.core.generated.model.Sso;
import org.buddy4j.core.generated.model.SsoUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A workspace's SAML single sign-on: configure, read, turn on and off. The identity provider's
 * certificate is a sentinel that the answers never carry.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SsoConsumerPactTest {
  private static final String WORKSPACE = "/workspaces/" + WS;
  private static final String CERTIFICATE = "FAKE-pact-sso-certificate";

  private static SsoApi sso(MockServer server) {
    return Contract.client(server).api(SsoApi.class);
  }

  private static void saml(LambdaDslObject s) {
    links(s);
    s.stringValue("type", "SAML");
    s.stringValue("sso_url", "https://idp.example.com/saml2");
    s.stringValue("issuer", "https://idp.example.com/issuer");
    s.stringValue("signature_method", "sha256");
    s.stringValue("digest_method", "sha256");
    s.booleanValue("require_sso_for_all_members", false);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getSso(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("SAML SSO is configured for workspace buddy")
            .uponReceiving("getSso: get the SAML settings of workspace buddy")
            .method("GET").path(WORKSPACE + "/sso"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(SsoConsumerPactTest::saml).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getSso")
  void getsSso(MockServer server) {
    Sso settings = sso(server).getSso(WS);
    assertEquals("https://idp.example.com/saml2", settings.getSsoUrl());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateSso(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("updateSso: configure SAML with an identity provider certificate")
            .method("PATCH").path(WORKSPACE + "/sso")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("type", "SAML");
              b.stringValue("sso_url", "https://idp.example.com/saml2");
              b.stringValue("issuer", "https://idp.example.com/issuer");
              b.stringValue("certificate", CERTIFICATE);
              b.stringValue("signature_method", "sha256");
              b.stringValue("digest_method", "sha256");
              b.booleanValue("require_sso_for_all_members", false);
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(SsoConsumerPactTest::saml).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateSso")
  void configuresSaml(MockServer server) {
    Sso settings = sso(server).updateSso(WS, new SsoUpdateRequest().type("SAML")
        .ssoUrl("https://idp.example.com/saml2").issuer("https://idp.example.com/issuer").certificate(CERTIFICATE)
        .signatureMethod("sha256").digestMethod("sha256").requireSsoForAllMembers(false));
    assertNull(settings.getCertificate());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact enableSso(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("SAML SSO is configured for workspace buddy")
            .uponReceiving("enableSso: turn SSO on for workspace buddy")
            .method("POST").path(WORKSPACE + "/enable-sso"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "enableSso")
  void turnsSsoOn(MockServer server) {
    assertDoesNotThrow(() -> sso(server).enableSso(WS));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact disableSso(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("SSO is on for workspace buddy")
            .uponReceiving("disableSso: turn SSO off for workspace buddy")
            .method("POST").path(WORKSPACE + "/disable-sso"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "disableSso")
  void turnsSsoOff(MockServer server) {
    assertDoesNotThrow(() -> sso(server).disableSso(WS));
  }
}
