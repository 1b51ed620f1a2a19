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
import org.buddy4j.core.generated.api.TargetsApi;
import org.buddy4j.core.generated.model.Target;
import org.buddy4j.core.generated.model.TargetAuth;
import org.buddy4j.core.generated.model.TargetList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deployment targets of a workspace. The password is a sentinel the answer never carries (the answers
 * show only the sign-in method and user); the provider assigns the ID ({@code targetId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class TargetConsumerPactTest {
  private static final String TARGETS = "/workspaces/" + WS + "/targets";
  private static final String TARGET = TARGETS + "/${targetId}";
  private static final String ID = "Qb5rZdKz";
  private static final String PASSWORD = "FAKE-pact-target-password";

  private static TargetsApi targets(MockServer server) {
    return Contract.client(server).api(TargetsApi.class);
  }

  private static void target(LambdaDslObject t, String host) {
    links(t);
    t.stringType("id", ID);
    t.stringValue("identifier", "staging-server");
    t.stringValue("name", "Staging server");
    t.stringValue("type", "SSH");
    t.stringValue("host", host);
    t.stringValue("port", "22");
    t.object("auth", a -> {
      a.stringValue("method", "PASSWORD");
      a.stringValue("username", "deploy");
    });
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTargets(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("target staging-server exists in workspace buddy")
            .uponReceiving("getTargets: list the targets of workspace buddy")
            .method("GET").path(TARGETS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("targets", 1, t -> target(t, "192.0.2.10"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTargets")
  void listsTargets(MockServer server) {
    TargetList list = targets(server).getTargets(WS, null, null, null, null);
    assertEquals("staging-server", list.getTargets().get(0).getIdentifier());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createTarget(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createTarget: create SSH target staging-server with a password")
            .method("POST").path(TARGETS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Staging server");
              b.stringValue("identifier", "staging-server");
              b.stringValue("type", "SSH");
              b.stringValue("host", "192.0.2.10");
              b.stringValue("port", "22");
              b.object("auth", a -> {
                a.stringValue("method", "PASSWORD");
                a.stringValue("username", "deploy");
                a.stringValue("password", PASSWORD);
              });
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(t -> target(t, "192.0.2.10")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createTarget")
  void createsTarget(MockServer server) {
    Target created = targets(server).createTarget(WS, new Target().name("Staging server").identifier("staging-server")
        .type("SSH").host("192.0.2.10").port("22")
        .auth(new TargetAuth().method("PASSWORD").username("deploy").password(PASSWORD)));
    assertNull(created.getAuth().getPassword());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTarget(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("target staging-server exists in workspace buddy")
            .uponReceiving("getTarget: get target staging-server")
            .method("GET").pathFromProviderState(TARGET, TARGETS + "/" + ID))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> target(t, "192.0.2.10")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTarget")
  void getsTarget(MockServer server) {
    assertEquals("deploy", targets(server).getTarget(WS, ID).getAuth().getUsername());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateTarget(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("target staging-server exists in workspace buddy")
            .uponReceiving("updateTarget: move target staging-server to a new host")
            .method("PATCH").pathFromProviderState(TARGET, TARGETS + "/" + ID)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("host", "192.0.2.20")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> target(t, "192.0.2.20")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateTarget")
  void movesTarget(MockServer server) {
    assertEquals("192.0.2.20", targets(server).updateTarget(WS, ID, new Target().host("192.0.2.20")).getHost());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteTarget(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("target staging-server exists in workspace buddy")
            .uponReceiving("deleteTarget: delete target staging-server")
            .method("DELETE").pathFromProviderState(TARGET, TARGETS + "/" + ID))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteTarget")
  void deletesTarget(MockServer server) {
    assertDoesNotThrow(() -> targets(server).deleteTarget(WS, ID));
  }
}
