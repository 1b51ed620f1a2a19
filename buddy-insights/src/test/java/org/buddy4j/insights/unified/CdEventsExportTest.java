package org.buddy4j.insights.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ExecutionData;
import org.junit.jupiter.api.Test;

class CdEventsExportTest {
  private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

  @Test
  void aRunInProgressIsQueuedAndStartedWithItsRunningAction() throws Exception {
    ExecutionData e = new ExecutionData().id(7).status("INPROGRESS").startDate(T.atOffset(ZoneOffset.UTC));
    e.addActionExecutionsItem(new ActionExecution().actionExecutionId("a1").status("INPROGRESS")
        .startDate(T.plusSeconds(12).atOffset(ZoneOffset.UTC)).action(new Action().id(3).name("Build")));
    e.addActionExecutionsItem(new ActionExecution().actionExecutionId("a2").status("ENQUEUED")
        .action(new Action().id(4).name("Deploy")));
    Job job = Job.of("acme", "web", 2, "deploy", e);
    List<CloudEvent> events = CdEventsExport.create().events(job);
    assertEquals(List.of("dev.cdevents.pipelinerun.queued.0.1.1", "dev.cdevents.pipelinerun.started.0.1.1",
        "dev.cdevents.taskrun.started.0.1.1"), events.stream().map(CloudEvent::getType).collect(Collectors.toList()));
    assertEquals(T.plusSeconds(12), events.get(1).getTime().toInstant()); // started = first action's start
    var json = BuddyJson.mapper().readTree(CdEventsExport.toJson(events.get(2)));
    assertEquals("1.0", json.get("specversion").asText());
    assertEquals("/workspaces/acme/projects/web/pipelines/2/7/a1/started", json.get("id").asText());
    assertEquals("Build", json.at("/data/subject/content/taskName").asText());
    assertEquals("7", json.at("/data/subject/content/pipelineRun/id").asText());
  }

  @Test
  void aQueuedRunWithoutAStartDateIsDatedByTheClock() {
    ExecutionData e = new ExecutionData().id(8).status("ENQUEUED");
    Instant now = Instant.parse("2026-02-02T00:00:00Z");
    List<CloudEvent> events = CdEventsExport.create().withClock(Clock.fixed(now, ZoneOffset.UTC))
        .events(Job.of("acme", "web", 2, "deploy", e));
    assertEquals(1, events.size());
    assertEquals(now, events.get(0).getTime().toInstant());
  }
}
