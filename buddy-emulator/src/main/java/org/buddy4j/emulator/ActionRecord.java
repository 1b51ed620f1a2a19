package org.buddy4j.emulator;

import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * A pipeline action ({@code …/pipelines/{pipeline_id}/actions/{action_id}}) with how long it runs on the
 * simulated clock and how many log lines it writes.
 */
final class ActionRecord {
  final int id;
  String name;
  final String type;
  /** Fields given on create or update beyond the simulated ones (commands, run_next…), answered as given. */
  final JsonObject settings = new JsonObject();
  final long durationSeconds;
  final int logLines;
  final String triggerTime;
  /** By the run's status it shows (a handful), so a page of runs in different states reuses each. */
  private final Map<String, EncodedJson> encodedShort = new HashMap<>();

  ActionRecord(int id, String name, String type, long durationSeconds, int logLines, String triggerTime) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.durationSeconds = durationSeconds;
    this.logLines = logLines;
    this.triggerTime = triggerTime;
  }

  /** {@link #toShortJson}'s bytes, made again when anything it shows changes. */
  SerializedString encodedShortJson(Links links, String ws, String project, int pipelineId, String lastStatus) {
    return encodedShort.computeIfAbsent(lastStatus, s -> new EncodedJson())
      .of(() -> toShortJson(links, ws, project, pipelineId, lastStatus), links.api(), ws, project, pipelineId, id, name,
        type, triggerTime, lastStatus, settings.isEmpty() ? null : settings.encode());
  }

  JsonObject toShortJson(Links links, String ws, String project, int pipelineId, String lastStatus) {
    return links.action(ws, project, pipelineId, id).mergeIn(settings)
      .put("id", id)
      .put("name", name)
      .put("type", type)
      .put("trigger_time", triggerTime)
      .put("last_execution_status", lastStatus);
  }
}
