package org.buddy4j.insights.unified;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * A job in the unified CI/CD model: one Buddy execution, read from
 * {@code GET /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions}.
 *
 * <p>{@link #status()} (queued / in progress / completed) and {@link #conclusion()} (passed / failed /
 * cancelled / skipped, {@code null} until completed) are kept apart; {@link #buddyStatus()} is Buddy's
 * own value and {@link #raw()} the whole object as Buddy sent it (action executions included).
 * {@code ref} fields: a run is on a {@code branch}, a {@code tag} or a {@code pullRequest} (e.g.
 * {@code pull/12}); {@code revision} is {@code to_revision.revision}; {@code triggeredBy} is
 * {@code creator.name}.
 */
public record Job(String workspace, String repo, int workflowId, String workflowName, int id,
                  JobStatus status, JobConclusion conclusion, String buddyStatus,
                  String branch, String tag, String pullRequest, String revision, String triggeredBy,
                  Instant startedAt, Instant finishedAt, String comment, String htmlUrl, ExecutionData raw) {

  public Job {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raw, "raw");
  }

  /** A job from Buddy's execution object; {@code workflowName} may be null (taken from the execution's pipeline). */
  public static Job of(String workspace, String repo, int workflowId, String workflowName, ExecutionData e) {
    if (e.getId() == null) {
      throw new IllegalArgumentException("an execution without an id");
    }
    String name = workflowName != null ? workflowName
        : e.getPipeline() != null && e.getPipeline().getName() != null ? e.getPipeline().getName()
        : "pipeline " + workflowId;
    return new Job(workspace, repo, workflowId, name, e.getId(),
        JobStatus.of(e.getStatus(), e.getFinishDate() != null), JobConclusion.of(e.getStatus()), e.getStatus(),
        e.getBranch() == null ? null : e.getBranch().getName(),
        e.getTag() == null ? null : e.getTag().getName(),
        e.getPullRequest() == null ? null : e.getPullRequest().getName(),
        e.getToRevision() == null ? null : e.getToRevision().getRevision(),
        e.getCreator() == null ? null : e.getCreator().getName(),
        instant(e.getStartDate()), instant(e.getFinishDate()), e.getComment(), e.getHtmlUrl(), e);
  }

  /** A job from a client snapshot. */
  public static Job of(org.buddy4j.core.Execution execution) {
    return of(execution.pipeline().workspace(), execution.pipeline().project(), execution.pipeline().id(), null,
        execution.data());
  }

  /** {@code finish_date − start_date}, once both are set. */
  public Optional<Duration> duration() {
    return startedAt == null || finishedAt == null ? Optional.empty()
        : Optional.of(Duration.between(startedAt, finishedAt));
  }

  /**
   * When the first action started: the earliest {@code start_date} among the action executions, if
   * any action started.
   */
  public Optional<Instant> firstActionStartedAt() {
    Instant first = null;
    if (raw.getActionExecutions() != null) {
      for (ActionExecution a : raw.getActionExecutions()) {
        Instant s = instant(a.getStartDate());
        if (s != null && (first == null || s.isBefore(first))) {
          first = s;
        }
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * Queue time: from the execution's {@code start_date} to the first action's {@code start_date}
   * (Buddy sends no separate "enqueued at"), never negative; empty until an action has started.
   */
  public Optional<Duration> queueTime() {
    if (startedAt == null) {
      return Optional.empty();
    }
    return firstActionStartedAt().map(first -> {
      Duration d = Duration.between(startedAt, first);
      return d.isNegative() ? Duration.ZERO : d;
    });
  }

  /** What it ran on, for people: the branch name, {@code tag v1.0}, {@code PR pull/12}, or {@code -}. */
  public String ref() {
    if (branch != null) {
      return branch;
    }
    if (tag != null) {
      return "tag " + tag;
    }
    if (pullRequest != null) {
      return "PR " + pullRequest;
    }
    return "-";
  }

  /** {@code workspace/repo/workflow#id}: unique across Buddy. */
  public String key() {
    return workspace + "/" + repo + "/" + workflowId + "#" + id;
  }

  /** The first 7 characters of the revision, or {@code -}. */
  public String shortRevision() {
    return revision == null ? "-" : revision.substring(0, Math.min(7, revision.length()));
  }

  static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
