package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.INTEGRATION;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
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
import java.util.List;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Integrations, addressed by hash_id: list, create (with a sentinel secret), get, edit, delete. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class IntegrationConsumerPactTest {
  private static final String INTEGRATIONS = "/workspaces/" + WS + "/integrations";

  private static IntegrationsClient integrations(MockServer server) {
    return Contract.client(server).workspace(WS).integrations();
  }

  /** An integration as Buddy answers it; secrets never come back. */
  private static void integration(LambdaDslObject i, String name) {
    links(i);
    i.stringType("hash_id", INTEGRATION);
    i.stringType("name", name);
    i.stringValue("type", "GIT_HUB");
    i.stringType("scope", "WORKSPACE");
    i.stringType("auth_type", "TOKEN");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getIntegrations(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("getIntegrations: list the integrations of workspace buddy")
            .method("GET").path(INTEGRATIONS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("integrations", 1, i -> integration(i, "GitHub Integration"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getIntegrations")
  void listsIntegrations(MockServer server) {
    List<Integration> list = integrations(server).list();
    assertEquals(INTEGRATION, list.get(0).getHashId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createIntegration: create a GitHub integration with a token")
            .method("POST").path(INTEGRATIONS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("type", "GIT_HUB");
              b.stringValue("name", "GitHub (contract)");
              b.stringValue("scope", "WORKSPACE");
              b.stringValue("token", "FAKE-pact-github-token");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(i -> {
          integration(i, "GitHub (contract)");
          i.stringValue("name", "GitHub (contract)");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createIntegration")
  void createsIntegration(MockServer server) {
    Integration created = integrations(server).create(Integrations.gitHub()
        .name("GitHub (contract)").workspaceScope().token("FAKE-pact-github-token"));
    assertEquals("GitHub (contract)", created.getName());
    assertNull(created.getToken(), "Buddy never returns a secret");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("getIntegration: get integration " + INTEGRATION)
            .method("GET").path(INTEGRATIONS + "/" + INTEGRATION))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(i -> {
          integration(i, "GitHub Integration");
          i.stringValue("hash_id", INTEGRATION);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getIntegration")
  void getsIntegration(MockServer server) {
    assertEquals("GIT_HUB", integrations(server).get(INTEGRATION).getType());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("updateIntegration: rename integration " + INTEGRATION)
            .method("PATCH").path(INTEGRATIONS + "/" + INTEGRATION)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "GitHub (ci)");
              b.booleanValue("all_pipelines_allowed", true);
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(i -> {
          integration(i, "GitHub (ci)");
          i.stringValue("hash_id", INTEGRATION);
          i.stringValue("name", "GitHub (ci)");
          i.booleanValue("all_pipelines_allowed", true);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateIntegration")
  void renamesIntegration(MockServer server) {
    Integration updated = integrations(server).update(INTEGRATION,
        new Integration().name("GitHub (ci)").allPipelinesAllowed(true));
    assertEquals("GitHub (ci)", updated.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("an integration with hash_id " + INTEGRATION + " exists")
            .uponReceiving("deleteIntegration: delete integration " + INTEGRATION)
            .method("DELETE").path(INTEGRATIONS + "/" + INTEGRATION))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteIntegration")
  void deletesIntegration(MockServer server) {
    integrations(server).delete(INTEGRATION);
  }
}
