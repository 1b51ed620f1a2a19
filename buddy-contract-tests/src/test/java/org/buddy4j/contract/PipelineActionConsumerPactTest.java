package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
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
import org.buddy4j.core.generated.api.PipelinesApi;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ActionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pipeline's actions: list, create, update, delete (get is in PipelineConsumerPactTest). */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class PipelineActionConsumerPactTest {
  private static final String ACTIONS = PROJECT_PATH + "/pipelines/2/actions";

  private static PipelinesApi pipelines(MockServer server) {
    return Contract.client(server).api(PipelinesApi.class);
  }

  private static void action(LambdaDslObject a, int id, String name, String type) {
    links(a);
    a.integerType("id", id);
    a.stringType("name", name);
    a.stringType("type", type);
    a.stringType("trigger_time", "ON_EVERY_EXECUTION");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPipelineActions(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("getPipelineActions: list the actions of pipeline 2")
            .method("GET").path(ACTIONS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("actions", 1, a -> action(a, 5, "Upload files to dev", "FTP"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPipelineActions")
  void listsActions(MockServer server) {
    ActionList list = pipelines(server).getPipelineActions(WS, PROJECT, 2, null, null);
    assertEquals(5, list.getActions().get(0).getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createPipelineAction(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("createPipelineAction: add a build action to pipeline 2")
            .method("POST").path(ACTIONS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Run contract tests");
              b.stringValue("type", "BUILD");
              b.stringValue("trigger_time", "ON_EVERY_EXECUTION");
              b.stringValue("docker_image_name", "library/maven");
              b.stringValue("docker_image_tag", "3-eclipse-temurin-17");
              b.array("execute_commands", c -> c.stringValue("./mvnw -B verify"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(a -> {
          action(a, 14, "Run contract tests", "BUILD");
          a.stringValue("name", "Run contract tests");
          a.stringValue("type", "BUILD");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createPipelineAction")
  void createsAction(MockServer server) {
    Action created = pipelines(server).createPipelineAction(WS, PROJECT, 2, new Action().name("Run contract tests")
        .type("BUILD").triggerTime("ON_EVERY_EXECUTION")
        .putAdditionalProperty("docker_image_name", "library/maven")
        .putAdditionalProperty("docker_image_tag", "3-eclipse-temurin-17")
        .putAdditionalProperty("execute_commands", List.of("./mvnw -B verify")));
    assertEquals("Run contract tests", created.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updatePipelineAction(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("updatePipelineAction: rename action 6 of pipeline 2")
            .method("PATCH").path(ACTIONS + "/6")
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "Notify the dev channel")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(a -> {
          action(a, 6, "Notify the dev channel", "SLACK");
          a.numberValue("id", 6);
          a.stringValue("name", "Notify the dev channel");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updatePipelineAction")
  void renamesAction(MockServer server) {
    Action action = pipelines(server).updatePipelineAction(WS, PROJECT, 2, 6, new Action().name("Notify the dev channel"));
    assertEquals("Notify the dev channel", action.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deletePipelineAction(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("deletePipelineAction: delete action 6 of pipeline 2")
            .method("DELETE").path(ACTIONS + "/6"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deletePipelineAction")
  void deletesAction(MockServer server) {
    pipelines(server).deletePipelineAction(WS, PROJECT, 2, 6);
  }
}
