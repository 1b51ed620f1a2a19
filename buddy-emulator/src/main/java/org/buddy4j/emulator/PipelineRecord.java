package org.buddy4j.emulator;

import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pipeline ({@code …/projects/{project_name}/pipelines/{pipeline_id}}): the fields the API set, its
 * actions, how its runs behave on the simulated clock ({@code failAt}, {@code waitForApproval}…), and
 * its executions.
 */
final class PipelineRecord {
  /** Fields computed by the emulator; a create or update cannot set them. */
  static final List<String> READ_ONLY = List.of("url", "html_url", "id", "last_execution_status",
    "last_execution_revision", "create_date", "project", "creator", "actions", "clear_cache");

  final int id;
  final ProjectRecord project;
  final Instant createDate;
  /** The pipeline's own fields (name, refs, priority, events…), as created and patched. */
  final JsonObject definition;
  final List<ActionRecord> actions = new ArrayList<>();
  final TreeMap<Integer, ExecutionRecord> executions = new TreeMap<>();
  /** Which of {@link #executions} the run-history cap may drop. */
  final RunRetention retention = new RunRetention(executions);
  Integer failAt;
  boolean failAlways;
  Integer waitForApprovalAt;
  Integer waitForVariablesAt;
  long queueSeconds = 1;
  private final EncodedJson encodedShort = new EncodedJson();
  int nextExecutionId = 1;

  PipelineRecord(int id, ProjectRecord project, Instant createDate, JsonObject definition) {
    this.id = id;
    this.project = project;
    this.createDate = createDate;
    this.definition = definition;
  }

  String name() {
    return definition.getString("name");
  }

  String workspace() {
    return project.workspace;
  }

  ExecutionRecord latest() {
    Map.Entry<Integer, ExecutionRecord> last = executions.lastEntry();
    return last == null ? null : last.getValue();
  }

  /**
   * Keeps at most {@code cap} runs: drops the oldest finished ones (a run still going is never dropped,
   * so a client polling it never sees it vanish). Ids are never reused; a dropped run answers 404.
   */
  void dropOldestFinished(int cap, Instant now) {
    retention.dropOldestFinished(cap, now);
  }

  String lastStatus() {
    ExecutionRecord last = latest();
    return last == null ? "INITIAL" : last.status;
  }

  String lastRevision() {
    ExecutionRecord last = latest();
    return last == null ? null : last.toRevision;
  }

  /** {@link #toShortJson}'s bytes, made again when anything it shows changes (its latest run's status, say). */
  SerializedString encodedShortJson(Links links) {
    JsonArray refs = definition.getJsonArray("refs");
    return encodedShort.of(() -> toShortJson(links), links.api(), workspace(), project.name, id, name(),
      definition.getString("on"), refs == null ? null : refs.getList(), lastStatus(), lastRevision());
  }

  /** The short form inside an execution, as in the docs' run response. */
  JsonObject toShortJson(Links links) {
    return links.pipeline(workspace(), project.name, id)
      .put("id", id)
      .put("name", name())
      .put("on", definition.getString("on", "CLICK"))
      .put("refs", definition.getJsonArray("refs", new JsonArray()))
      .put("last_execution_status", lastStatus())
      .put("last_execution_revision", lastRevision());
  }

  JsonObject toJson(Links links, JsonObject creator) {
    JsonObject out = toShortJson(links);
    definition.forEach(e -> {
      if (!out.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    out.put("priority", definition.getString("priority", "NORMAL"))
      .put("create_date", createDate.toString())
      .put("project", project.toShortJson(links))
      .put("creator", creator);
    JsonArray acts = new JsonArray();
    actions.forEach(a -> acts.add(a.toShortJson(links, workspace(), project.name, id, lastStatus())));
    out.put("actions", acts);
    return out;
  }
}
