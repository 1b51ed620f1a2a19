package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.RunExecutionRequest;
import org.buddy4j.core.testing.ExampleFiles;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.ModelCoverage;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The documented run response decodes into the generated {@code ExecutionData} with every field populated. */
class ExecutionResponseExamplesTest {
  private static final String FILE = "executions-run.response.json";

  @Test
  void everyKeyOfTheRunResponseLandsInADeclaredProperty() throws Exception {
    JsonNode json = ExampleFiles.tree(FILE);
    ExecutionData execution = BuddyJson.mapper().readValue(ExampleFiles.text(FILE), ExecutionData.class);

    ModelCoverage.assertFullyMapped(json, execution);
  }

  @Test
  void theCoverageCheckCatchesAnUndeclaredNestedKeyAndAMissingValue() throws Exception {
    String extra = "{\"id\": 3, \"branch\": {\"name\": \"master\", \"surprise\": 1}}";
    AssertionFailedError undeclared = assertThrows(AssertionFailedError.class, () -> ModelCoverage.assertFullyMapped(
        ExampleFiles.parse(extra), BuddyJson.mapper().readValue(extra, ExecutionData.class)));
    assertTrue(undeclared.getMessage().contains("$.branch.surprise"), undeclared.getMessage());
    // Responses carry priority as an open string now; the run request keeps the closed enum.
    AssertionFailedError unknownEnum = assertThrows(AssertionFailedError.class, () -> ModelCoverage.assertFullyMapped(
        ExampleFiles.parse("{\"priority\": \"URGENT\"}"), BuddyJson.mapper().readValue("{\"priority\": \"URGENT\"}", RunExecutionRequest.class)));
    assertTrue(unknownEnum.getMessage().contains("$.priority"), unknownEnum.getMessage());
  }

  @Test
  void runResponseValuesAreTheDocumentedOnes() throws Exception {
    ExecutionData e = BuddyJson.mapper().readValue(ExampleFiles.text(FILE), ExecutionData.class);

    assertEquals(3, e.getId());
    assertEquals(LocalDateTime.of(2016, 3, 29, 8, 8, 20, 205_000_000).toInstant(ZoneOffset.UTC), e.getStartDate().toInstant());
    assertNull(e.getFinishDate());
    assertEquals("HIGH", e.getPriority());
    assertEquals("CLICK", e.getTriggeredOn());
    assertFalse(e.getRefresh());
    assertEquals("INPROGRESS", e.getStatus());
    assertEquals("hotfix", e.getComment());
    assertEquals("master", e.getBranch().getName());
    assertTrue(e.getBranch().getDefault());
    assertEquals("506a3963507943d6908154f4bc9646e829128a08", e.getToRevision().getRevision());
    assertEquals(LocalDateTime.of(2016, 1, 19, 12, 36, 33).toInstant(ZoneOffset.UTC), e.getFromRevision().getAuthorDate().toInstant());
    assertEquals("Mike Benson", e.getFromRevision().getCommitter().getName());
    assertEquals(1, e.getToRevision().getAuthor().getId());
    assertEquals(1, e.getCreator().getId());
    assertEquals("dev", e.getPipeline().getName());
    assertEquals("refs/heads/master", e.getPipeline().getRefs().get(0));
    assertEquals(1, e.getActionExecutions().size());
    assertEquals(0, e.getActionExecutions().get(0).getProgress().intValue());
    assertEquals(5, e.getActionExecutions().get(0).getAction().getId());
    assertEquals("ON_EVERY_EXECUTION", e.getActionExecutions().get(0).getAction().getTriggerTime());
  }

  @Test
  void pipelineRunReturnsTheDecodedExecution() throws Exception {
    String runs = "/workspaces/buddy/projects/company-website/pipelines/2/executions";
    try (LoopbackServer server = new LoopbackServer()) {
      server.enqueue("POST", runs, Answer.json(200, ExampleFiles.text(FILE)));
      PipelineClient pipeline = BuddyClient.builder().token("FAKE-token-run-response-0000").endpoint(server.url()).build()
          .workspace("buddy").project("company-website").pipeline(2);

      org.buddy4j.core.Execution run = pipeline.run(RunOptions.onBranch("master").comment("hotfix"));

      assertEquals(3, run.id());
      assertEquals("INPROGRESS", run.status());
      assertFalse(run.isFinished());
      assertEquals("506a3963507943d6908154f4bc9646e829128a08", run.revision().orElseThrow());
      assertEquals(1, run.actionExecutions().size());
      ModelCoverage.assertFullyMapped(ExampleFiles.tree(FILE), run.data());
      assertEquals(1, server.requests().size());
    }
  }
}
