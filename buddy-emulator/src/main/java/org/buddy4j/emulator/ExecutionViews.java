package org.buddy4j.emulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Renders executions and action executions in the shape of the docs' run response. */
final class ExecutionViews {
  private final Links links;
  private final EmulatorState state;

  ExecutionViews(Links links, EmulatorState state) {
    this.links = links;
    this.state = state;
  }

  JsonObject member(String ws, int id) {
    JsonObject m = state.member(id);
    return links.member(ws, id)
      .put("id", id)
      .put("name", m.getString("name"))
      .put("avatar_url", m.getString("avatar_url"));
  }

  JsonObject commit(ExecutionRecord e, String revision) {
    ProjectRecord project = e.pipeline.project;
    String ws = project.workspace;
    return links.commit(ws, project.name, revision)
      .put("revision", revision)
      .put("author_date", e.created.minusSeconds(3600).toString())
      .put("commit_date", e.created.minusSeconds(3600).toString())
      .put("message", "Commit " + revision.substring(0, Math.min(7, revision.length())) + "\n")
      .put("committer", member(ws, e.creatorId))
      .put("author", member(ws, e.creatorId));
  }

  /**
   * {@link #execution} as the bytes of an answer, rendered once per state change: a finished run whose
   * pipeline's latest run is finished too shows nothing that time can change (no progress, no
   * pipeline status), so its bytes hold until a request that may write ({@link EmulatorState#changed})
   * comes in. A run still going is rendered every time.
   */
  Buffer executionBuffer(ExecutionRecord e) {
    e.advance(state.now());
    ExecutionRecord latest = e.pipeline.latest();
    boolean stable = e.finished() && latest != null && latest.finished();
    if (stable && e.rendered != null && e.renderedVersion == state.version()) {
      return e.rendered;
    }
    Buffer out = execution(e).toBuffer();
    e.rendered = stable ? out : null;
    e.renderedVersion = state.version();
    return out;
  }

  JsonObject execution(ExecutionRecord e) {
    Instant now = state.now();
    e.advance(now);
    PipelineRecord p = e.pipeline;
    String ws = p.workspace();
    JsonObject out = links.execution(ws, p.project.name, p.id, e.id)
      .put("id", e.id)
      .put("start_date", date(e.startDate))
      .put("finish_date", date(e.finishDate))
      .put("priority", e.priority)
      .put("triggeredOn", "CLICK")
      .put("refresh", e.refresh)
      .put("clear_cache", e.clearCache)
      .put("status", e.status)
      .put("comment", e.comment);
    if (e.branch != null) {
      out.put("branch", p.project.branchJson(links, e.branch));
    }
    if (e.tag != null) {
      out.put("tag", new JsonObject().put("name", e.tag));
    }
    if (e.pullRequest != null) {
      out.put("pull_request", new JsonObject().put("name", e.pullRequest));
    }
    if (e.environment != null) {
      out.put("environment", e.environment);
    }
    out.put("from_revision", commit(e, e.fromRevision))
      .put("to_revision", commit(e, e.toRevision))
      .put("creator", member(ws, e.creatorId))
      .put("pipeline", p.toShortJson(links));
    JsonArray runs = new JsonArray();
    e.runs.forEach(r -> runs.add(actionExecution(e, r, now, false)));
    out.put("action_executions", runs);
    return out;
  }

  JsonObject actionExecution(ExecutionRecord e, ActionRun r, Instant now, boolean details) {
    PipelineRecord p = e.pipeline;
    JsonObject out = links.actionExecution(p.workspace(), p.project.name, p.id, e.id, r.id)
      .put("action_execution_id", r.id)
      .put("status", r.status)
      .put("progress", r.progress(now))
      .put("start_date", date(r.start))
      .put("finish_date", date(r.finish))
      .put("action", r.action.toShortJson(links, p.workspace(), p.project.name, p.id, e.status));
    if (details) {
      out.put("error_message", r.errorMessage)
        .put("terminator_id", r.terminatorId)
        .put("termination_date", date(r.terminationDate))
        .put("approver_id", r.approverId)
        .put("approval_date", date(r.approvalDate))
        .put("passed_variables", maskedVariables(e.variables))
        .put("outputted_variables", new JsonArray())
        .put("log", new JsonArray(r.logLines(now)));
    }
    return out;
  }

  /** Encrypted variables never come back in clear. */
  static JsonArray maskedVariables(JsonArray variables) {
    JsonArray out = new JsonArray();
    for (Object v : variables) {
      JsonObject copy = ((JsonObject) v).copy();
      if (copy.getBoolean("encrypted", false)) {
        copy.put("value", SecretRedactor.MASK);
      }
      out.add(copy);
    }
    return out;
  }

  static String date(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
