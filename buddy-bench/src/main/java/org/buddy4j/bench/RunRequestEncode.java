package org.buddy4j.bench;

import java.io.IOException;
import org.buddy4j.core.generated.model.RunExecutionRequest;

/**
 * Encoding a run request body ({@code executions-run.request.variables-actions.json}: revision,
 * comment, cache, priority, a plain and an encrypted variable, actions to run) as the Feign encoder
 * does before {@code POST …/pipelines/{pipeline_id}/executions}. Every binder writes the same bytes.
 */
public class RunRequestEncode extends EncodeBenchmarks {
  @Override
  protected Object model() throws IOException {
    return Binders.SDK.readValue(Payloads.runRequest(), RunExecutionRequest.class);
  }
}
