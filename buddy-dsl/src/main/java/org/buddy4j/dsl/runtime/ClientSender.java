package org.buddy4j.dsl.runtime;

import java.time.Duration;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.Pipeline;
import org.buddy4j.core.rollback.RollbackPlan;
import org.buddy4j.dsl.DslException;

/** Sends a script's requests to Buddy through buddy-core's {@link BuddyClient}. */
public final class ClientSender implements Sender {
  private final BuddyClient client;

  public ClientSender(BuddyClient client) {
    this.client = client;
  }

  @Override
  public int pipelineId(String workspace, String project, String name) {
    List<Pipeline> pipelines = client.workspace(workspace).project(project).pipelines().list().toList();
    return pipelines.stream().filter(p -> name.equals(p.getName())).findFirst().map(Pipeline::getId)
        .orElseThrow(() -> new DslException("project " + project + " has no pipeline named \"" + name + "\"; its pipelines: "
            + String.join(", ", pipelines.stream().map(Pipeline::getName).toList())));
  }

  @Override
  public ExecutionPort run(String workspace, String project, int pipelineId, RunOptions options) {
    return new Real(client.workspace(workspace).project(project).pipeline(pipelineId).run(options));
  }

  @Override
  public ExecutionPort rollback(String workspace, String project, int pipelineId, RunOptions options) {
    PipelineClient pipeline = client.workspace(workspace).project(project).pipeline(pipelineId);
    return new Real(RollbackPlan.of(pipeline).execute(options));
  }

  /** A real execution. */
  private record Real(Execution execution) implements ExecutionPort {
    @Override
    public Integer id() {
      return execution.id();
    }

    @Override
    public String status() {
      return execution.status();
    }

    @Override
    public String revision() {
      return execution.revision().orElse(null);
    }

    @Override
    public boolean finished() {
      return execution.isFinished();
    }

    @Override
    public boolean successful() {
      return execution.isSuccessful();
    }

    @Override
    public ExecutionPort waitUntilFinished(Duration timeout) {
      return new Real(execution.waitUntilFinished(timeout));
    }

    @Override
    public ExecutionPort waitForApproval(Duration timeout) {
      return new Real(execution.waitUntil(
          e -> e.isFinished() || ExecutionStatus.WAITING_FOR_APPLY.equals(e.status()), timeout));
    }

    @Override
    public ExecutionPort refresh() {
      return new Real(execution.refresh());
    }

    @Override
    public ExecutionPort cancel() {
      return new Real(execution.cancel());
    }

    @Override
    public ExecutionPort retry() {
      return new Real(execution.retry());
    }

    @Override
    public ExecutionPort approve() {
      return new Real(execution.approve());
    }
  }
}
