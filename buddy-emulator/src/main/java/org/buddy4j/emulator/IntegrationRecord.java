package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;

/**
 * An integration ({@code /workspaces/{w}/integrations/{hash_id}}). Secret values are kept apart from
 * the visible fields so no answer can ever include them.
 */
final class IntegrationRecord {
  final String hashId;
  final String type;
  final JsonObject visible;
  final JsonObject secrets;

  IntegrationRecord(String hashId, String type, JsonObject visible, JsonObject secrets) {
    this.hashId = hashId;
    this.type = type;
    this.visible = visible;
    this.secrets = secrets;
  }

  JsonObject toJson(Links links, String ws) {
    JsonObject out = links.integration(ws, hashId)
      .put("hash_id", hashId)
      .put("name", visible.getString("name"))
      .put("type", type)
      .put("identifier", visible.getString("identifier"))
      .put("scope", visible.getString("scope"))
      .put("project_name", visible.getString("project_name"))
      .put("auth_type", visible.getString("auth_type"))
      .put("webhook_address", visible.getString("webhook_address"))
      .put("all_pipelines_allowed", visible.getBoolean("all_pipelines_allowed", true))
      .put("allowed_pipelines", visible.getValue("allowed_pipelines", new io.vertx.core.json.JsonArray()))
      .put("permissions", visible.getValue("permissions", defaultPermissions()));
    // Every other non-secret field the type took (username, region, role_assumptions…) comes back as sent.
    for (String key : visible.fieldNames()) {
      if (!out.containsKey(key)) {
        out.put(key, visible.getValue(key));
      }
    }
    return out;
  }

  static JsonObject defaultPermissions() {
    return new JsonObject().put("others", "USE_ONLY").put("admins", "MANAGE")
      .put("users", new io.vertx.core.json.JsonArray()).put("groups", new io.vertx.core.json.JsonArray());
  }
}
