package org.buddy4j.insights.unified;

import dev.cdevents.CDEvents;
import dev.cdevents.events.PipelinerunFinishedCDEvent;
import dev.cdevents.events.PipelinerunQueuedCDEvent;
import dev.cdevents.events.PipelinerunStartedCDEvent;
import dev.cdevents.events.TaskrunFinishedCDEvent;
import dev.cdevents.events.TaskrunStartedCDEvent;
import dev.cdevents.models.CDEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.generated.model.ActionExecution;

/**
 * Jobs (Buddy executions, {@code GET …/pipelines/{pipeline_id}/executions}) as
 * <a href="https://cdevents.dev">CDEvents</a> in CloudEvents 1.0 JSON: a run is a
 * {@code pipelineRun} (queued, started, finished) and each action execution a {@code taskRun}
 * (started, finished). Built and schema-checked with the CDEvents Java SDK 0.3.1, which implements
 * CDEvents spec 0.3.0, so the types are {@link #PIPELINE_RUN_QUEUED dev.cdevents.pipelinerun.queued.0.1.1}
 * and so on; the CloudEvents 1.0 envelope is made with the CloudEvents Java SDK (the CDEvents SDK's own
 * envelope is CloudEvents 0.3 with a random id and the current time).
 *
 * <p>Only what has happened is emitted: queued (at {@code start_date}: Buddy sends no separate enqueue
 * time), started (at the first action's {@code start_date}), finished (at {@code finish_date}), and for
 * each action that started / finished. Event ids are stable ({@code <pipeline path>/<run>/<event>}), so
 * exporting the same run twice gives the same events and a consumer can de-duplicate. Outcomes:
 * passed → {@code success}, failed → {@code failure} (with the failed actions' error messages),
 * cancelled or skipped → {@code error} naming Buddy's status. {@code customData} carries Buddy's
 * status, ref, revision and who triggered the run.
 */
public final class CdEventsExport {
  public static final String PIPELINE_RUN_QUEUED = "dev.cdevents.pipelinerun.queued.0.1.1";
  public static final String PIPELINE_RUN_STARTED = "dev.cdevents.pipelinerun.started.0.1.1";
  public static final String PIPELINE_RUN_FINISHED = "dev.cdevents.pipelinerun.finished.0.1.1";
  public static final String TASK_RUN_STARTED = "dev.cdevents.taskrun.started.0.1.1";
  public static final String TASK_RUN_FINISHED = "dev.cdevents.taskrun.finished.0.1.1";

  private final Clock clock;
  private final boolean validate;

  private CdEventsExport(Clock clock, boolean validate) {
    this.clock = clock;
    this.validate = validate;
  }

  /** An exporter that checks every event against the CDEvents schema before returning it. */
  public static CdEventsExport create() {
    return new CdEventsExport(Clock.systemUTC(), true);
  }

  /** With the clock that dates a queued run Buddy gave no {@code start_date} yet (tests). */
  public CdEventsExport withClock(Clock clock) {
    return new CdEventsExport(Objects.requireNonNull(clock), validate);
  }

  /** The events of one job, oldest first. */
  public List<CloudEvent> events(Job job) {
    List<Timed> out = new ArrayList<>();
    URI source = URI.create("/workspaces/" + job.workspace() + "/projects/" + job.repo() + "/pipelines/" + job.workflowId());
    String runId = String.valueOf(job.id());
    String url = job.htmlUrl() == null ? "" : job.htmlUrl();
    Instant queuedAt = job.startedAt() != null ? job.startedAt() : clock.instant();

    PipelinerunQueuedCDEvent queued = new PipelinerunQueuedCDEvent();
    queued.setSource(source);
    queued.setSubjectId(runId);
    queued.setSubjectSource(source);
    queued.setSubjectPipelineName(job.workflowName());
    queued.setSubjectUrl(url);
    out.add(new Timed(prepare(queued, queued.getContext()::setId, queued.getContext()::setTimestamp,
        queued::setCustomData, source, runId + "/queued", queuedAt, job), queuedAt));

    Instant startedAt = job.status() == JobStatus.QUEUED ? null : job.firstActionStartedAt().orElse(job.startedAt());
    if (startedAt != null) {
      PipelinerunStartedCDEvent started = new PipelinerunStartedCDEvent();
      started.setSource(source);
      started.setSubjectId(runId);
      started.setSubjectSource(source);
      started.setSubjectPipelineName(job.workflowName());
      started.setSubjectUrl(url);
      out.add(new Timed(prepare(started, started.getContext()::setId, started.getContext()::setTimestamp,
          started::setCustomData, source, runId + "/started", startedAt, job), startedAt));
    }
    for (ActionExecution a : job.raw().getActionExecutions() == null ? List.<ActionExecution>of()
        : job.raw().getActionExecutions()) {
      out.addAll(taskEvents(job, a, source, runId, url));
    }
    if (job.status() == JobStatus.COMPLETED) {
      Instant finishedAt = job.finishedAt() != null ? job.finishedAt() : clock.instant();
      PipelinerunFinishedCDEvent finished = new PipelinerunFinishedCDEvent();
      finished.setSource(source);
      finished.setSubjectId(runId);
      finished.setSubjectSource(source);
      finished.setSubjectPipelineName(job.workflowName());
      finished.setSubjectUrl(url);
      finished.setSubjectOutcome(outcome(job.conclusion()));
      String errors = errors(job);
      if (errors != null) {
        finished.setSubjectErrors(errors);
      }
      out.add(new Timed(prepare(finished, finished.getContext()::setId, finished.getContext()::setTimestamp,
          finished::setCustomData, source, runId + "/finished", finishedAt, job), finishedAt.plusNanos(1)));
    }
    out.sort((x, y) -> x.at.compareTo(y.at));
    return out.stream().map(t -> t.event).collect(Collectors.toList());
  }

  private List<Timed> taskEvents(Job job, ActionExecution a, URI source, String runId, String url) {
    List<Timed> out = new ArrayList<>();
    String taskId = a.getActionExecutionId() != null ? a.getActionExecutionId()
        : a.getAction() != null && a.getAction().getId() != null ? "action-" + a.getAction().getId() : null;
    if (taskId == null || a.getStartDate() == null) {
      return out;
    }
    String name = a.getAction() != null && a.getAction().getName() != null ? a.getAction().getName() : taskId;
    Instant start = a.getStartDate().toInstant();
    TaskrunStartedCDEvent started = new TaskrunStartedCDEvent();
    started.setSource(source);
    started.setSubjectId(taskId);
    started.setSubjectSource(source);
    started.setSubjectTaskName(name);
    started.setSubjectUrl(a.getHtmlUrl() == null ? url : a.getHtmlUrl());
    started.setSubjectPipelineRunId(runId);
    started.setSubjectPipelineRunSource(source.toString());
    out.add(new Timed(prepare(started, started.getContext()::setId, started.getContext()::setTimestamp,
        started::setCustomData, source, runId + "/" + taskId + "/started", start, job), start));
    if (a.getFinishDate() != null && ExecutionStatus.isFinished(a.getStatus(), true)) {
      Instant finish = a.getFinishDate().toInstant();
      TaskrunFinishedCDEvent finished = new TaskrunFinishedCDEvent();
      finished.setSource(source);
      finished.setSubjectId(taskId);
      finished.setSubjectSource(source);
      finished.setSubjectTaskName(name);
      finished.setSubjectUrl(a.getHtmlUrl() == null ? url : a.getHtmlUrl());
      finished.setSubjectPipelineRunId(runId);
      finished.setSubjectPipelineRunSource(source.toString());
      finished.setSubjectOutcome(outcome(JobConclusion.of(a.getStatus())));
      if (ExecutionStatus.FAILED.equals(a.getStatus()) || ExecutionStatus.TERMINATED.equals(a.getStatus())) {
        finished.setSubjectErrors(a.getErrorMessage() != null ? a.getErrorMessage() : a.getStatus());
      }
      out.add(new Timed(prepare(finished, finished.getContext()::setId, finished.getContext()::setTimestamp,
          finished::setCustomData, source, runId + "/" + taskId + "/finished", finish, job), finish));
    }
    return out;
  }

  /** Every job's events as JSON Lines: one structured-mode CloudEvent per line. */
  public String toJsonLines(List<Job> jobs) {
    StringBuilder sb = new StringBuilder();
    for (Job job : jobs) {
      for (CloudEvent e : events(job)) {
        sb.append(toJson(e)).append('\n');
      }
    }
    return sb.toString();
  }

  /** A CloudEvents JSON batch ({@code application/cloudevents-batch+json}): a JSON array of events. */
  public String toJsonBatch(List<CloudEvent> events) {
    StringJoiner j = new StringJoiner(",", "[", "]");
    events.forEach(e -> j.add(toJson(e)));
    return j.toString();
  }

  /** One event in CloudEvents structured JSON ({@code application/cloudevents+json}). */
  public static String toJson(CloudEvent event) {
    return new String(new JsonFormat().serialize(event), StandardCharsets.UTF_8);
  }

  private interface Setter<T> {
    void set(T value);
  }

  private CloudEvent prepare(CDEvent event, Setter<String> id, Setter<Date> timestamp, Setter<Object> customData,
                             URI source, String localId, Instant at, Job job) {
    String eventId = source + "/" + localId;
    id.set(eventId);
    timestamp.set(Date.from(at));
    customData.set(buddyData(job));
    if (validate && !CDEvents.validateCDEvent(event)) {
      throw new IllegalStateException("CDEvent " + event.currentCDEventType() + " " + eventId + " does not match its schema");
    }
    return CloudEventBuilder.v1()
        .withId(eventId)
        .withSource(source)
        .withType(event.currentCDEventType())
        .withTime(at.atOffset(ZoneOffset.UTC))
        .withDataContentType("application/json")
        .withData(CDEvents.cdEventAsJson(event).getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static Map<String, Object> buddyData(Job job) {
    Map<String, Object> buddy = new LinkedHashMap<>();
    buddy.put("status", job.buddyStatus());
    buddy.put("branch", job.branch());
    buddy.put("tag", job.tag());
    buddy.put("pullRequest", job.pullRequest());
    buddy.put("revision", job.revision());
    buddy.put("triggeredBy", job.triggeredBy());
    buddy.values().removeIf(Objects::isNull);
    return Map.of("buddy", buddy);
  }

  private static String outcome(JobConclusion conclusion) {
    if (conclusion == JobConclusion.PASSED) {
      return "success";
    }
    return conclusion == JobConclusion.FAILED ? "failure" : "error";
  }

  private static String errors(Job job) {
    if (job.conclusion() == JobConclusion.PASSED) {
      return null;
    }
    if (job.conclusion() == JobConclusion.FAILED) {
      String messages = job.raw().getActionExecutions() == null ? "" : job.raw().getActionExecutions().stream()
          .filter(a -> ExecutionStatus.FAILED.equals(a.getStatus()))
          .map(a -> (a.getAction() != null ? a.getAction().getName() : a.getActionExecutionId())
              + (a.getErrorMessage() != null ? ": " + a.getErrorMessage() : ""))
          .collect(Collectors.joining("; "));
      return messages.isEmpty() ? "FAILED" : messages;
    }
    return job.conclusion() == JobConclusion.CANCELLED ? "cancelled (Buddy status " + job.buddyStatus() + ")"
        : "Buddy status " + job.buddyStatus();
  }

  private record Timed(CloudEvent event, Instant at) {}
}
