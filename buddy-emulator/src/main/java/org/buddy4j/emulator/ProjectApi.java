package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Emulates projects and their repository: {@code GET/POST /workspaces/{workspace}/projects},
 * {@code GET …/projects/{project_name}}, {@code GET …/repository/branches}, {@code POST …/repository/tags}
 * and {@code GET …/repository/contents} (a canned README).
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
      .on("getBranches", this::branches)
      .on("createTag", this::createTag)
      .on("getRepositoryContents", this::contents);
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
      throw ApiError.unprocessable("Project '" + name + "' already exists in workspace '" + ws.domain + "'");
    }
    ProjectRecord project = new ProjectRecord(ws.domain, name, display, state.now());
    for (String key : List.of("access", "fetch_submodules", "fetch_submodules_env_key", "allow_pull_requests")) {
      if (body.containsKey(key)) {
        project.settings.put(key, body.getValue(key));
      }
    }
    project.branches.add("master");
    project.defaultBranch = "master";
    ws.projects.put(name, project);
    Replies.json(req.rc, 201, project.toJson(emulation.links, creator(ws.domain)));
  }

  private void branches(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    Paging<String> page = Paging.of(project.branches, req.queryInt("page", 1), req.queryInt("per_page", 20));
    JsonArray items = new JsonArray();
    page.items.forEach(b -> items.add(project.branchJson(emulation.links, b)));
    JsonObject links = emulation.links.project(project.workspace, project.name);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/repository/branches")
      .put("html_url", links.getString("html_url") + "/repository/branches")
      .put("branches", items));
  }

  private void createTag(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    JsonObject body = req.body();
    String name = body.getString("name");
    String revision = body.getJsonObject("commit").getString("revision");
    JsonObject commit = emulation.links.commit(project.workspace, project.name, revision).put("revision", revision);
    JsonObject out = emulation.links.of(Links.projectPath(project.workspace, project.name) + "/repository/tags/" + name,
        "/" + project.workspace + "/" + project.name + "/repository/tag/" + name)
      .put("name", name)
      .put("message", body.getString("message"))
      .put("commit", commit);
    Replies.json(req.rc, 201, out);
  }

  private void contents(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    String readme = "# " + project.displayName + "\n\nServed by buddy4j's emulator.\n";
    JsonObject base = emulation.links.project(project.workspace, project.name);
    JsonObject entry = emulation.links.of(Links.projectPath(project.workspace, project.name)
        + "/repository/contents/README.md", "/" + project.workspace + "/" + project.name + "/repository/file/README.md")
      .put("content_type", "FILE")
      .put("encoding", "base64")
      .put("size", (long) readme.length())
      .put("name", "README.md")
      .put("path", "README.md")
      .put("content", Base64.getEncoder().encodeToString(readme.getBytes(StandardCharsets.UTF_8)));
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", base.getString("url") + "/repository/contents")
      .put("html_url", base.getString("html_url") + "/repository")
      .put("contents", new JsonArray().add(entry)));
  }
}
