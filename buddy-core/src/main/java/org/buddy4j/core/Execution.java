package org.buddy4j.core;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.generated.api.ExecutionsApi;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.ActionExecutionLogs;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.ExecutionOperationRequest;
import org.buddy4j.core.generated.model.PassVariable;

/**
 * A snapshot of one pipeline run, with what can be done to it:
 * {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions/{execution_id}}.
 * Immutable: {@link #refresh()}, {@link #cancel()} and the like return a new snapshot.
 * {@link #data()} is the full generated model as Buddy sent it.
 */
public final class Execution {
  private final PipelineClient pipeline;
  private final ExecutionData data;

  Execution(PipelineClient pipeline, ExecutionData data) {
    this.pipeline = pipeline;
    this.data = Objects.requireNonNull(data, "Buddy returned no execution");
    if (data.getId() == null) {
      throw new IllegalStateException("Buddy returned an execution without an id");
    }
  }

  /** The execution's ID (per pipeline). */
  public int id() {
    return data.getId();
  }

  /** The status as Buddy sent it (an open set; see {@link ExecutionStatus}). */
  public String status() {
    return data.getStatus();
  }

  /** Whether the run is over (successfully or not). */
  public boolean isFinished() {
    return ExecutionStatus.isFinished(data.getStatus(), data.getFinishDate() != null);
  }

  /** Whether the run finished successfully. */
  public boolean isSuccessful() {
    return ExecutionStatus.SUCCESSFUL.equals(data.getStatus());
  }

  /** The revision it ran ({@code to_revision.revision}), if Buddy said. */
  public Optional<String> revision() {
    return Optional.ofNullable(data.getToRevision()).map(c -> c.getRevision());
  }

  /** The generated model, as Buddy sent it. */
  public ExecutionData data() {
    return data;
  }

  /** The pipeline this run belongs to. */
  public PipelineClient pipeline() {
    return pipeline;
  }

  /** The action executions in this snapshot. */
  public List<ActionExecution> actionExecutions() {
    return data.getActionExecutions() == null ? List.of() : data.getActionExecutions();
  }

  /** {@code GET …/executions/{execution_id}}: the current state. */
  public Execution refresh() {
    return pipeline.execution(id());
  }

  /** {@code PATCH …} with {@code CANCEL}. */
  public Execution cancel() {
    return operate(new ExecutionOperationRequest().operation(ExecutionOperationRequest.OperationEnum.CANCEL));
  }

  /** {@code PATCH …} with {@code RETRY}: runs a failed or terminated execution again. */
  public Execution retry() {
    return operate(new ExecutionOperationRequest().operation(ExecutionOperationRequest.OperationEnum.RETRY));
  }

  /** {@code PATCH …} with {@code APPLY}: approves a run waiting for approval. */
  public Execution approve() {
    return operate(new ExecutionOperationRequest().operation(ExecutionOperationRequest.OperationEnum.APPLY));
  }

  /** {@code PATCH …} with {@code RUN_DELAYED}: starts a scheduled run now. */
  public Execution runNow() {
    return operate(new ExecutionOperationRequest().operation(ExecutionOperationRequest.OperationEnum.RUN_DELAYED));
  }

  /** {@code PATCH …} with {@code APPLY_VARIABLES}: gives a waiting run the variables it asks for. */
  public Execution applyVariables(java.util.Map<String, String> variables) {
    ExecutionOperationRequest body = new ExecutionOperationRequest()
        .operation(ExecutionOperationRequest.OperationEnum.APPLY_VARIABLES);
    variables.forEach((k, v) -> body.addVariablesItem(new PassVariable().key(k).value(v)));
    return operate(body);
  }

  private Execution operate(ExecutionOperationRequest body) {
    return new Execution(pipeline, api().updateExecution(pipeline.workspace(), pipeline.project(), pipeline.id(), id(), body));
  }

  /**
   * Polls until the run is over and returns the final snapshot. Polls with capped backoff (the
   * client's poll interval, growing by half each time up to its maximum). ENQUEUED, INITIAL,
   * INPROGRESS, TERMINATING and WAITING_* are not over.
   *
   * @throws BuddyTimeoutException if it is still running after {@code timeout}
   */
  public Execution waitUntilFinished(Duration timeout) {
    return waitUntil(Execution::isFinished, timeout);
  }

  /**
   * Polls until a snapshot meets {@code condition} (this one included, without a request) and returns
   * it; e.g. {@code waitUntil(e -> e.isFinished() || "WAITING_FOR_APPLY".equals(e.status()), …)}.
   * Polls as {@link #waitUntilFinished} does, on the client's clock and sleeper.
   *
   * @throws BuddyTimeoutException if no snapshot met it within {@code timeout} (the message names the
   *     last status seen)
   */
  public Execution waitUntil(Predicate<? super Execution> condition, Duration timeout) {
    return pipeline.context().await(this, condition, Execution::refresh, timeout,
        current -> "execution " + id() + " of " + pipeline + " is still " + current.status());
  }

  /** {@code GET …/action_executions/{action_execution_id}}. */
  public ActionExecution actionExecution(String actionExecutionId) {
    return api().getActionExecution(pipeline.workspace(), pipeline.project(), pipeline.id(), id(), actionExecutionId);
  }

  /**
   * {@code GET …/executions/{execution_id}/action/{action_id}}: the run of one pipeline action (by the
   * action's ID, not the action execution's), with its {@code log[]} — the older docs' route, which Buddy
   * still answers and older clients call. {@link #actionExecution(String)} is the newer one.
   */
  public ActionExecution actionDetails(int actionId) {
    return api().getExecutionActionDetails(pipeline.workspace(), pipeline.project(), pipeline.id(), id(), actionId);
  }

  /** {@code GET …/action_executions/{id}/logs}: every line so far, paged lazily (1000 per request). */
  public Stream<String> logs(String actionExecutionId) {
    Iterator<String> it = new LogReader(this, actionExecutionId, false);
    return Stream.iterate(it, Iterator::hasNext, i -> i).map(Iterator::next);
  }

  /**
   * Every line of an action's log, following it while the action runs: the iterator blocks (polling
   * with the client's poll interval) until new lines arrive or the action finishes.
   */
  public Iterator<String> followLogs(String actionExecutionId) {
    return new LogReader(this, actionExecutionId, true);
  }

  /** {@code GET …/action_executions/{id}/logs?offset&limit}: one slice of the log with its total line count. */
  public ActionExecutionLogs logPage(String actionExecutionId, int offset, int limit) {
    return api().getActionExecutionLogs(pipeline.workspace(), pipeline.project(), pipeline.id(), id(),
        actionExecutionId, offset, limit);
  }

  private ExecutionsApi api() {
    return pipeline.context().api(ExecutionsApi.class);
  }

  @Override
  public String toString() {
    return "Execution[" + pipeline.workspace() + "/" + pipeline.project() + "/" + pipeline.id() + " #" + id()
        + " " + status() + "]";
  }
}
