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
import org.buddy4j.core.generated.api.ExecutionsApi;
import org.buddy4j.core.generated.model.ActionExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An action's details in a run by the pipeline action's ID, with its log: the legacy route
 * ({@code …/action/{action_id}}) and its plural form.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ExecutionActionConsumerPactTest {
  private static final String RUN_1 = PROJECT_PATH + "/pipelines/2/executions/1";

  private static ExecutionsApi executions(MockServer server) {
    return Contract.client(server).api(ExecutionsApi.class);
  }

  /** Action 5 as it ran in run 1 of pipeline 2, with its log. */
  private static void details(LambdaDslObject a) {
    links(a);
    a.stringType("action_execution_id", ACTION_EXECUTION_ID);
    a.stringMatcher("status", EXECUTION_STATUS, "SUCCESSFUL");
    a.stringMatcher("start_date", DATE, DATE_EXAMPLE);
    a.stringMatcher("finish_date", DATE, "2026-11-18T12:38:21Z");
    a.object("action", act -> {
      links(act);
      act.numberValue("id", 5);
      act.stringType("name", "Upload files to dev");
      act.stringType("type", "FTP");
    });
    a.eachLike("log", PactDslJsonRootValue.stringType("Uploading files to dev"), 1);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getExecutionActionDetails(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getExecutionActionDetails: get action 5 of run 1 of pipeline 2 with its log (legacy route)")
            .method("GET").path(RUN_1 + "/action/5"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(ExecutionActionConsumerPactTest::details).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getExecutionActionDetails")
  void getsActionDetails(MockServer server) {
    ActionExecution details = executions(server).getExecutionActionDetails(WS, PROJECT, 2, 1, 5);
    assertEquals(5, details.getAction().getId());
    assertFalse(details.getLog().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getExecutionActionDetailsPlural(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 2 has finished executions 1 and 2")
            .uponReceiving("getExecutionActionDetailsPlural: get action 5 of run 1 of pipeline 2 with its log")
            .method("GET").path(RUN_1 + "/actions/5"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(ExecutionActionConsumerPactTest::details).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getExecutionActionDetailsPlural")
  void getsActionDetailsByPluralRoute(MockServer server) {
    ActionExecution details = executions(server).getExecutionActionDetailsPlural(WS, PROJECT, 2, 1, 5);
    assertEquals(5, details.getAction().getId());
  }
}
