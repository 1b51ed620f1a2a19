package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Emulates pipelines: {@code GET/POST …/projects/{project_name}/pipelines},
 * {@code GET/PATCH/DELETE …/pipelines/{pipeline_id}} and its actions ({@code GET/POST …/actions},
 * {@code GET/PATCH/DELETE …/actions/{action_id}}; a created action runs 5 simulated seconds).
 * A created pipeline gets one simulated action; simulation knobs ({@code failAt}…) are seed-only.
 */
final class PipelineApi {
  private final Emulation emulation;
  /** An action's answer echoes what was sent; an encrypted variable in it comes back masked. */
  private final SecretMask actionMask;

  PipelineApi(Emulation emulation) {
    this.emulation = emulation;
    this.actionMask = SecretMask.of(emulation.spec.raw(), new JsonObject().put("$ref", "#/components/schemas/Action"));
  }

  void register(OperationRegistry registry) {
    registry.on("getPipelines", this::list)
      .on("getPipeline", this::get)
      .on("createPipeline", this::create)
      .on("updatePipeline", this::update)
      .on("deletePipeline", this::delete)
      .on("getPipelineAction", this::action)
      .on("getPipelineActions", this::actions)
      .on("createPipelineAction", this::createAction)
      .on("updatePipelineAction", this::updateAction)
      .on("deletePipelineAction", this::deleteAction);
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
    JsonObject definition = writable(body);
    checkKeys(project, definition, null);
    definition.put("refs", definition.getJsonArray("refs", new JsonArray().add("refs/heads/" + project.defaultBranch)));
    PipelineRecord pipeline = new PipelineRecord(state.nextPipelineId++, project, state.now(), definition);
    // No actions: Buddy creates a pipeline empty (its actions are added with POST …/actions).
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
    JsonObject changes = writable(body);
    checkKeys(pipeline.project, pipeline.definition.copy().mergeIn(changes), pipeline);
    pipeline.definition.mergeIn(changes);
    Replies.json(req.rc, 200, view(pipeline));
  }

  /**
   * A pipeline's {@code name} and its {@code identifier} (Buddy YAML's {@code pipeline:} key, how {@code bdy}
   * addresses it) are unique in its project.
   */
  private static void checkKeys(ProjectRecord project, JsonObject definition, PipelineRecord self) {
    String where = "workspace '" + project.workspace + "', project '" + project.name + "'";
    for (String key : List.of("identifier", "name")) {
      UniqueKeys.check("Pipeline", key, definition.getValue(key), where, project.pipelines.values(),
        p -> p.definition.getValue(key), p -> p == self);
    }
  }

  private void delete(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    pipeline.project.pipelines.remove(pipeline.id);
    Replies.noContent(req.rc);
  }

  private ActionRecord findAction(PipelineRecord pipeline, ApiRequest req) {
    int actionId = req.pathInt("action_id");
    return pipeline.actions.stream().filter(a -> a.id == actionId).findFirst()
      .orElseThrow(() -> ApiError.notFound("Action " + actionId + " not found in pipeline " + pipeline.id));
  }

  private JsonObject actionJson(PipelineRecord pipeline, ActionRecord action) {
    JsonObject out = new JsonObject().put("run_next", "WAIT_ON_SUCCESS").put("disabled", false).put("ignore_errors", false)
      .put("variables", new JsonArray());
    out.mergeIn(action.toShortJson(emulation.links, pipeline.workspace(), pipeline.project.name, pipeline.id,
        pipeline.lastStatus()))
      .put("pipeline", pipeline.toShortJson(emulation.links));
    return (JsonObject) actionMask.apply(out);
  }

  private void action(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    Replies.json(req.rc, 200, actionJson(pipeline, findAction(pipeline, req)));
  }

  private void actions(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    JsonArray items = new JsonArray();
    Paging.of(pipeline.actions, req.queryInt("page", 1), req.queryInt("per_page", 20)).items
      .forEach(a -> items.add(actionJson(pipeline, a)));
    JsonObject links = emulation.links.pipeline(pipeline.workspace(), pipeline.project.name, pipeline.id);
    Replies.json(req.rc, 200, new JsonObject().put("url", links.getString("url") + "/actions")
      .put("html_url", links.getString("html_url")).put("actions", items));
  }

  private static final List<String> ACTION_OWN = List.of("id", "url", "html_url", "name", "type", "trigger_time",
    "last_execution_status", "pipeline");

  private void createAction(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    JsonObject body = req.body();
    String type = body.getString("type");
    if (type == null || body.getString("name") == null) {
      throw ApiError.badRequest("Fields 'name' and 'type' are required");
    }
    ActionRecord action = new ActionRecord(emulation.state().nextActionId++, body.getString("name"), type, 5, 12,
      body.getString("trigger_time", "ON_EVERY_EXECUTION"));
    settings(action, body);
    pipeline.actions.add(action);
    Replies.json(req.rc, 201, actionJson(pipeline, action));
  }

  private void updateAction(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    ActionRecord action = findAction(pipeline, req);
    if (req.body().getString("name") != null) {
      action.name = req.body().getString("name");
    }
    settings(action, req.body());
    Replies.json(req.rc, 200, actionJson(pipeline, action));
  }

  private static void settings(ActionRecord action, JsonObject body) {
    body.forEach(e -> {
      if (!ACTION_OWN.contains(e.getKey())) {
        action.settings.put(e.getKey(), e.getValue());
      }
    });
  }

  private void deleteAction(ApiRequest req) {
    PipelineRecord pipeline = pipeline(req);
    pipeline.actions.remove(findAction(pipeline, req));
    Replies.noContent(req.rc);
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
