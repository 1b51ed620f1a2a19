package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;

/**
 * A pipeline action ({@code …/pipelines/{pipeline_id}/actions/{action_id}}) with how long it runs on the
 * simulated clock and how many log lines it writes.
 */
final class ActionRecord {
  final int id;
  final String name;
  final String type;
  final long durationSeconds;
  final int logLines;
  final String triggerTime;

  ActionRecord(int id, String name, String type, long durationSeconds, int logLines, String triggerTime) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.durationSeconds = durationSeconds;
    this.logLines = logLines;
    this.triggerTime = triggerTime;
  }

  JsonObject toShortJson(Links links, String ws, String project, int pipelineId, String lastStatus) {
    return links.action(ws, project, pipelineId, id)
      .put("id", id)
      .put("name", name)
      .put("type", type)
      .put("trigger_time", triggerTime)
      .put("last_execution_status", lastStatus);
  }
}
