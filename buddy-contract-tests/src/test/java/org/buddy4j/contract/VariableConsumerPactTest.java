package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.buddy4j.core.generated.api.VariablesApi;
import org.buddy4j.core.generated.model.ProjectRef;
import org.buddy4j.core.generated.model.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creating, reading, editing and deleting environment variables (listing is in
 * {@link WorkspaceConsumerPactTest}). An encrypted value is sent as a sentinel and must come back as
 * anything but the sentinel ({@link #MASKED}); the provider assigns the ID ({@code variableId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class VariableConsumerPactTest {
  private static final String VARIABLES = "/workspaces/" + WS + "/variables";
  private static final String VARIABLE = VARIABLES + "/${variableId}";
  private static final String VARIABLE_EXAMPLE = VARIABLES + "/1";
  /** The encrypted value the consumer sends: a sentinel, never a real secret. */
  private static final String SECRET = "FAKE-pact-variable-secret";
  /** An encrypted value as it comes back: any text without the sentinel (Buddy masks it). */
  private static final String MASKED = "^(?!.*FAKE).*$";

  private static VariablesApi variables(MockServer server) {
    return Contract.client(server).api(VariablesApi.class);
  }

  private static void variable(LambdaDslObject v, String key) {
    links(v);
    v.integerType("id", 1);
    v.stringValue("key", key);
    v.stringType("type", "VAR");
  }

  private static void encrypted(LambdaDslObject v) {
    variable(v, "DEPLOY_KEY");
    v.booleanValue("encrypted", true);
    v.stringMatcher("value", MASKED, "!encrypted ********");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createVariable(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createVariable: create encrypted variable DEPLOY_KEY in company-website")
            .method("POST").path(VARIABLES)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("key", "DEPLOY_KEY");
              b.stringValue("value", SECRET);
              b.stringValue("type", "VAR");
              b.booleanValue("encrypted", true);
              b.stringValue("description", "Deploy key for production");
              b.object("project", p -> p.stringValue("name", PROJECT));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(v -> {
          encrypted(v);
          v.stringValue("description", "Deploy key for production");
          v.object("project", p -> p.stringValue("name", PROJECT));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createVariable")
  void createsEncryptedVariable(MockServer server) {
    Variable created = variables(server).createVariable(WS, new Variable().key("DEPLOY_KEY").value(SECRET)
        .type("VAR").encrypted(true).description("Deploy key for production").project(new ProjectRef().name(PROJECT)));
    assertFalse(created.getValue().contains(SECRET));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getVariable(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("encrypted variable DEPLOY_KEY exists in project company-website")
            .uponReceiving("getVariable: get encrypted variable DEPLOY_KEY, masked")
            .method("GET").pathFromProviderState(VARIABLE, VARIABLE_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(VariableConsumerPactTest::encrypted).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getVariable")
  void readsVariableMasked(MockServer server) {
    Variable variable = variables(server).getVariable(WS, 1);
    assertEquals("DEPLOY_KEY", variable.getKey());
    assertFalse(variable.getValue().contains(SECRET));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateVariable(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("encrypted variable DEPLOY_KEY exists in project company-website")
            .uponReceiving("updateVariable: describe variable DEPLOY_KEY")
            .method("PATCH").pathFromProviderState(VARIABLE, VARIABLE_EXAMPLE)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("key", "DEPLOY_KEY");
              b.stringValue("description", "Deploy key, rotated monthly");
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(v -> {
          encrypted(v);
          v.stringValue("description", "Deploy key, rotated monthly");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateVariable")
  void describesVariable(MockServer server) {
    Variable variable = variables(server).updateVariable(WS, 1,
        new Variable().key("DEPLOY_KEY").description("Deploy key, rotated monthly"));
    assertEquals("Deploy key, rotated monthly", variable.getDescription());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteVariable(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("encrypted variable DEPLOY_KEY exists in project company-website")
            .uponReceiving("deleteVariable: delete variable DEPLOY_KEY")
            .method("DELETE").pathFromProviderState(VARIABLE, VARIABLE_EXAMPLE))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteVariable")
  void deletesVariable(MockServer server) {
    assertDoesNotThrow(() -> variables(server).deleteVariable(WS, 1));
  }
}
