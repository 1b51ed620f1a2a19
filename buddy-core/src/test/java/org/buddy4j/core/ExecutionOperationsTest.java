package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.LoopbackServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cancel/retry/approve/runNow/applyVariables each send one PATCH with Buddy's operation (and variables). */
class ExecutionOperationsTest {
  private static final String EXECUTION = "/workspaces/acme/projects/web/pipelines/2/executions/7";

  private LoopbackServer server;
  private Execution execution;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.enqueue("GET", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"WAITING_FOR_APPLY\"}"));
    server.always("PATCH", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"INPROGRESS\"}"));
    execution = FastClients.against(server, "FAKE-token-ops-0009").build()
        .workspace("acme").project("web").pipeline(2).execution(7);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode onlyPatchBody() throws Exception {
    List<Recorded> patches = server.requests("PATCH", EXECUTION);
    assertEquals(1, patches.size());
    assertEquals("application/json", patches.get(0).header("Content-Type").split(";")[0].trim());
    return BuddyJson.mapper().readTree(patches.get(0).body());
  }

  private void assertOperation(Function<Execution, Execution> op, String operation) throws Exception {
    Execution after = op.apply(execution);
    assertEquals("INPROGRESS", after.status(), "the PATCH answer is the new snapshot");
    JsonNode body = onlyPatchBody();
    assertEquals(operation, body.path("operation").asText());
    assertFalse(body.has("variables") && body.get("variables").size() > 0, "no variables for " + operation);
  }

  @Test
  void cancel() throws Exception {
    assertOperation(Execution::cancel, "CANCEL");
  }

  @Test
  void retry() throws Exception {
    assertOperation(Execution::retry, "RETRY");
  }

  @Test
  void approve() throws Exception {
    assertOperation(Execution::approve, "APPLY");
  }

  @Test
  void runNow() throws Exception {
    assertOperation(Execution::runNow, "RUN_DELAYED");
  }

  @Test
  void applyVariablesSendsTheVariables() throws Exception {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("VERSION", "1.2.3");
    vars.put("TARGET", "prod");

    execution.applyVariables(vars);

    JsonNode body = onlyPatchBody();
    assertEquals("APPLY_VARIABLES", body.path("operation").asText());
    JsonNode sent = body.path("variables");
    assertEquals(2, sent.size(), body.toString());
    assertEquals("VERSION", sent.get(0).path("key").asText());
    assertEquals("1.2.3", sent.get(0).path("value").asText());
    assertEquals("TARGET", sent.get(1).path("key").asText());
    assertEquals("prod", sent.get(1).path("value").asText());
  }
}
