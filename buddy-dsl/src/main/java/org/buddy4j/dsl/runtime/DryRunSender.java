package org.buddy4j.dsl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.ExecutionOperationRequest;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.PlannedRequest;

/**
 * Records the requests a script would send and sends none. Runs are simulated: they start
 * INPROGRESS and, when waited for, end with the assumed status (SUCCESSFUL unless told otherwise);
 * what only Buddy can know (execution IDs, the revision a rollback picks) is a placeholder.
 */
public final class DryRunSender implements Sender {
  /** Stands for an execution ID in recorded paths. */
  public static final String EXECUTION_ID = "{execution_id}";

  private final List<PlannedRequest> requests = new ArrayList<>();
  private final String assumedOutcome;

  public DryRunSender(String assumedOutcome) {
    this.assumedOutcome = assumedOutcome;
  }

  /** What the script would have sent, in order. */
  public List<PlannedRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public IntegrationRef createIntegration(String workspace, Integration body) {
    record("POST", "/workspaces/" + workspace + "/integrations", body, null);
    return new IntegrationRef("{hash_id}", body.getName(), body.getIdentifier(), body.getType());
  }

  @Override
  public ExecutionPort run(String workspace, String project, int pipelineId, RunOptions options) {
    String path = pipelinePath(workspace, project, pipelineId) + "/executions";
    var body = options.toRequest();
    record("POST", path, body, null);
    String revision = body.getToRevision() == null ? null : body.getToRevision().getRevision();
    return new Simulated(path + "/" + EXECUTION_ID, ExecutionStatus.INPROGRESS,
        revision == null ? "<revision run " + (requests.size()) + " ran>" : revision);
  }

  @Override
  public ExecutionPort rollback(String workspace, String project, int pipelineId, RunOptions options) {
    record("GET", pipelinePath(workspace, project, pipelineId) + "/executions", null,
        "newest first, until the last SUCCESSFUL run before the newest finished one (same branch, another revision)");
    options.revision("<revision of the last SUCCESSFUL run of pipeline " + pipelineId
        + " before its newest finished one, same branch, another revision>");
    options.branch("<branch of the newest finished run>");
    if (options.comment() == null) {
      options.comment("<Rollback of #… to … (last successful run #…)>");
    }
    return run(workspace, project, pipelineId, options);
  }

  private static String pipelinePath(String workspace, String project, int pipelineId) {
    return "/workspaces/" + workspace + "/projects/" + project + "/pipelines/" + pipelineId;
  }

  private void record(String method, String path, Object body, String note) {
    JsonNode json = body == null ? null : BuddyJson.mapper().valueToTree(body);
    requests.add(new PlannedRequest(method, path, json, note));
  }

  /** A simulated run. */
  private final class Simulated implements ExecutionPort {
    private final String path;
    private final String status;
    private final String revision;

    Simulated(String path, String status, String revision) {
      this.path = path;
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
      record("GET", path, null, "polled until the run is over; assumed to end " + assumedOutcome);
      return new Simulated(path, assumedOutcome, revision);
    }

    @Override
    public ExecutionPort waitForApproval(Duration timeout) {
      if (finished() || ExecutionStatus.WAITING_FOR_APPLY.equals(status)) {
        return this;
      }
      record("GET", path, null, "polled until the run waits for approval");
      return new Simulated(path, ExecutionStatus.WAITING_FOR_APPLY, revision);
    }

    @Override
    public ExecutionPort refresh() {
      record("GET", path, null, null);
      return this;
    }

    @Override
    public ExecutionPort cancel() {
      return operate(ExecutionOperationRequest.OperationEnum.CANCEL, ExecutionStatus.TERMINATED);
    }

    @Override
    public ExecutionPort retry() {
      return operate(ExecutionOperationRequest.OperationEnum.RETRY, ExecutionStatus.INPROGRESS);
    }

    @Override
    public ExecutionPort approve() {
      return operate(ExecutionOperationRequest.OperationEnum.APPLY, ExecutionStatus.INPROGRESS);
    }

    private ExecutionPort operate(ExecutionOperationRequest.OperationEnum op, String next) {
      record("PATCH", path, new ExecutionOperationRequest().operation(op), null);
      return new Simulated(path, next, revision);
    }
  }
}
