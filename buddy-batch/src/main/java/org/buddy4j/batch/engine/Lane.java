package org.buddy4j.batch.engine;

/**
 * The two kinds of request the runner sends, each with its own budget so neither starves the other:
 * starting runs ({@code POST …/executions}) and looking at them ({@code GET …/executions…}).
 */
public enum Lane {
  /** {@code POST …/pipelines/{pipeline_id}/executions}: paced at the rate the quota allows. */
  SUBMIT,
  /** Polls, reconciliation scans and baselines: a small separate share of the quota. */
  OBSERVE
}
