package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plausible answers, valid against the spec, for operations the emulator does not model in depth:
 * adding or editing workspace and project members, permission sets, variables and webhooks. They echo
 * the request with the fields the API would add; nothing is stored beyond the answer.
 */
final class CannedApi {
  private final Emulation emulation;
  private final AtomicInteger ids = new AtomicInteger(100);

  CannedApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("addWorkspaceMember", req -> member(req, 201))
      .on("updateWorkspaceMember", req -> member(req, 200))
      .on("addProjectMember", req -> projectMember(req, 201))
      .on("updateProjectMember", req -> projectMember(req, 200))
      .on("createPermissionSet", this::permissionSet)
      .on("getVariables", this::variables)
      .on("createWebhook", req -> webhook(req, 201))
      .on("updateWebhook", req -> webhook(req, 200));
  }

  private void member(ApiRequest req, int status) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    JsonObject body = req.body();
    int id = status == 201 ? ids.incrementAndGet() : req.pathInt("member_id");
    JsonObject existing = emulation.state().members.get(id);
    JsonObject out = emulation.links.member(ws.domain, id)
      .put("id", id)
      .put("name", existing == null ? body.getString("email", "member") : existing.getString("name"))
      .put("email", body.getString("email", existing == null ? null : existing.getString("email")))
      .put("avatar_url", existing == null ? null : existing.getString("avatar_url"))
      .put("admin", body.getBoolean("admin", false))
      .put("workspace_owner", false)
      .put("auto_assign_to_new_projects", body.getBoolean("auto_assign_to_new_projects", false))
      .put("status", "ACTIVE");
    if (body.getInteger("auto_assign_permission_set_id") != null) {
      out.put("auto_assign_permission_set_id", body.getInteger("auto_assign_permission_set_id"));
    }
    Replies.json(req.rc, status, out);
  }

  private void projectMember(ApiRequest req, int status) {
    ProjectRecord project = emulation.state().project(req.workspace(), req.project());
    JsonObject body = req.body();
    int id = status == 201 ? body.getInteger("id", 1) : req.pathInt("member_id");
    JsonObject m = emulation.state().member(id);
    Object setId = body.getJsonObject("permission_set", new JsonObject()).getValue("id", 1);
    int permissionSet = setId instanceof Number ? ((Number) setId).intValue() : parseOr(String.valueOf(setId), 1);
    JsonObject out = emulation.links.member(project.workspace, id)
      .put("id", id)
      .put("name", m.getString("name"))
      .put("email", m.getString("email"))
      .put("avatar_url", m.getString("avatar_url"))
      .put("admin", m.getBoolean("admin", false))
      .put("workspace_owner", m.getBoolean("workspace_owner", false))
      .put("permission_set", permissionSetJson(project.workspace, permissionSet, "Developer", "DEVELOPER"));
    Replies.json(req.rc, status, out);
  }

  private JsonObject permissionSetJson(String ws, int id, String name, String type) {
    return emulation.links.of("/workspaces/" + ws + "/permissions/" + id, "/" + ws + "/permissions/" + id)
      .put("id", id)
      .put("name", name)
      .put("description", null)
      .put("type", type)
      .put("repository_access_level", "READ_WRITE")
      .put("project_team_access_level", "READ_ONLY")
      .put("pipeline_access_level", "RUN_ONLY")
      .put("sandbox_access_level", "READ_WRITE");
  }

  private void permissionSet(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    JsonObject body = req.body();
    JsonObject out = permissionSetJson(ws.domain, ids.incrementAndGet(), body.getString("name", "Custom"), "CUSTOM");
    body.forEach(e -> {
      if (!"url".equals(e.getKey()) && !"html_url".equals(e.getKey()) && !"id".equals(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    Replies.json(req.rc, 201, out);
  }

  private void variables(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    JsonObject base = emulation.links.workspace(ws.domain);
    JsonArray items = new JsonArray()
      .add(emulation.links.of("/workspaces/" + ws.domain + "/variables/1", "/" + ws.domain + "/variables")
        .put("id", 1).put("key", "ENVIRONMENT").put("value", "emulator").put("type", "VAR").put("encrypted", false)
        .put("settable", false).put("run_only_settable", false).put("description", "Set by buddy4j's emulator"))
      .add(emulation.links.of("/workspaces/" + ws.domain + "/variables/2", "/" + ws.domain + "/variables")
        .put("id", 2).put("key", "DEPLOY_KEY").put("value", "!encrypted " + SecretRedactor.MASK).put("type", "VAR")
        .put("encrypted", true).put("settable", false).put("run_only_settable", false).put("description", null));
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", base.getString("url") + "/variables")
      .put("html_url", base.getString("html_url") + "/variables")
      .put("variables", items));
  }

  private void webhook(ApiRequest req, int status) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    JsonObject body = req.body();
    int id = status == 201 ? ids.incrementAndGet() : req.pathInt("webhook_id");
    JsonObject out = emulation.links.of("/workspaces/" + ws.domain + "/webhooks/" + id, "/" + ws.domain + "/webhooks")
      .put("id", id);
    body.forEach(e -> {
      if (!out.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    });
    // Buddy echoes the webhook's secret; the emulator never sends a secret back, only a mask.
    out.put("secret_key", SecretRedactor.MASK);
    out.put("target_url", out.getValue("target_url", "https://example.com/buddy-webhook"));
    out.put("projects", out.getValue("projects", new JsonArray()));
    out.put("events", out.getValue("events", new JsonArray()));
    out.put("requests", new JsonArray());
    Replies.json(req.rc, status, out);
  }

  private static int parseOr(String s, int fallback) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
