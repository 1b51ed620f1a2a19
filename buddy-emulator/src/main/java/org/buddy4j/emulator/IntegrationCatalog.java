package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's {@code x-buddy-integration-catalog}, read by the emulator on its own (not through
 * buddy-core) to check {@code POST/PATCH /workspaces/{workspace}/integrations}: which fields each type
 * takes, the aliases it accepts, the fields each auth mode requires, and which fields are secret.
 */
final class IntegrationCatalog {
  /** Fields the API sets itself; a client may send them back after a read, they are ignored. */
  static final Set<String> READ_ONLY = Set.of("url", "html_url", "hash_id", "type");

  static final class AuthMode {
    final String authType;
    final boolean isDefault;
    final List<String> required;

    AuthMode(String authType, boolean isDefault, List<String> required) {
      this.authType = authType;
      this.isDefault = isDefault;
      this.required = required;
    }
  }

  static final class TypeEntry {
    final String type;
    final String title;
    final boolean creatable;
    final Set<String> fields;
    final Map<String, String> aliases;
    final List<AuthMode> authModes;

    TypeEntry(String type, JsonObject json) {
      this.type = type;
      this.title = json.getString("title", type);
      this.creatable = json.getBoolean("creatable", true);
      this.fields = new LinkedHashSet<>(strings(json.getJsonArray("fields")));
      this.aliases = new LinkedHashMap<>();
      JsonObject a = json.getJsonObject("aliases", new JsonObject());
      a.fieldNames().forEach(k -> aliases.put(k, a.getString(k)));
      this.authModes = new ArrayList<>();
      for (Object m : json.getJsonArray("authModes", new JsonArray())) {
        JsonObject mode = (JsonObject) m;
        authModes.add(new AuthMode(mode.getString("authType"), mode.getBoolean("default", false),
          strings(mode.getJsonArray("required"))));
      }
    }

    AuthMode defaultMode() {
      return authModes.stream().filter(m -> m.isDefault).findFirst()
        .orElse(authModes.isEmpty() ? null : authModes.get(0));
    }

    AuthMode mode(String authType) {
      return authModes.stream().filter(m -> m.authType.equals(authType)).findFirst().orElse(null);
    }
  }

  private final Set<String> commonFields;
  private final Set<String> secretFields;
  private final Set<String> returnedFields; // any type may carry them back: a re-sent integration keeps them
  private final Map<String, TypeEntry> types = new LinkedHashMap<>();

  IntegrationCatalog(JsonObject spec) {
    JsonObject catalog = spec.getJsonObject("x-buddy-integration-catalog");
    if (catalog == null) {
      throw new IllegalStateException("The spec has no x-buddy-integration-catalog");
    }
    commonFields = new LinkedHashSet<>(strings(catalog.getJsonArray("commonFields")));
    secretFields = new LinkedHashSet<>(strings(catalog.getJsonArray("secretFields")));
    returnedFields = new LinkedHashSet<>(strings(catalog.getJsonArray("returnedFields", new io.vertx.core.json.JsonArray())));
    JsonObject t = catalog.getJsonObject("types", new JsonObject());
    t.fieldNames().forEach(name -> types.put(name, new TypeEntry(name, t.getJsonObject(name))));
  }

  TypeEntry type(String type) {
    return types.get(type);
  }

  Set<String> typeNames() {
    return types.keySet();
  }

  /** Secret field names, including aliases of secret fields (e.g. {@code secret_access_key}). */
  Set<String> secretFieldsWithAliases() {
    Set<String> out = new TreeSet<>(secretFields);
    types.values().forEach(t -> t.aliases.forEach((alias, canonical) -> {
      if (secretFields.contains(canonical)) {
        out.add(alias);
      }
    }));
    return out;
  }

  boolean isSecret(String field) {
    return secretFields.contains(field);
  }

  /**
   * Rewrites aliases to their canonical names and checks that every field belongs to the type. Types
   * not in the catalog are an open set: their fields are taken as sent.
   */
  JsonObject canonicalize(String type, JsonObject fields) {
    TypeEntry entry = types.get(type);
    JsonObject out = new JsonObject();
    for (String key : fields.fieldNames()) {
      Object value = fields.getValue(key);
      if (READ_ONLY.contains(key)) {
        continue;
      }
      if (entry == null) {
        out.put(key, value);
        continue;
      }
      String canonical = entry.aliases.getOrDefault(key, key);
      if (!commonFields.contains(canonical) && !entry.fields.contains(canonical) && !returnedFields.contains(canonical)) {
        throw ApiError.badRequest(String.format(
          "Integration type %s does not take field '%s' (it takes: %s)", type, key,
          String.join(", ", allowed(entry))));
      }
      out.put(canonical, value);
    }
    return out;
  }

  /** Checks the required fields of the auth mode named by {@code auth_type} (else the default mode). */
  AuthMode checkAuthMode(String type, JsonObject canonicalFields) {
    TypeEntry entry = types.get(type);
    if (entry == null) {
      return null;
    }
    String authType = canonicalFields.getString("auth_type");
    AuthMode mode = authType == null ? entry.defaultMode() : entry.mode(authType);
    if (mode == null) {
      List<String> valid = new ArrayList<>();
      entry.authModes.forEach(m -> valid.add(m.authType));
      throw ApiError.badRequest(String.format("Integration type %s does not support auth_type '%s' (valid: %s)",
        type, authType, String.join(", ", valid)));
    }
    for (String field : mode.required) {
      Object value = canonicalFields.getValue(field);
      if (value == null || (value instanceof String && ((String) value).isBlank())
        || (value instanceof JsonArray && ((JsonArray) value).isEmpty())) {
        throw ApiError.badRequest(String.format("Integration type %s with auth_type %s requires field '%s'",
          type, mode.authType, field));
      }
    }
    return mode;
  }

  private List<String> allowed(TypeEntry entry) {
    List<String> all = new ArrayList<>(commonFields);
    all.addAll(entry.fields);
    all.addAll(entry.aliases.keySet());
    return all;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}
