package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Emulates workspaces ({@code GET/POST /workspaces}, {@code GET/PATCH/DELETE /workspaces/{workspace}}), their
 * SSO settings ({@code GET/PATCH …/sso}, {@code POST …/enable-sso} and {@code …/disable-sso}), {@code GET /user}
 * and a member's projects ({@code …/members/{member_id}/projects}); the members themselves are in the
 * {@link ResourceStore}.
 */
final class WorkspaceApi {
  private final Emulation emulation;
  private final ResourceApi resources;

  WorkspaceApi(Emulation emulation, ResourceApi resources) {
    this.emulation = emulation;
    this.resources = resources;
  }

  void register(OperationRegistry registry) {
    resources.behaviour("members", new ResourceApi.Behaviour() {
      @Override
      public void creating(ApiRequest req, JsonObject item) {
        item.put("name", item.getString("name", item.getString("email"))); // an invitee is named by the address
      }
    });
    registry.on("getWorkspaces", this::list)
      .on("getWorkspace", this::get)
      .on("createWorkspace", this::create)
      .on("updateWorkspace", this::update)
      .on("deleteWorkspace", this::delete)
      .on("getSso", this::sso)
      .on("updateSso", this::updateSso)
      .on("enableSso", req -> enableSso(req, true))
      .on("disableSso", req -> enableSso(req, false))
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

  private void create(ApiRequest req) {
    EmulatorState state = emulation.state();
    JsonObject body = req.body();
    String domain = body.getString("domain");
    if (domain == null || !domain.matches("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?")) {
      throw ApiError.badRequest("Field 'domain' is required: letters, digits, '_' and '-', no leading or trailing '-'");
    }
    if (state.workspaces.containsKey(domain)) {
      throw UniqueKeys.taken("Workspace", "domain", domain, "Buddy");
    }
    int id = state.workspaces.values().stream().mapToInt(w -> w.id).max().orElse(0) + 1;
    WorkspaceRecord ws = new WorkspaceRecord(id, body.getString("name", domain), domain, state.now());
    state.workspaces.put(domain, ws);
    SeedLoader.seedWorkspaceResources(state, emulation.resources, ws, new JsonObject());
    Replies.json(req.rc, 201, ws.toJson(emulation.links, ownerId()));
  }

  private void update(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    String name = req.body().getString("name");
    if (name != null) {
      ws.name = name;
    }
    Replies.json(req.rc, 200, ws.toJson(emulation.links, ownerId()));
  }

  private void delete(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    emulation.state().workspaces.remove(ws.domain);
    emulation.state().resources.moveScope(java.util.List.of(ws.domain), null);
    Replies.noContent(req.rc);
  }

  private void sso(ApiRequest req) {
    Replies.json(req.rc, 200, ssoJson(emulation.state().workspace(req.workspace())));
  }

  /** The fields of Buddy's {@code Sso} answer; the certificate masked, the client secret never shown. */
  private JsonObject ssoJson(WorkspaceRecord ws) {
    JsonObject sso = ws.sso;
    return emulation.links.of("/workspaces/" + ws.domain + "/sso", "/" + ws.domain + "/settings/sso")
      .put("type", sso.getString("type", "SAML"))
      .put("sso_url", sso.getString("sso_url"))
      .put("issuer", sso.getString("issuer"))
      .put("certificate", sso.getString("certificate") == null ? null : SecretRedactor.MASK)
      .put("signature_method", sso.getString("signature_method"))
      .put("digest_method", sso.getString("digest_method"))
      .put("require_sso_for_all_members", sso.getBoolean("require_sso_for_all_members", false));
  }

  private void updateSso(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    ws.sso.mergeIn(req.body());
    Replies.json(req.rc, 200, ssoJson(ws));
  }

  private void enableSso(ApiRequest req, boolean on) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    if (on && ws.sso.getString("sso_url") == null && ws.sso.getString("client_id") == null) {
      throw ApiError.unprocessable("Configure SSO (PATCH /workspaces/" + ws.domain + "/sso) before enabling it");
    }
    ws.ssoEnabled = on;
    Replies.noContent(req.rc);
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
