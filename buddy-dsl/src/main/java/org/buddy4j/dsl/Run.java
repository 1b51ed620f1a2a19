package org.buddy4j.dsl;

import java.time.Duration;
import org.buddy4j.dsl.context.WordValues;
import org.buddy4j.dsl.runtime.DslRuntime;
import org.buddy4j.dsl.runtime.ExecutionPort;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;

/**
 * What {@code run …} and {@code rollback …} return: one pipeline run
 * ({@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions/{execution_id}}),
 * to wait for, read and act on. It keeps the latest state it read; actions return the run itself.
 *
 * <pre>{@code
 * def r = run pipeline 2 on branch "master"
 * r.waitUntilFinished()
 * if (r.failed) rollback pipeline 2
 * }</pre>
 */
public final class Run {
  private final DslRuntime runtime;
  private final String workspace;
  private final String project;
  private final int pipelineId;
  private ExecutionPort execution;

  public Run(DslRuntime runtime, String workspace, String project, int pipelineId, ExecutionPort execution) {
    this.runtime = runtime;
    this.workspace = workspace;
    this.project = project;
    this.pipelineId = pipelineId;
    this.execution = execution;
  }

  /** The execution's ID (null in a dry run). */
  public Integer getId() {
    return execution.id();
  }

  /** The status when last read (ENQUEUED, INPROGRESS, SUCCESSFUL, FAILED, TERMINATED, …). */
  public String getStatus() {
    return execution.status();
  }

  public boolean isSuccessful() {
    return execution.successful();
  }

  /** Over, but not SUCCESSFUL. */
  public boolean isFailed() {
    return execution.finished() && !execution.successful();
  }

  public boolean isFinished() {
    return execution.finished();
  }

  /** The revision it ran, or null. */
  public String getRevision() {
    return execution.revision();
  }

  public int getPipelineId() {
    return pipelineId;
  }

  /** Waits until the run is over: at most 60 minutes (configurable) and never past the script's time limit. */
  public Run waitUntilFinished() {
    execution = execution.waitUntilFinished(runtime.waitBudget(null));
    return this;
  }

  /** Waits at most this many minutes. */
  public Run waitFor(Object minutes) {
    int m = WordValues.number(Vocabulary.get().block(Vocabulary.RESULT).word("waitFor").orElseThrow(), minutes);
    if (m <= 0) {
      throw new DslException("waitFor expects a positive number of minutes");
    }
    execution = execution.waitUntilFinished(runtime.waitBudget(Duration.ofMinutes(m)));
    return this;
  }

  /** Waits until the run stops at an approval gate (WAITING_FOR_APPLY), or is over. */
  public Run waitForApproval() {
    execution = execution.waitForApproval(runtime.waitBudget(null));
    return this;
  }

  /** Reads the current state. */
  public Run refresh() {
    execution = execution.refresh();
    return this;
  }

  /** Cancels it ({@code PATCH … CANCEL}). */
  public Run cancel() {
    execution = execution.cancel();
    return this;
  }

  /** Runs a failed run again ({@code PATCH … RETRY}). */
  public Run retry() {
    execution = execution.retry();
    return this;
  }

  /** Approves a run waiting for approval ({@code PATCH … APPLY}). */
  public Run approve() {
    execution = execution.approve();
    return this;
  }

  public Object methodMissing(String name, Object args) {
    throw unknown(name);
  }

  public Object propertyMissing(String name) {
    throw unknown(name);
  }

  public void propertyMissing(String name, Object value) {
    throw new DslException("a run's result cannot be changed ('" + name + " = …')");
  }

  private DslException unknown(String name) {
    var block = Vocabulary.get().block(Vocabulary.RESULT);
    return new DslException(Messages.unknownWord(name, block.title(), block.names()));
  }

  @Override
  public String toString() {
    Integer id = getId();
    return "run " + (id == null ? "(dry run)" : "#" + id) + " of pipeline " + pipelineId + " in " + workspace + "/" + project
        + ": " + getStatus();
  }
}
