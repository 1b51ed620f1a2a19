package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Emulates integrations: {@code GET/POST /workspaces/{workspace}/integrations} and
 * {@code GET/PATCH/DELETE …/integrations/{hash_id}}, checked against the spec's integration catalog.
 * Secret fields are accepted and kept, but no answer ever contains them.
 */
final class IntegrationApi {
  private final Emulation emulation;

  IntegrationApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getIntegrations", this::list)
      .on("getIntegration", this::get)
      .on("createIntegration", this::create)
      .on("updateIntegration", this::update)
      .on("deleteIntegration", this::delete);
  }

  private void list(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    JsonArray items = new JsonArray();
    ws.integrations.values().forEach(i -> items.add(i.toJson(emulation.links, ws.domain)));
    JsonObject links = emulation.links.workspace(ws.domain);
    Replies.json(req.rc, 200, new JsonObject()
      .put("url", links.getString("url") + "/integrations")
      .put("html_url", links.getString("html_url") + "/integrations")
      .put("integrations", items));
  }

  private void get(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    Replies.json(req.rc, 200, emulation.state().integration(ws.domain, req.path("hash_id")).toJson(emulation.links, ws.domain));
  }

  private void create(ApiRequest req) {
    EmulatorState state = emulation.state();
    WorkspaceRecord ws = state.workspace(req.workspace());
    JsonObject body = req.body();
    String type = requiredString(body, "type");
    requiredString(body, "name");
    requiredString(body, "scope");
    IntegrationCatalog.TypeEntry entry = emulation.catalog.type(type);
    if (entry != null && !entry.creatable) {
      throw ApiError.unprocessable("Integration type " + type + " (" + entry.title
        + ") cannot be created through the API; connect it in Buddy's web app");
    }
    JsonObject fields = emulation.catalog.canonicalize(type, body);
    checkScope(ws, fields);
    checkIdentifier(ws, fields, null);
    IntegrationCatalog.AuthMode mode = emulation.catalog.checkAuthMode(type, fields);
    if (mode != null && fields.getString("auth_type") == null) {
      fields.put("auth_type", mode.authType);
    }
    String hashId = state.ids.hashId();
    IntegrationRecord record = split(hashId, type, fields);
    ws.integrations.put(hashId, record);
    Replies.json(req.rc, 201, record.toJson(emulation.links, ws.domain));
  }

  /** PATCH is partial: only the fields sent change; the merged result must still satisfy the catalog. */
  private void update(ApiRequest req) {
    EmulatorState state = emulation.state();
    WorkspaceRecord ws = state.workspace(req.workspace());
    IntegrationRecord existing = state.integration(ws.domain, req.path("hash_id"));
    JsonObject body = req.body();
    if (body.containsKey("type") && !existing.type.equals(body.getValue("type"))) {
      throw ApiError.badRequest("Field 'type' cannot be changed (delete the integration and create a new one)");
    }
    if (body.containsKey("name") && (body.getString("name") == null || body.getString("name").isBlank())) {
      throw ApiError.badRequest("Field 'name' must not be empty");
    }
    JsonObject changes = emulation.catalog.canonicalize(existing.type, body);
    JsonObject merged = existing.visible.copy().mergeIn(existing.secrets).mergeIn(changes);
    if (changes.containsKey("auth_type") || changes.fieldNames().stream().anyMatch(emulation.catalog::isSecret)) {
      // Changing credentials or the auth mode must leave a complete credential set behind.
      emulation.catalog.checkAuthMode(existing.type, merged);
    }
    checkScope(ws, merged);
    checkIdentifier(ws, merged, existing);
    IntegrationRecord updated = split(existing.hashId, existing.type, merged);
    ws.integrations.put(existing.hashId, updated);
    Replies.json(req.rc, 200, updated.toJson(emulation.links, ws.domain));
  }

  private void delete(ApiRequest req) {
    WorkspaceRecord ws = emulation.state().workspace(req.workspace());
    IntegrationRecord existing = emulation.state().integration(ws.domain, req.path("hash_id"));
    ws.integrations.remove(existing.hashId);
    Replies.noContent(req.rc);
  }

  /** An integration's {@code identifier} is unique in its workspace, whatever the integration's scope. */
  private static void checkIdentifier(WorkspaceRecord ws, JsonObject fields, IntegrationRecord self) {
    UniqueKeys.check("Integration", "identifier", fields.getValue("identifier"), "workspace '" + ws.domain + "'",
      ws.integrations.values(), i -> i.visible.getValue("identifier"), i -> i == self);
  }

  private void checkScope(WorkspaceRecord ws, JsonObject fields) {
    if ("PROJECT".equals(fields.getString("scope"))) {
      String project = fields.getString("project_name");
      if (project == null || project.isBlank()) {
        throw ApiError.badRequest("Field 'project_name' is required when scope is PROJECT");
      }
      if (!ws.projects.containsKey(project)) {
        throw ApiError.unprocessable("Field 'project_name': project '" + project + "' does not exist in workspace '"
          + ws.domain + "'");
      }
    }
  }

  private IntegrationRecord split(String hashId, String type, JsonObject fields) {
    JsonObject visible = new JsonObject();
    JsonObject secrets = new JsonObject();
    fields.forEach(e -> (emulation.catalog.isSecret(e.getKey()) ? secrets : visible).put(e.getKey(), e.getValue()));
    return new IntegrationRecord(hashId, type, visible, secrets);
  }

  private static String requiredString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw ApiError.badRequest("Field '" + field + "' is required");
    }
    return (String) value;
  }
}
