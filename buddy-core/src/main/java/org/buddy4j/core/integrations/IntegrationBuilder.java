package org.buddy4j.core.integrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.IntegrationPermissions;

/**
 * Base of the typed integration builders generated from the catalog (see
 * {@code org.buddy4j.core.generated.integrations.Integrations}): the fields every type takes.
 * {@link #build()} checks the result against the catalog, for
 * {@code POST /workspaces/{workspace}/integrations}.
 *
 * @param <B> the concrete builder, so chained calls keep its type-specific methods
 */
public abstract class IntegrationBuilder<B extends IntegrationBuilder<B>> {
  private final String type;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  protected IntegrationBuilder(String type) {
    this.type = type;
    fields.put("type", type);
  }

  /** The integration's type, e.g. {@code AMAZON}. */
  public String type() {
    return type;
  }

  /** Sets {@code name} (required). */
  public B name(String name) {
    return set("name", name);
  }

  /** Sets {@code identifier}, the human-readable ID. */
  public B identifier(String identifier) {
    return set("identifier", identifier);
  }

  /** {@code scope} WORKSPACE: every project of the workspace may use it. */
  public B workspaceScope() {
    return set("scope", "WORKSPACE");
  }

  /** {@code scope} PROJECT with its {@code project_name}. */
  public B projectScope(String projectName) {
    set("scope", "PROJECT");
    return set("project_name", projectName);
  }

  /** Sets {@code scope} as Buddy spells it (WORKSPACE, PROJECT, ENVIRONMENT, or a newer one). */
  public B scope(String scope) {
    return set("scope", scope);
  }

  /** Sets {@code project_name}. */
  public B projectName(String projectName) {
    return set("project_name", projectName);
  }

  /** Sets {@code auth_type} (e.g. OIDC); leave it unset for the type's default mode. */
  public B authType(String authType) {
    return set("auth_type", authType);
  }

  /** Sets {@code all_pipelines_allowed}. */
  public B allPipelinesAllowed(boolean allowed) {
    return set("all_pipelines_allowed", allowed);
  }

  /** Sets {@code allowed_pipelines} to these pipeline IDs. */
  public B allowedPipelines(int... pipelineIds) {
    List<Map<String, Object>> ids = new ArrayList<>();
    for (int id : pipelineIds) {
      ids.add(Map.of("id", id));
    }
    return set("allowed_pipelines", ids);
  }

  /** Sets {@code permissions}. */
  public B permissions(IntegrationPermissions permissions) {
    return set("permissions", BuddyJson.mapper().convertValue(permissions, Map.class));
  }

  /** Sets {@code permissions.admins} and {@code permissions.others} (MANAGE, USE_ONLY, DENIED). */
  public B permissions(String admins, String others) {
    Map<String, Object> p = permissionsMap();
    p.put("admins", admins);
    p.put("others", others);
    return self();
  }

  /** Adds one user's access level to {@code permissions.users}. */
  public B userAccess(int userId, String accessLevel) {
    return addAccess("users", userId, accessLevel);
  }

  /** Adds one group's access level to {@code permissions.groups}. */
  public B groupAccess(int groupId, String accessLevel) {
    return addAccess("groups", groupId, accessLevel);
  }

  /** Sets any field by its API name, for fields newer than this library. Checked in {@link #build()}. */
  public B field(String apiName, Object value) {
    return set(apiName, value);
  }

  /** Checks the integration against the catalog and returns the request body. */
  public Integration build() {
    return IntegrationRules.standard().checkCreate(BuddyJson.mapper().convertValue(fields, Integration.class));
  }

  protected final B set(String field, Object value) {
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return self();
  }

  @SuppressWarnings("unchecked")
  protected final B addRoleAssumption(String arn, String externalId, Integer durationSeconds) {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("arn", arn);
    if (externalId != null) {
      role.put("external_id", externalId);
    }
    if (durationSeconds != null) {
      role.put("duration", durationSeconds);
    }
    ((List<Object>) fields.computeIfAbsent("role_assumptions", k -> new ArrayList<>())).add(role);
    return self();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> permissionsMap() {
    return (Map<String, Object>) fields.computeIfAbsent("permissions", k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  private B addAccess(String list, int id, String accessLevel) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("access_level", accessLevel);
    ((List<Object>) permissionsMap().computeIfAbsent(list, k -> new ArrayList<>())).add(entry);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Lists the fields set, with every secret masked (by the {@link Redactor}'s list, which knows the aliases too). */
  @Override
  public String toString() {
    Redactor redactor = Redactor.standard();
    Map<String, Object> shown = new LinkedHashMap<>();
    fields.forEach((k, v) -> shown.put(k, redactor.isSecretField(k) ? Redactor.MASK : v));
    return type + " integration " + shown;
  }
}
