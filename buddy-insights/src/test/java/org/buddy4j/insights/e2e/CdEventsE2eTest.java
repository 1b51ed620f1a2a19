package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.insights.unified.CdEventsExport;
import org.buddy4j.insights.unified.Job;
import org.junit.jupiter.api.Test;

/** CDEvents export of seeded runs: pipelineRun and taskRun events in CloudEvents 1.0 JSON. */
class CdEventsE2eTest extends HistoryTestBase {

  @Test
  void aFailedRunIsQueuedStartedItsActionsAndFinishedWithFailure() throws Exception {
    Job run = Job.of(pipeline(1).execution(3)); // Build passed, Test failed, Deploy not executed
    List<CloudEvent> events = CdEventsExport.create().events(run);
    assertEquals(List.of(CdEventsExport.PIPELINE_RUN_QUEUED, CdEventsExport.PIPELINE_RUN_STARTED,
        CdEventsExport.TASK_RUN_STARTED, CdEventsExport.TASK_RUN_FINISHED,
        CdEventsExport.TASK_RUN_STARTED, CdEventsExport.TASK_RUN_FINISHED,
        CdEventsExport.PIPELINE_RUN_FINISHED), events.stream().map(CloudEvent::getType).collect(Collectors.toList()));
    assertEquals("dev.cdevents.pipelinerun.queued.0.1.1", events.get(0).getType());
    // queued at start_date 11:00, started when the first action started (60 s queue), finished at 11:08
    assertEquals("2026-03-02T11:00Z", events.get(0).getTime().toString());
    assertEquals("2026-03-02T11:01Z", events.get(1).getTime().toString());
    assertEquals("2026-03-02T11:08Z", events.get(6).getTime().toString());

    JsonNode finished = BuddyJson.mapper().readTree(CdEventsExport.toJson(events.get(6)));
    assertEquals("1.0", finished.get("specversion").asText());
    assertEquals("/workspaces/acme/projects/shop/pipelines/1/3/finished", finished.get("id").asText());
    assertEquals("/workspaces/acme/projects/shop/pipelines/1", finished.get("source").asText());
    JsonNode cdevent = finished.get("data");
    assertEquals(finished.get("id").asText(), cdevent.at("/context/id").asText());
    assertEquals("0.3.0", cdevent.at("/context/version").asText());
    assertEquals("pipelineRun", cdevent.at("/subject/type").asText());
    assertEquals("3", cdevent.at("/subject/id").asText());
    assertEquals("deploy-prod", cdevent.at("/subject/content/pipelineName").asText());
    assertEquals("failure", cdevent.at("/subject/content/outcome").asText());
    assertTrue(cdevent.at("/subject/content/errors").asText().contains("Test"));
    assertEquals("bbbbbbb222222222222222222222222222222222", cdevent.at("/customData/buddy/revision").asText());

    JsonNode task = BuddyJson.mapper().readTree(CdEventsExport.toJson(events.get(5))).get("data");
    assertEquals("taskRun", task.at("/subject/type").asText());
    assertEquals("Test", task.at("/subject/content/taskName").asText());
    assertEquals("3", task.at("/subject/content/pipelineRun/id").asText());
    assertEquals("failure", task.at("/subject/content/outcome").asText());
  }

  @Test
  void exportIsStableAndAQueuedRunOnlyHasItsQueuedEvent() throws Exception {
    CdEventsExport export = CdEventsExport.create();
    Job cancelled = Job.of(pipeline(2).execution(4));
    assertEquals(export.toJsonLines(List.of(cancelled)), export.toJsonLines(List.of(cancelled)), "ids and times are stable");
    JsonNode batch = BuddyJson.mapper().readTree(export.toJsonBatch(export.events(cancelled)));
    assertEquals(5, batch.size()); // queued, started, Compile started + finished (terminated), finished
    JsonNode last = batch.get(4);
    assertEquals(CdEventsExport.PIPELINE_RUN_FINISHED, last.get("type").asText());
    assertEquals("error", last.at("/data/subject/content/outcome").asText()); // cancelled → error
    assertTrue(last.at("/data/subject/content/errors").asText().contains("TERMINATED"));

    Job queued = Job.of(pipeline(2).run(org.buddy4j.core.RunOptions.onBranch("develop")));
    assertEquals(List.of(CdEventsExport.PIPELINE_RUN_QUEUED),
        export.events(queued).stream().map(CloudEvent::getType).collect(Collectors.toList()));
  }
}
