package org.buddy4j.dsl.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.http.RequestRecorder;
import org.buddy4j.core.rollback.NoRollbackTargetException;
import org.buddy4j.core.rollback.RollbackPlan;
import org.buddy4j.dsl.PlannedRequest;

/**
 * Records the requests a script would send and sends none: every call goes through buddy-core's
 * client, built to record instead of sending ({@link RequestRecorder}), so each line is the method, path
 * and body core itself built. Runs are simulated: they start INPROGRESS and, when waited for, end with
 * the assumed status (SUCCESSFUL unless told otherwise); what only Buddy can know (execution IDs, the
 * revision a rollback picks) is a placeholder.
 */
public final class DryRunSender implements Sender {
  /** Stands for an execution ID in recorded paths. */
  public static final String EXECUTION_ID = "{execution_id}";
  /** Stands for the ID of a pipeline run by name ({@code run pipeline "deploy"}) in recorded paths. */
  public static final String PIPELINE_ID = "{pipeline_id}";
  /** The ID a pipeline named in a run statement has in a dry run; written as {@link #PIPELINE_ID}. */
  private static final int SIMULATED_PIPELINE = Integer.MAX_VALUE - 1;
  /** The ID the recorder gives every simulated run; written as {@link #EXECUTION_ID} in the lines. */
  private static final int SIMULATED_ID = Integer.MAX_VALUE;

  private final List<PlannedRequest> requests = new ArrayList<>();
  private final RequestRecorder recorder = new RequestRecorder(DryRunSender::answer);
  private final BuddyClient client = BuddyClient.builder().token("dry-run: nothing is sent")
      .endpoint("https://dry-run.invalid").recordInstead(recorder).build();
  private final String assumedOutcome;

  public DryRunSender(String assumedOutcome) {
    this.assumedOutcome = assumedOutcome;
  }

  /** What the script would have sent, in order. */
  public List<PlannedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The check run cannot read Buddy: a pipeline named in a run statement is found when the script runs. */
  @Override
  public int pipelineId(String workspace, String project, String name) {
    return SIMULATED_PIPELINE;
  }

  @Override
  public ExecutionPort run(String workspace, String project, int pipelineId, RunOptions options) {
    Execution started = record(null, () -> client.workspace(workspace).project(project).pipeline(pipelineId).run(options));
    var body = options.toRequest();
    String revision = body.getToRevision() == null ? null : body.getToRevision().getRevision();
    return new Simulated(started, ExecutionStatus.INPROGRESS,
        revision == null ? "<revision run " + requests.size() + " ran>" : revision);
  }

  @Override
  public ExecutionPort rollback(String workspace, String project, int pipelineId, RunOptions options) {
    // The plan reads the pipeline's runs through core (recorded: the line is the GET core builds); the
    // recorder knows no history, so what only Buddy's runs can tell is a placeholder.
    record("newest first, until the last SUCCESSFUL run before the newest finished one (same branch, another revision)",
        () -> {
          try {
            return RollbackPlan.of(client.workspace(workspace).project(project).pipeline(pipelineId));
          } catch (NoRollbackTargetException expected) {
            return null;
          }
        });
    options.revision("<revision of the last SUCCESSFUL run of pipeline " + pipelineId
        + " before its newest finished one, same branch, another revision>");
    options.branch("<branch of the newest finished run>");
    if (options.comment() == null) {
      options.comment("<Rollback of #… to … (last successful run #…)>");
    }
    return run(workspace, project, pipelineId, options);
  }

  /** Makes one call through core and notes the requests it built. */
  private <T> T record(String note, Supplier<T> call) {
    int before = recorder.requests().size();
    T result = call.get();
    for (RequestRecorder.Described r : recorder.requests().subList(before, recorder.requests().size())) {
      requests.add(new PlannedRequest(r.method(), r.path().replace("/executions/" + SIMULATED_ID, "/executions/" + EXECUTION_ID)
          .replace("/pipelines/" + SIMULATED_PIPELINE + "/", "/pipelines/" + PIPELINE_ID + "/"), json(r.body()), note));
    }
    return result;
  }

  private static JsonNode json(String body) {
    try {
      return body == null ? null : BuddyJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("core wrote a body that is not JSON", e);
    }
  }

  /**
   * What the recorder answers: a run is
   * INPROGRESS with the simulated ID; a list of runs is empty.
   */
  private static String answer(RequestRecorder.Described request) {
    String path = request.path();
    if (path.matches(".*/executions(\\?.*)?")) {
      return request.method().equals("GET") ? "{\"executions\": []}"
          : "{\"id\": " + SIMULATED_ID + ", \"status\": \"INPROGRESS\"}";
    }
    if (path.contains("/executions/")) {
      return "{\"id\": " + SIMULATED_ID + ", \"status\": \"INPROGRESS\"}";
    }
    return "{}";
  }

  /** A simulated run; its requests are built by core on the recorded execution. */
  private final class Simulated implements ExecutionPort {
    private final Execution execution;
    private final String status;
    private final String revision;

    Simulated(Execution execution, String status, String revision) {
      this.execution = execution;
      this.status = status;
      this.revision = revision;
    }

    @Override
    public Integer id() {
      return null;
    }

    @Override
    public String status() {
      return status;
    }

    @Override
    public String revision() {
      return revision;
    }

    @Override
    public boolean finished() {
      return ExecutionStatus.isFinished(status, false);
    }

    @Override
    public boolean successful() {
      return ExecutionStatus.SUCCESSFUL.equals(status);
    }

    @Override
    public ExecutionPort waitUntilFinished(Duration timeout) {
      if (finished()) {
        return this;
      }
      record("polled until the run is over; assumed to end " + assumedOutcome, execution::refresh);
      return new Simulated(execution, assumedOutcome, revision);
    }

    @Override
    public ExecutionPort waitForApproval(Duration timeout) {
      if (finished() || ExecutionStatus.WAITING_FOR_APPLY.equals(status)) {
        return this;
      }
      record("polled until the run waits for approval", execution::refresh);
      return new Simulated(execution, ExecutionStatus.WAITING_FOR_APPLY, revision);
    }

    @Override
    public ExecutionPort refresh() {
      record(null, execution::refresh);
      return this;
    }

    @Override
    public ExecutionPort cancel() {
      record(null, execution::cancel);
      return new Simulated(execution, ExecutionStatus.TERMINATED, revision);
    }

    @Override
    public ExecutionPort retry() {
      record(null, execution::retry);
      return new Simulated(execution, ExecutionStatus.INPROGRESS, revision);
    }

    @Override
    public ExecutionPort approve() {
      record(null, execution::approve);
      return new Simulated(execution, ExecutionStatus.INPROGRESS, revision);
    }
  }
}
