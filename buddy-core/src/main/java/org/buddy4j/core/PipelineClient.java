package org.buddy4j.core;

import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.generated.api.ExecutionsApi;
import org.buddy4j.core.generated.api.PipelinesApi;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ExecutionList;
import org.buddy4j.core.generated.model.ExecutionOperationRequest;
import org.buddy4j.core.generated.model.Pipeline;
import org.buddy4j.core.generated.model.RunExecutionRequest;
import org.buddy4j.core.generated.model.Variable;

/** One pipeline: {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}}. */
public final class PipelineClient {
  private final ClientContext context;
  private final String workspace;
  private final String project;
  private final int pipelineId;

  PipelineClient(ClientContext context, String workspace, String project, int pipelineId) {
    this.context = context;
    this.workspace = workspace;
    this.project = project;
    this.pipelineId = pipelineId;
  }

  public String workspace() {
    return workspace;
  }

  public String project() {
    return project;
  }

  public int id() {
    return pipelineId;
  }

  /** {@code GET …/pipelines/{pipeline_id}}. */
  public Pipeline get() {
    return context.api(PipelinesApi.class).getPipeline(workspace, project, pipelineId);
  }

  /**
   * The pipeline's variables: {@code /workspaces/{workspace}/variables?projectName=…&pipelineId=…}; one created
   * here belongs to this pipeline. Read, changed and deleted by ID like the workspace's.
   */
  public Resources<Variable, Integer, Variable, Variable> variables() {
    return Scopes.variables(context, workspace, project, pipelineId);
  }

  /**
   * {@code POST …/pipelines/{pipeline_id}/executions}: starts a run, exactly once. If the answer is
   * lost after the request was sent, this throws {@code BuddyOutcomeUnknownException} and does not
   * send it again: look for the run (for example by a unique comment) before starting another.
   */
  public Execution run(RunOptions options) {
    Objects.requireNonNull(options, "options");
    RunExecutionRequest body = options.body();
    context.redactor().addSecretsOf(body);
    return new Execution(this, context.api(ExecutionsApi.class).runExecution(workspace, project, pipelineId, body));
  }

  /** {@code GET …/executions}, newest first, every page, lazily (50 per page). */
  public Stream<Execution> executions() {
    return executions(50);
  }

  /** {@code GET …/executions}, newest first, {@code perPage} per request. */
  public Stream<Execution> executions(int perPage) {
    return Pages.stream((page, size) -> {
      ExecutionList list = context.api(ExecutionsApi.class).getExecutions(workspace, project, pipelineId, page, size);
      return new Pages.Page<>(list.getExecutions(), list.getTotalPageCount());
    }, perPage).map(e -> new Execution(this, e));
  }

  /**
   * {@code GET …/executions?page&per_page}, newest first: one page (1-based) with its envelope
   * ({@code total_page_count}, {@code total_element_count}), for callers that page or pace themselves.
   */
  public ExecutionList executionsPage(int page, int perPage) {
    return context.api(ExecutionsApi.class).getExecutions(workspace, project, pipelineId, page, perPage);
  }

  /** {@code GET …/executions/{execution_id}}. */
  public Execution execution(int executionId) {
    return new Execution(this, context.api(ExecutionsApi.class).getExecution(workspace, project, pipelineId, executionId));
  }

  /**
   * {@code PATCH …/executions/{execution_id}} with {@code CANCEL}, for a run known only by its ID (no
   * read first): e.g. the batch runner cancelling a run that was started twice.
   */
  public Execution cancel(int executionId) {
    return new Execution(this, context.api(ExecutionsApi.class).updateExecution(workspace, project, pipelineId, executionId,
        new ExecutionOperationRequest().operation(ExecutionOperationRequest.OperationEnum.CANCEL)));
  }

  /**
   * The pipeline's actions, {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/actions}
   * (paged, 50 a request), by action ID: list, get, create ({@code POST}), update ({@code PATCH}), delete.
   * An action's secret fields (passwords, keys in its variables) are remembered by the redactor as they are sent.
   */
  public Resources<Action, Integer, Action, Action> actions() {
    PipelinesApi api = context.api(PipelinesApi.class);
    return Resources.<Action, Integer, Action, Action>at("/workspaces/" + workspace + "/projects/" + project
            + "/pipelines/" + pipelineId + "/actions")
        .paged((page, perPage) -> new Pages.Page<>(
            api.getPipelineActions(workspace, project, pipelineId, page, perPage).getActions(), null), 50)
        .get(id -> api.getPipelineAction(workspace, project, pipelineId, id))
        .create(body -> api.createPipelineAction(workspace, project, pipelineId, context.sending(body)))
        .update((id, body) -> api.updatePipelineAction(workspace, project, pipelineId, id, context.sending(body)))
        .delete(id -> api.deletePipelineAction(workspace, project, pipelineId, id))
        .build();
  }

  ClientContext context() {
    return context;
  }

  @Override
  public String toString() {
    return "Pipeline[" + workspace + "/" + project + "/" + pipelineId + "]";
  }
}
