package org.buddy4j.batch.engine;

/** How one run of a batch ended, for the report and the exit code. */
public enum Outcome {
  /** The run finished SUCCESSFUL. */
  SUCCEEDED,
  /** The run finished otherwise (FAILED, TERMINATED…), or Buddy refused to start it (4xx). */
  FAILED,
  /** Started, not waited for ({@code --no-wait}). */
  SUBMITTED,
  /** It cannot be told whether the run was started: look in Buddy, then decide. */
  UNKNOWN,
  /** Never sent (the batch stopped first). */
  NOT_STARTED
}
