package org.buddy4j.dsl.runtime;

import org.buddy4j.core.RunOptions;

/**
 * Where a script's requests go: to Buddy through buddy-core's client ({@link ClientSender}), or to a
 * recorder that sends nothing ({@link DryRunSender}). Bodies arrive already checked. Declarations are not
 * sent from here: core's {@code Provisioner} applies them before the statements run.
 */
public interface Sender {
  /**
   * The ID of the project's pipeline with this name ({@code run pipeline "deploy"}): declared by the script
   * (and applied before the statements run) or already in Buddy.
   */
  int pipelineId(String workspace, String project, String name);

  /** {@code POST /workspaces/{workspace}/projects/{project}/pipelines/{id}/executions}. */
  ExecutionPort run(String workspace, String project, int pipelineId, RunOptions options);

  /**
   * A rollback, by buddy-core's one rule ({@code org.buddy4j.core.rollback.RollbackPlan}): reads
   * {@code GET …/pipelines/{id}/executions}, newest first, and runs the revision of the last
   * SUCCESSFUL run before the newest finished one, on the same branch and at another revision, with
   * {@code options} (their comment, priority, variables; revision and branch are the plan's).
   *
   * @throws org.buddy4j.core.rollback.NoRollbackTargetException if there is nothing to roll back to
   */
  ExecutionPort rollback(String workspace, String project, int pipelineId, RunOptions options);
}
