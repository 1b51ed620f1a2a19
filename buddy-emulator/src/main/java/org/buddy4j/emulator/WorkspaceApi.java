package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Emulates {@code GET /workspaces}, {@code GET /workspaces/{workspace}}, {@code GET /user} and a member's
 * projects ({@code …/members/{member_id}/projects}); the members themselves are in the {@link ResourceStore}.
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

  private void memberProjects(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    int memberId = req.pathInt("member_id");
    ResourceCatalog.Family members = emulation.resources.family("members");
    if (emulation.state().resources.find(members, java.util.List.of(ws.domain), String.valueOf(memberId)) == null) {
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
