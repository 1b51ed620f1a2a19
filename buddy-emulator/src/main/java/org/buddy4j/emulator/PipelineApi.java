package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Emulates pipelines: {@code GET/POST …/projects/{project_name}/pipelines},
 * {@code GET/PATCH/DELETE …/pipelines/{pipeline_id}} and {@code GET …/actions/{action_id}}.
 * A created pipeline gets one simulated action; simulation knobs ({@code failAt}…) are seed-only.
 */
final class PipelineApi {
  private final Emulation emulation;

  PipelineApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getPipelines", this::list)
      .on("getPipeline", this::get)
      .on("createPipeline", this::create)
      .on("updatePipeline", this::update)
      .on("deletePipeline", this::delete)
      .on("getPipelineAction", this::action);
  }

  private JsonObject view(PipelineRecord p) {
    ExecutionRecord latest = p.latest();
    if (latest != null) {
      latest.advance(emulation.state().now());
    }
    return p.toJson(emulation.links, new ExecutionViews(emulation.links, emulation.state())
      .member(p.workspace(), emulation.state().user.getInteger("id", 1)));
  }

  private void list(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    List<PipelineRecord> all = new ArrayList<>(project.pipelines.values());
    Paging<PipelineRecord> page = Paging.of(all, req.queryInt("page", 1), req.queryInt("per_page", 20));
    JsonArray items = new JsonArray();
    page.items.forEach(p -> items.add(view(p)));
    JsonObject links = emulation.links.project(project.workspace, project.name);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/pipelines")
      .put("html_url", links.getString("html_url") + "/pipelines")
      .put("pipelines", items));
  }

  private void get(ApiRequest req) {
    Replies.json(req.rc, 200, view(pipeline(req)));
  }

  private void create(ApiRequest req) {
    EmulatorState state = emulation.state();
    ProjectRecord project = state.project(req.workspace(), req.project());
    JsonObject body = req.body();
    String name = body.getString("name");
    if (name == null || name.isBlank()) {
      throw ApiError.badRequest("Field 'name' is required");
    }
    if (project.pipelines.values().stream().anyMatch(p -> name.equals(p.name()))) {
      throw ApiError.unprocessable("A pipeline named '" + name + "' already exists in project '" + project.name + "'");
    }
    JsonObject definition = writable(body);
    definition.put("refs", definition.getJsonArray("refs", new JsonArray().add("refs/heads/" + project.defaultBranch)));
    PipelineRecord pipeline = new PipelineRecord(state.nextPipelineId++, project, state.now(), definition);
    pipeline.actions.add(new ActionRecord(state.nextActionId++, "Execute: build", "BUILD", 5, 12,
      "ON_EVERY_EXECUTION"));
    project.pipelines.put(pipeline.id, pipeline);
    Replies.json(req.rc, 201, view(pipeline));
  }

  private void update(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    JsonObject body = req.body();
    if (Boolean.TRUE.equals(body.getValue("clear_cache")) && body.size() == 1) {
      // The docs' clear-cache call answers 201 with the pipeline.
      Replies.json(req.rc, 201, view(pipeline));
      return;
    }
    String name = body.getString("name");
    if (body.containsKey("name") && (name == null || name.isBlank())) {
      throw ApiError.badRequest("Field 'name' must not be empty");
    }
    pipeline.definition.mergeIn(writable(body));
    Replies.json(req.rc, 200, view(pipeline));
  }

  private void delete(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    pipeline.project.pipelines.remove(pipeline.id);
    Replies.noContent(req.rc);
  }

  private void action(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    int actionId = req.pathInt("action_id");
    ActionRecord action = pipeline.actions.stream().filter(a -> a.id == actionId).findFirst()
      .orElseThrow(() -> ApiError.notFound("Action " + actionId + " not found in pipeline " + pipeline.id));
    JsonObject out = action.toShortJson(emulation.links, pipeline.workspace(), pipeline.project.name, pipeline.id,
        pipeline.lastStatus())
      .put("run_next", "WAIT_ON_SUCCESS")
      .put("disabled", false)
      .put("ignore_errors", false)
      .put("pipeline", pipeline.toShortJson(emulation.links))
      .put("variables", new JsonArray());
    Replies.json(req.rc, 200, out);
  }

  private PipelineRecord pipeline(ApiRequest req) {
    return emulation.state().pipeline(req.workspace(), req.project(), req.pathInt("pipeline_id"));
  }

  private static JsonObject writable(JsonObject body) {
    JsonObject copy = body.copy();
    PipelineRecord.READ_ONLY.forEach(copy::remove);
    return copy;
  }
}
