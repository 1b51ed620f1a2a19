package org.buddy4j.dsl.runtime;

import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.dsl.IntegrationRef;

/**
 * Where a script's requests go: to Buddy through buddy-core's client ({@link ClientSender}), or to a
 * recorder that sends nothing ({@link DryRunSender}). Bodies arrive already checked.
 */
public interface Sender {
  /** {@code POST /workspaces/{workspace}/integrations}. */
  IntegrationRef createIntegration(String workspace, Integration body);

  /** {@code POST /workspaces/{workspace}/projects/{project}/pipelines/{id}/executions}. */
  ExecutionPort run(String workspace, String project, int pipelineId, RunOptions options);

  /**
   * {@code GET …/pipelines/{id}/executions}, newest first: the {@code to_revision} of the newest
   * SUCCESSFUL execution, or null if there is none.
   */
  String newestSuccessfulRevision(String workspace, String project, int pipelineId);
}
