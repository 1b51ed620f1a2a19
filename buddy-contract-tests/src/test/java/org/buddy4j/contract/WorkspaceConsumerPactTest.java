package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import java.util.List;
import org.buddy4j.core.generated.api.VariablesApi;
import org.buddy4j.core.generated.api.WebhooksApi;
import org.buddy4j.core.generated.model.VariableList;
import org.buddy4j.core.generated.model.Webhook;
import org.buddy4j.core.generated.model.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workspaces, and what hangs off a workspace without its own area: variables and webhooks. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class WorkspaceConsumerPactTest {

  private static void workspace(au.com.dius.pact.consumer.dsl.LambdaDslObject w) {
    links(w);
    w.integerType("id", 1);
    w.stringType("name", "buddy");
    w.stringValue("domain", WS);
    w.integerType("owner_id", 1);
    w.booleanType("frozen", false);
    w.stringMatcher("create_date", Contract.DATE, Contract.DATE_EXAMPLE);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWorkspaces(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("getWorkspaces: list the workspaces the token can reach")
            .method("GET").path("/workspaces"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("workspaces", 1, WorkspaceConsumerPactTest::workspace);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWorkspaces")
  void listsWorkspaces(MockServer server) {
    List<Workspace> workspaces = Contract.client(server).workspaces().list().toList();
    assertFalse(workspaces.isEmpty());
    assertEquals(WS, workspaces.get(0).getDomain());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWorkspace(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("getWorkspace: get workspace buddy")
            .method("GET").path("/workspaces/" + WS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(WorkspaceConsumerPactTest::workspace).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWorkspace")
  void getsWorkspace(MockServer server) {
    Workspace ws = Contract.client(server).workspace(WS).get();
    assertEquals(WS, ws.getDomain());
    assertEquals(1, ws.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getVariables(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("variable ENVIRONMENT exists in project company-website")
            .uponReceiving("getVariables: list the variables of project company-website")
            .method("GET").path("/workspaces/" + WS + "/variables").query("project_name=" + Contract.PROJECT))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("variables", 1, v -> {
            links(v);
            v.integerType("id", 1);
            v.stringType("key", "ENVIRONMENT");
            v.stringType("value", "production");
            v.stringType("type", "VAR");
            v.booleanType("encrypted", false);
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getVariables")
  void listsVariables(MockServer server) {
    VariableList list = Contract.client(server).api(VariablesApi.class)
        .getVariables(WS, Contract.PROJECT, null, null, null, null, null, null, null);
    assertEquals("ENVIRONMENT", list.getVariables().get(0).getKey());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createWebhook(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createWebhook: notify a URL when runs of company-website finish")
            .method("POST").path("/workspaces/" + WS + "/webhooks")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("target_url", "https://hooks.example.com/buddy");
              b.stringValue("secret_key", "FAKE-pact-webhook-secret");
              b.array("projects", p -> p.stringValue(Contract.PROJECT));
              b.array("events", e -> e.stringValue("EXECUTION_FINISHED"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(w -> {
          links(w);
          w.integerType("id", 101);
          w.stringValue("target_url", "https://hooks.example.com/buddy");
          w.eachLike("events", PactDslJsonRootValue.stringType("EXECUTION_FINISHED"), 1);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createWebhook")
  void createsWebhook(MockServer server) {
    Webhook hook = Contract.client(server).api(WebhooksApi.class).createWebhook(WS, new Webhook()
        .targetUrl("https://hooks.example.com/buddy").secretKey("FAKE-pact-webhook-secret")
        .projects(List.of(Contract.PROJECT)).events(List.of("EXECUTION_FINISHED")));
    assertEquals(101, hook.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateWebhook(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("webhook 101 exists in workspace buddy")
            .uponReceiving("updateWebhook: point webhook 101 at a new URL")
            .method("PATCH").path("/workspaces/" + WS + "/webhooks/101")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("target_url", "https://hooks.example.com/buddy-v2")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(w -> {
          links(w);
          w.numberValue("id", 101);
          w.stringValue("target_url", "https://hooks.example.com/buddy-v2");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateWebhook")
  void updatesWebhook(MockServer server) {
    Webhook hook = Contract.client(server).api(WebhooksApi.class)
        .updateWebhook(WS, 101, new Webhook().targetUrl("https://hooks.example.com/buddy-v2"));
    assertEquals("https://hooks.example.com/buddy-v2", hook.getTargetUrl());
  }
}
