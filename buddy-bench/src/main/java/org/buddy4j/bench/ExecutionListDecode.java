package org.buddy4j.bench;

import org.buddy4j.core.generated.model.ExecutionList;

/**
 * Decoding {@code GET …/pipelines/{pipeline_id}/executions?per_page=100}: a page of 100 runs built
 * from the seed-002 run response ({@link Payloads#executionListPage()}, about 360 KB compact) into the
 * generated {@code ExecutionList}.
 */
public class ExecutionListDecode extends DecodeBenchmarks {
  @Override
  protected byte[] payload() {
    return Payloads.executionListPage();
  }

  @Override
  protected Class<?> type() {
    return ExecutionList.class;
  }
}
