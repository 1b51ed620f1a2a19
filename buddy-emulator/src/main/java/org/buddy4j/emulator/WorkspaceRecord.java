package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A workspace in memory: its projects and integrations ({@code /workspaces/{workspace}}). */
final class WorkspaceRecord {
  final int id;
  String name;
  /** The SSO settings ({@code PATCH …/sso}) and whether SSO is on ({@code enable-sso}/{@code disable-sso}). */
  final JsonObject sso = new JsonObject();
  boolean ssoEnabled;
  final String domain;
  final Instant createDate;
  final Map<String, ProjectRecord> projects = new LinkedHashMap<>();
  final Map<String, IntegrationRecord> integrations = new LinkedHashMap<>();

  WorkspaceRecord(int id, String name, String domain, Instant createDate) {
    this.id = id;
    this.name = name;
    this.domain = domain;
    this.createDate = createDate;
  }

  JsonObject toJson(Links links, int ownerId) {
    return links.workspace(domain)
      .put("id", id)
      .put("name", name)
      .put("domain", domain)
      .put("owner_id", ownerId)
      .put("frozen", false)
      .put("create_date", createDate.toString())
      .put("default_pipeline_resource", "DEFAULT")
      .put("sso_enabled", ssoEnabled)
      .put("public_pipelines_disabled", false);
  }
}
