package org.buddy4j.dsl.runtime;

import java.time.Duration;

/**
 * One pipeline run as a script sees it, real ({@link ClientSender}) or simulated ({@link DryRunSender}):
 * {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions/{execution_id}}.
 * Each action returns the new state.
 */
public interface ExecutionPort {
  /** The execution ID, or null in a dry run. */
  Integer id();

  String status();

  /** {@code to_revision.revision}, or null. */
  String revision();

  boolean finished();

  boolean successful();

  /** Polls until the run is over, at most {@code timeout}. */
  ExecutionPort waitUntilFinished(Duration timeout);

  /** Polls until the run waits for approval (WAITING_FOR_APPLY) or is over, at most {@code timeout}. */
  ExecutionPort waitForApproval(Duration timeout);

  ExecutionPort refresh();

  ExecutionPort cancel();

  ExecutionPort retry();

  ExecutionPort approve();
}
