package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.ACTION_EXECUTION_ID;
import static org.buddy4j.contract.Contract.DATE;
import static org.buddy4j.contract.Contract.DATE_EXAMPLE;
import static org.buddy4j.contract.Contract.EXECUTION_STATUS;
import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.buddy4j.core.Execution;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.api.ExecutionsApi;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ActionExecutionLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pipeline runs: run, list, get, approve, an action execution and its log. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ExecutionConsumerPactTest {
  private static final String PIPELINE_2 = PROJECT_PATH + "/pipelines/2";
  private static final String PIPELINE_3 = PROJECT_PATH + "/pipelines/3";

  private static PipelineClient pipeline(MockServer server, int id) {
    return Contract.client(server).workspace(WS).project(PROJECT).pipeline(id);
  }

  private static void commit(LambdaDslObject c) {
    links(c);
    c.stringType("revision", "506a3963507943d6");
  }

  /** An execution as every answer shows it. */
  private static void execution(LambdaDslObject e, int id, int pipelineId, String status) {
    links(e);
    e.integerType("id", id);
    e.stringMatcher("status", EXECUTION_STATUS, status);
    e.stringType("priority", "NORMAL");
    e.object("to_revision", ExecutionConsumerPactTest::commit);
    e.object("creator", Contract::member);
    e.object("pipeline", p -> {
      links(p);
      p.numberValue("id", pipelineId);
      p.stringType("name", "dev");
    });
  }

  /** A finished execution: it has both dates. */
  private static void finishedExecution(LambdaDslObject e, int id) {
    execution(e, id, 2, "SUCCESSFUL");
    e.stringMatcher("start_date", DATE, DATE_EXAMPLE);
    e.stringMatcher("finish_date", DATE, "2026-11-18T12:38:23Z");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact runExecution(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 exists in project company-website")
            .uponReceiving("runExecution: run pipeline 2 on branch master with options")
            .method("POST").path(PIPELINE_2 + "/executions")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.object("branch", br -> br.stringValue("name", "master"));
              b.stringValue("comment", "buddy4j contract test");
              b.booleanValue("clear_cache", true);
              b.stringValue("priority", "HIGH");
              b.array("variables", vs -> {
                vs.object(v -> {
                  v.stringValue("key", "VERSION");
                  v.stringValue("value", "1.0");
                });
                vs.object(v -> {
                  v.stringValue("key", "DEPLOY_PASSWORD");
                  v.stringValue("value", "FAKE-pact-variable-secret");
                  v.booleanValue("encrypted", true);
                });
              });
              b.array("actions_to_run", a -> a.numberValue(5).numberValue(6));
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> {
          execution(e, 3, 2, "ENQUEUED");
          e.stringValue("priority", "HIGH");
          e.stringValue("comment", "buddy4j contract test");
          e.booleanValue("clear_cache", true);
          e.object("branch", br -> {
            links(br);
            br.stringValue("name", "master");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "runExecution")
  void runsPipeline(MockServer server) {
    Execution run = pipeline(server, 2).run(RunOptions.onBranch("master")
        .comment("buddy4j contract test")
        .clearCache(true)
        .priority("HIGH")
        .variable("VERSION", "1.0")
        .encryptedVariable("DEPLOY_PASSWORD", "FAKE-pact-variable-secret")
        .actions(5, 6));
    assertEquals(3, run.id());
    assertFalse(run.isFinished());
    assertEquals("master", run.data().getBranch().getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getExecutions(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getExecutions: list the runs of pipeline 2, first page")
            .method("GET").path(PIPELINE_2 + "/executions").query("page=1&per_page=50"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.integerType("page", 1);
          o.integerType("page_size", 50);
          o.integerType("total_page_count", 1);
          o.integerType("element_count", 2);
          o.integerType("total_element_count", 2);
          o.minArrayLike("executions", 1, e -> finishedExecution(e, 2));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getExecutions")
  void listsRuns(MockServer server) {
    List<Execution> runs = pipeline(server, 2).executions().toList();
    assertEquals(1, runs.size());
    assertTrue(runs.get(0).isFinished());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getExecution(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getExecution: get run 1 of pipeline 2")
            .method("GET").path(PIPELINE_2 + "/executions/1"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> {
          finishedExecution(e, 1);
          e.minArrayLike("action_executions", 1, a -> {
            links(a);
            a.stringType("action_execution_id", ACTION_EXECUTION_ID);
            a.stringMatcher("status", EXECUTION_STATUS, "SUCCESSFUL");
            a.object("action", act -> {
              links(act);
              act.integerType("id", 5);
              act.stringType("name", "Upload files to dev");
            });
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getExecution")
  void getsRun(MockServer server) {
    Execution run = pipeline(server, 2).execution(1);
    assertEquals(1, run.id());
    assertTrue(run.isFinished());
    assertEquals(ACTION_EXECUTION_ID, run.actionExecutions().get(0).getActionExecutionId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact approveExecution(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(rateLimitHeaders(authorized(builder
            .given("pipeline 3 has execution 1 waiting for approval")
            .uponReceiving("getExecution: get run 1 of pipeline 3, waiting for approval")
            .method("GET").path(PIPELINE_3 + "/executions/1"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> execution(e, 1, 3, "WAITING_FOR_APPLY")).build())
        .given("pipeline 3 has execution 1 waiting for approval")
        .uponReceiving("updateExecution: approve run 1 of pipeline 3")
        .method("PATCH").path(PIPELINE_3 + "/executions/1")
        .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("operation", "APPLY")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(e -> execution(e, 1, 3, "INPROGRESS")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "approveExecution")
  void approvesRun(MockServer server) {
    Execution approved = pipeline(server, 3).execution(1).approve();
    assertEquals(1, approved.id());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getActionExecution(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getActionExecution: get the first action execution of run 1 of pipeline 2")
            .method("GET")
            .pathFromProviderState(PIPELINE_2 + "/executions/1/action_executions/${actionExecutionId}",
                PIPELINE_2 + "/executions/1/action_executions/" + ACTION_EXECUTION_ID))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(a -> {
          links(a);
          a.stringType("action_execution_id", ACTION_EXECUTION_ID);
          a.stringMatcher("status", EXECUTION_STATUS, "SUCCESSFUL");
          a.stringMatcher("start_date", DATE, DATE_EXAMPLE);
          a.stringMatcher("finish_date", DATE, "2026-11-18T12:38:21Z");
          a.object("action", act -> {
            links(act);
            act.integerType("id", 5);
            act.stringType("name", "Upload files to dev");
            act.stringType("type", "FTP");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getActionExecution")
  void getsActionExecution(MockServer server) {
    ActionExecution action = Contract.client(server).api(ExecutionsApi.class)
        .getActionExecution(WS, PROJECT, 2, 1, ACTION_EXECUTION_ID);
    assertEquals(ACTION_EXECUTION_ID, action.getActionExecutionId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getActionExecutionLogs(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getActionExecutionLogs: read the first 100 log lines of an action execution of run 1")
            .method("GET")
            .pathFromProviderState(PIPELINE_2 + "/executions/1/action_executions/${actionExecutionId}/logs",
                PIPELINE_2 + "/executions/1/action_executions/" + ACTION_EXECUTION_ID + "/logs")
            .query("offset=0&limit=100"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.numberValue("offset", 0);
          o.integerType("element_count", 2);
          o.integerType("total_element_count", 2);
          o.eachLike("logs", PactDslJsonRootValue.stringType("Uploading files to dev"), 1);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getActionExecutionLogs")
  void readsLog(MockServer server) {
    ActionExecutionLogs logs = Contract.client(server).api(ExecutionsApi.class)
        .getActionExecutionLogs(WS, PROJECT, 2, 1, ACTION_EXECUTION_ID, 0, 100);
    assertEquals("Uploading files to dev", logs.getLogs().get(0));
  }
}
