package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Emulates projects: {@code GET/POST /workspaces/{workspace}/projects} and
 * {@code GET/PATCH/DELETE …/projects/{project_name}} (their repository is {@link RepositoryApi}'s).
 */
final class ProjectApi {
  private final Emulation emulation;

  ProjectApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getProjects", this::list)
      .on("getProject", this::get)
      .on("createProject", this::create)
      .on("updateProject", this::update)
      .on("deleteProject", this::delete);
  }

  private JsonObject creator(String ws) {
    return new ExecutionViews(emulation.links, emulation.state()).member(ws, emulation.state().user.getInteger("id", 1));
  }

  private void list(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    List<ProjectRecord> all = new ArrayList<>(ws.projects.values());
    String status = req.queryString("status");
    if (status != null) {
      all.removeIf(p -> !status.equals(p.status));
    }
    if ("name".equals(req.queryString("sort_by"))) {
      all.sort(Comparator.comparing(p -> p.name));
    }
    if ("DESC".equals(req.queryString("sort_direction"))) {
      java.util.Collections.reverse(all);
    }
    Paging<ProjectRecord> page = Paging.of(all, req.queryInt("page", 1), req.queryInt("per_page", 20));
    JsonArray items = new JsonArray();
    page.items.forEach(p -> items.add(p.toShortJson(emulation.links)));
    JsonObject links = emulation.links.workspace(ws.domain);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/projects")
      .put("html_url", links.getString("html_url") + "/projects")
      .put("projects", items));
  }

  private void get(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    Replies.json(req.rc, 200, project.toJson(emulation.links, creator(project.workspace)));
  }

  private void create(ApiRequest req) {
    EmulatorState state = emulation.state();
    WorkspaceRecord ws = state.workspace(req.workspace());
    JsonObject body = req.body();
    String display = body.getString("display_name");
    String name = body.getString("name", display.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
      .replaceAll("(^-|-$)", ""));
    if (name.isEmpty()) {
      throw ApiError.badRequest("Field 'display_name' must contain a letter or digit");
    }
    if (ws.projects.containsKey(name)) {
      throw UniqueKeys.taken("Project", "name", name, "workspace '" + ws.domain + "'");
    }
    ProjectRecord project = new ProjectRecord(ws.domain, name, display, state.now());
    for (String key : SETTINGS) {
      if (body.containsKey(key)) {
        project.settings.put(key, body.getValue(key));
      }
    }
    project.branches.add("master");
    project.defaultBranch = "master";
    ws.projects.put(name, project);
    // The creator is the new project's first member.
    state.resources.seed(emulation.resources.family("projectMembers"), List.of(ws.domain, name),
      new JsonObject().put("id", state.user.getInteger("id", 1)));
    Replies.json(req.rc, 201, project.toJson(emulation.links, creator(ws.domain)));
  }

  private static final List<String> SETTINGS = List.of("access", "fetch_submodules", "fetch_submodules_env_key",
    "allow_pull_requests", "update_default_branch_from_external");

  private void update(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    ProjectRecord project = emulation.state().project(ws.domain, req.project());
    JsonObject body = req.body();
    String name = body.getString("name");
    if (name != null && !name.equals(project.name)) {
      if (ws.projects.containsKey(name)) {
        throw UniqueKeys.taken("Project", "name", name, "workspace '" + ws.domain + "'");
      }
      ws.projects.remove(project.name);
      emulation.state().resources.moveScope(List.of(ws.domain, project.name), List.of(ws.domain, name));
      project.name = name;
      ws.projects.put(name, project);
    }
    if (body.getString("display_name") != null) {
      project.displayName = body.getString("display_name");
    }
    for (String key : SETTINGS) {
      if (body.containsKey(key)) {
        project.settings.put(key, body.getValue(key));
      }
    }
    Replies.json(req.rc, 200, project.toJson(emulation.links, creator(ws.domain)));
  }

  private void delete(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    ws.projects.remove(emulation.state().project(ws.domain, req.project()).name);
    emulation.state().resources.moveScope(List.of(ws.domain, req.project()), null);
    Replies.noContent(req.rc);
  }
}
