package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.buddy4j.core.generated.api.EnvironmentsApi;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.EnvironmentList;
import org.buddy4j.core.generated.model.ProjectRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Environments of a project. The provider assigns the ID (a short string; {@code environmentId}). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class EnvironmentConsumerPactTest {
  private static final String ENVIRONMENTS = "/workspaces/" + WS + "/environments";
  private static final String ENVIRONMENT = ENVIRONMENTS + "/${environmentId}";
  /** The docs' example environment ID. */
  private static final String ID = "5y6VNaLJ";

  private static EnvironmentsApi environments(MockServer server) {
    return Contract.client(server).api(EnvironmentsApi.class);
  }

  private static void environment(LambdaDslObject e, String name) {
    links(e);
    e.stringType("id", ID);
    e.stringValue("name", name);
    e.stringValue("identifier", "production");
    e.object("project", p -> p.stringValue("name", PROJECT));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getEnvironments(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("environment production exists in project company-website")
            .uponReceiving("getEnvironments: list the environments of company-website")
            .method("GET").path(ENVIRONMENTS).query("project_name=" + PROJECT))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("environments", 1, e -> environment(e, "Production"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getEnvironments")
  void listsEnvironments(MockServer server) {
    EnvironmentList list = environments(server).getEnvironments(WS, PROJECT);
    assertEquals("production", list.getEnvironments().get(0).getIdentifier());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createEnvironment(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createEnvironment: create environment production in company-website")
            .method("POST").path(ENVIRONMENTS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Production");
              b.stringValue("identifier", "production");
              b.array("tags", t -> t.stringValue("prod"));
              b.object("project", p -> p.stringValue("name", PROJECT));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(e -> {
          environment(e, "Production");
          e.array("tags", t -> t.stringValue("prod"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createEnvironment")
  void createsEnvironment(MockServer server) {
    Environment created = environments(server).createEnvironment(WS, new Environment().name("Production")
        .identifier("production").tags(List.of("prod")).project(new ProjectRef().name(PROJECT)));
    assertEquals(ID, created.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getEnvironment(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("environment production exists in project company-website")
            .uponReceiving("getEnvironment: get environment production")
            .method("GET").pathFromProviderState(ENVIRONMENT, ENVIRONMENTS + "/" + ID))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> environment(e, "Production")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getEnvironment")
  void getsEnvironment(MockServer server) {
    assertEquals(PROJECT, environments(server).getEnvironment(WS, ID).getProject().getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateEnvironment(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("environment production exists in project company-website")
            .uponReceiving("updateEnvironment: rename environment production and set its public URL")
            .method("PATCH").pathFromProviderState(ENVIRONMENT, ENVIRONMENTS + "/" + ID)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Production (EU)");
              b.stringValue("public_url", "https://www.example.com");
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> {
          environment(e, "Production (EU)");
          e.stringValue("public_url", "https://www.example.com");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateEnvironment")
  void renamesEnvironment(MockServer server) {
    Environment env = environments(server).updateEnvironment(WS, ID,
        new Environment().name("Production (EU)").publicUrl("https://www.example.com"));
    assertEquals("https://www.example.com", env.getPublicUrl());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteEnvironment(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("environment production exists in project company-website")
            .uponReceiving("deleteEnvironment: delete environment production")
            .method("DELETE").pathFromProviderState(ENVIRONMENT, ENVIRONMENTS + "/" + ID))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteEnvironment")
  void deletesEnvironment(MockServer server) {
    assertDoesNotThrow(() -> environments(server).deleteEnvironment(WS, ID));
  }
}
