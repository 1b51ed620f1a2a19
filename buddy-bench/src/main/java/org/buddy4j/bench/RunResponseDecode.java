package org.buddy4j.bench;

import org.buddy4j.core.generated.model.ExecutionData;

/**
 * Decoding the response of {@code POST …/pipelines/{pipeline_id}/executions} (the docs' seed-002 run,
 * {@code executions-run.response.json}, 3.6 KB compact) into the generated {@code ExecutionData}.
 */
public class RunResponseDecode extends DecodeBenchmarks {
  @Override
  protected byte[] payload() {
    return Payloads.runResponse();
  }

  @Override
  protected Class<?> type() {
    return ExecutionData.class;
  }
}
