package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.batch.file.PipelineRef;

/**
 * What the engine knows about one pipeline ({@code …/pipelines/{pipeline_id}}): the newest execution
 * ID seen (so a new run's ID is known to be above it), its runs being polled, and runs waiting to be
 * reconciled. Event-loop only; small and bounded by the runs in flight.
 */
final class PipelineState {
  final PipelineRef ref;
  final PipelineClient client;
  /** The newest execution ID before the batch touched the pipeline (one GET, made once). */
  Future<Integer> baseline;
  int maxKnownId;
  /** Runs started and not over, by execution ID. */
  final TreeMap<Integer, Slot> running = new TreeMap<>();
  /** Runs whose POST may or may not have been applied. */
  final List<Slot> toReconcile = new ArrayList<>();
  boolean scanScheduled;
  boolean polling;

  PipelineState(PipelineRef ref, PipelineClient client) {
    this.ref = ref;
    this.client = client;
  }

  /** The floor for a POST sent now. */
  int floor() {
    return maxKnownId;
  }

  void saw(int executionId) {
    if (executionId > maxKnownId) {
      maxKnownId = executionId;
    }
  }
}
