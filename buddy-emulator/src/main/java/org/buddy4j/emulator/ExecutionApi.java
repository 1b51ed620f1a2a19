package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Emulates pipeline runs: {@code GET/POST …/pipelines/{pipeline_id}/executions},
 * {@code GET/PATCH …/executions/{execution_id}} (RETRY, CANCEL, APPLY, APPLY_VARIABLES, RUN_DELAYED),
 * {@code GET …/action_executions/{action_execution_id}} and its {@code /logs}.
 */
final class ExecutionApi {
  private final Emulation emulation;

  ExecutionApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getExecutions", this::list)
      .on("runExecution", this::run)
      .on("getExecution", this::get)
      .on("updateExecution", this::update)
      .on("getActionExecution", this::actionExecution)
      .on("getActionExecutionLogs", this::logs)
      // The older route by the pipeline's action id ("action" in Buddy's docs, "actions" in its Go SDK).
      .on("getExecutionActionDetails", this::actionDetails)
      .on("getExecutionActionDetailsPlural", this::actionDetails);
  }

  private ExecutionViews views() {
    return new ExecutionViews(emulation.links, emulation.state());
  }

  private void list(ApiRequest req) {
    EmulatorState state = emulation.state();
    PipelineRecord pipeline = state.pipeline(req.workspace(), req.project(), req.pathInt("pipeline_id"));
    List<ExecutionRecord> newestFirst = new ArrayList<>(pipeline.executions.descendingMap().values());
    Paging<ExecutionRecord> page = Paging.of(newestFirst, req.queryInt("page", 1), req.queryInt("per_page", 20));
    Replies.json(req.rc, 200, views().page(pipeline, page));
  }

  private void run(ApiRequest req) {
    EmulatorState state = emulation.state();
    PipelineRecord pipeline = state.pipeline(req.workspace(), req.project(), req.pathInt("pipeline_id"));
    JsonObject body = req.body();
    Instant now = state.now();
    Set<Integer> actionsToRun = null;
    if (body.getJsonArray("actions_to_run") != null) {
      actionsToRun = new LinkedHashSet<>();
      for (Object id : body.getJsonArray("actions_to_run")) {
        actionsToRun.add(((Number) id).intValue());
      }
    }
    String branch = name(body, "branch");
    if (branch != null && !pipeline.project.branches.contains(branch)) {
      throw ApiError.badRequest("Field 'branch': branch '" + branch + "' does not exist in project '"
        + pipeline.project.name + "'");
    }
    Instant delayUntil = null;
    if (body.getString("delay_until") != null) {
      try {
        delayUntil = Instant.parse(body.getString("delay_until"));
      } catch (DateTimeParseException e) {
        throw ApiError.badRequest("Field 'delay_until' must be an ISO-8601 UTC date-time");
      }
    }
    ExecutionRecord e = state.newExecution(pipeline, now, actionsToRun);
    e.delayUntil = delayUntil;
    e.priority = body.getString("priority", "NORMAL");
    e.comment = body.getString("comment");
    e.environment = body.getString("environment");
    e.refresh = body.getBoolean("refresh", false);
    e.clearCache = body.getBoolean("clear_cache", false);
    e.tag = name(body, "tag");
    e.pullRequest = name(body, "pull_request");
    if (e.tag != null || e.pullRequest != null) {
      e.branch = branch;
    } else if (branch != null) {
      e.branch = branch;
    }
    String ref = e.tag != null ? "tag:" + e.tag : e.pullRequest != null ? "pr:" + e.pullRequest : e.branch;
    String toRevision = revision(body, "to_revision");
    e.toRevision = toRevision == null || "HEAD".equals(toRevision)
      ? EmulatorState.revisionOf(pipeline.project, ref) : toRevision;
    String fromRevision = revision(body, "from_revision");
    if (fromRevision != null) {
      e.fromRevision = fromRevision;
    }
    if (body.getJsonArray("variables") != null) {
      e.variables = body.getJsonArray("variables").copy();
    }
    Replies.json(req.rc, 200, views().execution(e));
  }

  private void get(ApiRequest req) {
    Replies.json(req.rc, 200, views().executionBuffer(execution(req)));
  }

  private void update(ApiRequest req) {
    EmulatorState state = emulation.state();
    ExecutionRecord e = execution(req);
    JsonObject body = req.body();
    Instant now = state.now();
    int userId = state.user.getInteger("id", 1);
    switch (body.getString("operation")) {
      case "CANCEL":
        e.cancel(now, userId);
        break;
      case "RETRY":
        e.retry(now);
        break;
      case "APPLY":
        e.apply(now, userId);
        break;
      case "APPLY_VARIABLES":
        e.applyVariables(now, userId, body.getJsonArray("variables"));
        break;
      case "RUN_DELAYED":
        e.runDelayed(now);
        break;
      default:
        throw ApiError.badRequest("Field 'operation' must be one of RETRY, CANCEL, APPLY, APPLY_VARIABLES, RUN_DELAYED");
    }
    e.pipeline.retention.recheck(e);
    Replies.json(req.rc, 200, views().execution(e));
  }

  private void actionExecution(ApiRequest req) {
    ExecutionRecord e = execution(req);
    ActionRun run = actionRun(e, req.path("action_execution_id"));
    Replies.json(req.rc, 200, views().actionExecution(e, run));
  }

  private void logs(ApiRequest req) {
    ExecutionRecord e = execution(req);
    ActionRun run = actionRun(e, req.path("action_execution_id"));
    List<String> lines = run.logLines(emulation.state().now());
    int offset = req.queryInt("offset", 0);
    int limit = req.queryInt("limit", 100);
    int from = Math.min(offset, lines.size());
    int to = Math.min(lines.size(), from + limit);
    JsonObject links = emulation.links.actionExecution(e.pipeline.workspace(), e.pipeline.project.name,
      e.pipeline.id, e.id, run.id);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/logs")
      .put("html_url", links.getString("html_url"))
      .put("offset", offset)
      .put("element_count", to - from)
      .put("total_element_count", lines.size())
      .put("logs", new JsonArray(new ArrayList<>(lines.subList(from, to)))));
  }

  private ExecutionRecord execution(ApiRequest req) {
    return emulation.state().execution(req.workspace(), req.project(), req.pathInt("pipeline_id"),
      req.pathInt("execution_id"));
  }

  private void actionDetails(ApiRequest req) {
    ExecutionRecord e = execution(req);
    int actionId = req.pathInt("action_id");
    ActionRun run = e.runs.stream().filter(r -> r.action.id == actionId).findFirst()
      .orElseThrow(() -> ApiError.notFound("Action " + actionId + " not found in execution " + e.id));
    Replies.json(req.rc, 200, views().actionExecution(e, run));
  }

  private static ActionRun actionRun(ExecutionRecord e, String id) {
    return e.runs.stream().filter(r -> r.id.equals(id)).findFirst()
      .orElseThrow(() -> ApiError.notFound("Action execution '" + id + "' not found in execution " + e.id));
  }

  private static String name(JsonObject body, String field) {
    JsonObject ref = body.getJsonObject(field);
    return ref == null ? null : ref.getString("name");
  }

  private static String revision(JsonObject body, String field) {
    JsonObject ref = body.getJsonObject(field);
    return ref == null ? null : ref.getString("revision");
  }
}
