package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.DATE;
import static org.buddy4j.contract.Contract.DATE_EXAMPLE;
import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.buddy4j.core.generated.api.PipelinesApi;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pipelines: list, get, create, edit, clear cache, delete, and one of their actions. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class PipelineConsumerPactTest {
  private static final String PIPELINES = PROJECT_PATH + "/pipelines";

  private static void pipelineSummary(LambdaDslObject p, int id, String name) {
    links(p);
    p.integerType("id", id);
    p.stringType("name", name);
    p.eachLike("refs", PactDslJsonRootValue.stringType("refs/heads/master"), 1);
  }

  private static void pipeline(LambdaDslObject p, int id, String name) {
    pipelineSummary(p, id, name);
    p.stringType("priority", "NORMAL");
    p.stringMatcher("create_date", DATE, DATE_EXAMPLE);
    p.object("project", pr -> {
      links(pr);
      pr.stringValue("name", PROJECT);
    });
    p.object("creator", Contract::member);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPipelines(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("getPipelines: list the pipelines of company-website, first page")
            .method("GET").path(PIPELINES).query("page=1&per_page=30"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("pipelines", 1, p -> pipelineSummary(p, 2, "dev"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPipelines")
  void listsPipelines(MockServer server) {
    List<Pipeline> pipelines = Contract.client(server).workspace(WS).project(PROJECT).pipelines().list().toList();
    assertEquals(2, pipelines.get(0).getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPipeline(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("getPipeline: get pipeline 2")
            .method("GET").path(PIPELINES + "/2"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          pipeline(p, 2, "dev");
          p.minArrayLike("actions", 1, a -> {
            links(a);
            a.integerType("id", 5);
            a.stringType("name", "Upload files to dev");
            a.stringType("type", "FTP");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPipeline")
  void getsPipeline(MockServer server) {
    Pipeline pipeline = Contract.client(server).workspace(WS).project(PROJECT).pipeline(2).get();
    assertEquals(2, pipeline.getId());
    assertFalse(pipeline.getActions().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createPipeline(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website has no pipeline named Deploy to production")
            .uponReceiving("createPipeline: create pipeline Deploy to production")
            .method("POST").path(PIPELINES)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Deploy to production");
              b.array("refs", r -> r.stringValue("refs/heads/master"));
              b.stringValue("priority", "HIGH");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(p -> {
          pipeline(p, 7, "Deploy to production");
          p.stringValue("name", "Deploy to production");
          p.stringValue("priority", "HIGH");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createPipeline")
  void createsPipeline(MockServer server) {
    Pipeline created = Contract.client(server).api(PipelinesApi.class).createPipeline(WS, PROJECT,
        new Pipeline().name("Deploy to production").refs(List.of("refs/heads/master")).priority("HIGH"));
    assertEquals("Deploy to production", created.getName());
    assertEquals("HIGH", created.getPriority());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updatePipeline(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("updatePipeline: rename pipeline 2")
            .method("PATCH").path(PIPELINES + "/2")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "dev (renamed)")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          pipeline(p, 2, "dev (renamed)");
          p.stringValue("name", "dev (renamed)");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updatePipeline")
  void renamesPipeline(MockServer server) {
    Pipeline updated = Contract.client(server).api(PipelinesApi.class)
        .updatePipeline(WS, PROJECT, 2, new Pipeline().name("dev (renamed)"));
    assertEquals("dev (renamed)", updated.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact clearPipelineCache(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("updatePipeline: clear the cache of pipeline 2")
            .method("PATCH").path(PIPELINES + "/2")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.booleanValue("clear_cache", true)).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(p -> pipeline(p, 2, "dev")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "clearPipelineCache")
  void clearsCache(MockServer server) {
    Pipeline pipeline = Contract.client(server).api(PipelinesApi.class)
        .updatePipeline(WS, PROJECT, 2, new Pipeline().clearCache(true));
    assertEquals(2, pipeline.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deletePipeline(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 4 exists in project company-website")
            .uponReceiving("deletePipeline: delete pipeline 4")
            .method("DELETE").path(PIPELINES + "/4"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deletePipeline")
  void deletesPipeline(MockServer server) {
    Contract.client(server).api(PipelinesApi.class).deletePipeline(WS, PROJECT, 4);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPipelineAction(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("getPipelineAction: get action 5 of pipeline 2")
            .method("GET").path(PIPELINES + "/2/actions/5"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(a -> {
          links(a);
          a.integerType("id", 5);
          a.stringType("name", "Upload files to dev");
          a.stringType("type", "FTP");
          a.stringType("trigger_time", "ON_EVERY_EXECUTION");
          a.object("pipeline", p -> {
            links(p);
            p.integerType("id", 2);
            p.stringType("name", "dev");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPipelineAction")
  void getsAction(MockServer server) {
    Action action = Contract.client(server).api(PipelinesApi.class).getPipelineAction(WS, PROJECT, 2, 5);
    assertEquals(5, action.getId());
    assertEquals(2, action.getPipeline().getId());
  }
}
