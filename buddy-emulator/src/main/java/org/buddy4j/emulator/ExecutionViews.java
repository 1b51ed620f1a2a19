package org.buddy4j.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Renders executions and action executions in the shape of the docs' run response, written straight to
 * the answer's bytes ({@link JsonBytes}): a run is rendered on every POST, PATCH and list, and building
 * its tree of some 25 {@code JsonObject}s, then encoding it, was half of a POST's time. The parts other
 * answers share keep their one definition as a {@code JsonObject} (a member, a branch, a pipeline's and
 * an action's short form) and are written from it.
 */
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

  /** {@link #member}'s bytes, made again when anything it shows changes. */
  private SerializedString encodedMember(String ws, int id) {
    JsonObject m = state.member(id);
    return state.encodedMembers.computeIfAbsent(id, k -> new EncodedJson())
      .of(() -> member(ws, id), links.api(), ws, id, m.getString("name"), m.getString("avatar_url"));
  }

  /**
   * {@link #execution} as the bytes of an answer, rendered once per state change: a run at rest (finished,
   * or waiting at a gate) shows nothing that time can change, and a queued one nothing until it starts,
   * so its bytes hold until then or until a request that may write ({@link EmulatorState#changed}) comes
   * in, as long as the pipeline status it shows is its own or a finished run's (a GET of a newer run going
   * could change that). A run in progress is rendered every time (its progress moves).
   */
  Buffer executionBuffer(ExecutionRecord e) {
    Instant now = state.now();
    e.advance(now);
    if (e.rendered != null && e.renderedVersion == state.version() && now.isBefore(e.renderedUntil)) {
      return e.rendered;
    }
    Instant holds = answerHoldsUntil(e);
    Buffer out = execution(e);
    e.rendered = holds == null ? null : out;
    e.renderedUntil = holds;
    e.renderedVersion = state.version();
    return out;
  }

  /** After {@code advance}: until when the clock alone cannot change {@code e}'s answer; null if it can now. */
  private static Instant answerHoldsUntil(ExecutionRecord e) {
    ExecutionRecord latest = e.pipeline.latest();
    if (latest != e && (latest == null || !latest.finished())) {
      return null;
    }
    if (e.finished() || e.status.startsWith("WAITING_")) {
      return Instant.MAX;
    }
    return ExecutionRecord.ENQUEUED.equals(e.status) ? e.startsAt() : null;
  }

  /** A run's answer ({@code GET/POST/PATCH …/executions[/{id}]}), brought up to now first. */
  Buffer execution(ExecutionRecord e) {
    Instant now = state.now();
    return JsonBytes.render(g -> writeExecution(g, e, now));
  }

  /** A page of runs ({@code GET …/pipelines/{pipeline_id}/executions}), in the envelope of Buddy's lists. */
  Buffer page(PipelineRecord pipeline, Paging<ExecutionRecord> page) {
    Instant now = state.now();
    Links.Link link = links.pipelineLink(pipeline.workspace(), pipeline.project.name, pipeline.id);
    return JsonBytes.render(g -> {
      g.writeStartObject();
      g.writeStringField("url", link.url() + "/executions");
      g.writeStringField("html_url", link.htmlUrl());
      g.writeNumberField("page", page.page);
      g.writeNumberField("page_size", page.perPage);
      g.writeNumberField("total_page_count", page.totalPages());
      g.writeNumberField("element_count", page.items.size());
      g.writeNumberField("total_element_count", page.total);
      g.writeArrayFieldStart("executions");
      for (ExecutionRecord e : page.items) {
        writeExecution(g, e, now);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** One action's run with its details ({@code GET …/action_executions/{id}} and the older routes). */
  Buffer actionExecution(ExecutionRecord e, ActionRun r) {
    Instant now = state.now();
    return JsonBytes.render(g -> writeActionExecution(g, e, r, now, true));
  }

  private void writeExecution(JsonGenerator g, ExecutionRecord e, Instant now) throws IOException {
    e.advance(now);
    PipelineRecord p = e.pipeline;
    String ws = p.workspace();
    g.writeStartObject();
    link(g, links.executionLink(ws, p.project.name, p.id, e.id));
    g.writeNumberField("id", e.id);
    JsonBytes.field(g, "start_date", date(e.startDate));
    JsonBytes.field(g, "finish_date", date(e.finishDate));
    JsonBytes.field(g, "priority", e.priority);
    g.writeStringField("triggeredOn", "CLICK");
    g.writeBooleanField("refresh", e.refresh);
    g.writeBooleanField("clear_cache", e.clearCache);
    JsonBytes.field(g, "status", e.status);
    JsonBytes.field(g, "comment", e.comment);
    if (e.branch != null) {
      g.writeFieldName("branch");
      g.writeRawValue(p.project.encodedBranchJson(links, e.branch));
    }
    if (e.tag != null) {
      g.writeObjectFieldStart("tag");
      g.writeStringField("name", e.tag);
      g.writeEndObject();
    }
    if (e.pullRequest != null) {
      g.writeObjectFieldStart("pull_request");
      g.writeStringField("name", e.pullRequest);
      g.writeEndObject();
    }
    if (e.environment != null) {
      g.writeStringField("environment", e.environment);
    }
    // The run's creator is also both commits' author and committer.
    SerializedString creator = encodedMember(ws, e.creatorId);
    String commitDate = e.created.minusSeconds(3600).toString();
    g.writeFieldName("from_revision");
    writeCommit(g, p.project, e.fromRevision, commitDate, creator);
    g.writeFieldName("to_revision");
    writeCommit(g, p.project, e.toRevision, commitDate, creator);
    g.writeFieldName("creator");
    g.writeRawValue(creator);
    g.writeFieldName("pipeline");
    g.writeRawValue(p.encodedShortJson(links));
    g.writeArrayFieldStart("action_executions");
    for (ActionRun r : e.runs) {
      writeActionExecution(g, e, r, now, false);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeCommit(JsonGenerator g, ProjectRecord project, String revision, String date,
                           SerializedString member) throws IOException {
    g.writeStartObject();
    link(g, links.commitLink(project.workspace, project.name, revision));
    JsonBytes.field(g, "revision", revision);
    g.writeStringField("author_date", date);
    g.writeStringField("commit_date", date);
    g.writeStringField("message", "Commit " + revision.substring(0, Math.min(7, revision.length())) + "\n");
    g.writeFieldName("committer");
    g.writeRawValue(member);
    g.writeFieldName("author");
    g.writeRawValue(member);
    g.writeEndObject();
  }

  private void writeActionExecution(JsonGenerator g, ExecutionRecord e, ActionRun r, Instant now, boolean details)
    throws IOException {
    PipelineRecord p = e.pipeline;
    g.writeStartObject();
    link(g, links.actionExecutionLink(p.workspace(), p.project.name, p.id, e.id, r.id));
    JsonBytes.field(g, "action_execution_id", r.id);
    JsonBytes.field(g, "status", r.status);
    g.writeNumberField("progress", r.progress(now));
    JsonBytes.field(g, "start_date", date(r.start));
    JsonBytes.field(g, "finish_date", date(r.finish));
    g.writeFieldName("action");
    g.writeRawValue(r.action.encodedShortJson(links, p.workspace(), p.project.name, p.id, e.status));
    if (details) {
      JsonBytes.field(g, "error_message", r.errorMessage);
      JsonBytes.field(g, "terminator_id", r.terminatorId);
      JsonBytes.field(g, "termination_date", date(r.terminationDate));
      JsonBytes.field(g, "approver_id", r.approverId);
      JsonBytes.field(g, "approval_date", date(r.approvalDate));
      g.writeFieldName("passed_variables");
      JsonBytes.value(g, maskedVariables(e.variables));
      g.writeArrayFieldStart("outputted_variables");
      g.writeEndArray();
      g.writeArrayFieldStart("log");
      List<String> lines = r.logLines(now);
      for (String line : lines) {
        g.writeString(line);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void link(JsonGenerator g, Links.Link link) throws IOException {
    g.writeStringField("url", link.url());
    g.writeStringField("html_url", link.htmlUrl());
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
