package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Emulates {@code GET /workspaces}, {@code GET /workspaces/{workspace}}, {@code GET /user} and the member
 * lists ({@code GET /workspaces/{workspace}/members}, {@code …/projects/{project_name}/members},
 * {@code …/members/{member_id}/projects}).
 */
final class WorkspaceApi {
  private final Emulation emulation;

  WorkspaceApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getWorkspaces", this::list)
      .on("getWorkspace", this::get)
      .on("getAuthenticatedUser", this::user)
      .on("getWorkspaceMembers", this::members)
      .on("getProjectMembers", this::projectMembers)
      .on("getMemberProjects", this::memberProjects);
  }

  private int ownerId() {
    return emulation.state().user.getInteger("id", 1);
  }

  private void list(ApiRequest req) {
    JsonArray items = new JsonArray();
    emulation.state().workspaces.values().forEach(ws -> items.add(ws.toJson(emulation.links, ownerId())));
    Replies.json(req.rc, 200, emulation.links.of("/workspaces", "/").put("workspaces", items));
  }

  private void get(ApiRequest req) {
    Replies.json(req.rc, 200, emulation.state().workspace(req.workspace()).toJson(emulation.links, ownerId()));
  }

  private void user(ApiRequest req) {
    JsonObject user = emulation.state().user;
    JsonObject out = emulation.links.of("/user", "/my-id");
    user.forEach(e -> out.put(e.getKey(), e.getValue()));
    out.put("workspaces_url", emulation.links.api() + "/workspaces");
    Replies.json(req.rc, 200, out);
  }

  JsonObject member(String ws, JsonObject m) {
    JsonObject out = emulation.links.member(ws, m.getInteger("id"));
    m.forEach(e -> out.put(e.getKey(), e.getValue()));
    out.put("admin", m.getBoolean("admin", false))
      .put("workspace_owner", m.getBoolean("workspace_owner", false))
      .put("status", m.getString("status", "ACTIVE"));
    return out;
  }

  private void members(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    replyMembers(req, ws.domain, emulation.links.workspace(ws.domain));
  }

  private void projectMembers(ApiRequest req) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    replyMembers(req, project.workspace, emulation.links.project(project.workspace, project.name));
  }

  private void replyMembers(ApiRequest req, String ws, JsonObject base) {
    List<JsonObject> all = new ArrayList<>(emulation.state().members.values());
    Paging<JsonObject> page = Paging.of(all, req.queryInt("page", 1), req.queryInt("per_page", 20));
    JsonArray items = new JsonArray();
    page.items.forEach(m -> items.add(member(ws, m)));
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", base.getString("url") + "/members")
      .put("html_url", base.getString("html_url") + "/people")
      .put("members", items));
  }

  private void memberProjects(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    int memberId = req.pathInt("member_id");
    if (!emulation.state().members.containsKey(memberId)) {
      throw ApiError.notFound("Member " + memberId + " not found in workspace '" + ws.domain + "'");
    }
    JsonArray items = new JsonArray();
    ws.projects.values().forEach(p -> items.add(p.toShortJson(emulation.links)));
    JsonObject links = emulation.links.member(ws.domain, memberId);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/projects")
      .put("html_url", links.getString("html_url"))
      .put("projects", items));
  }
}
