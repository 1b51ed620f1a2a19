package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces secret values with {@code "***"} before a request body goes into the request log. The names
 * come from the catalog's {@code secretFields} plus the OAuth secrets; an encrypted run variable
 * ({@code {"key":…,"value":…,"encrypted":true}}) has its value hidden too.
 */
final class SecretRedactor {
  static final String MASK = "***";
  private static final Set<String> OAUTH_SECRETS =
    Set.of("client_secret", "code", "code_verifier", "refresh_token", "access_token", "registration_access_token",
      "custom_repo_pass", "secret_access_key", "access_key_id");

  private final Set<String> secretNames = new TreeSet<>();

  SecretRedactor(Iterable<String> catalogSecrets) {
    catalogSecrets.forEach(secretNames::add);
    secretNames.addAll(OAUTH_SECRETS);
  }

  Set<String> secretNames() {
    return secretNames;
  }

  boolean isSecret(String field) {
    return secretNames.contains(field);
  }

  /** A redacted deep copy. */
  Object redact(Object value) {
    if (value instanceof JsonObject) {
      JsonObject in = (JsonObject) value;
      JsonObject out = new JsonObject();
      boolean encrypted = Boolean.TRUE.equals(in.getValue("encrypted"));
      for (String key : in.fieldNames()) {
        Object v = in.getValue(key);
        if (v != null && (isSecret(key) || (encrypted && "value".equals(key)))) {
          out.put(key, MASK);
        } else {
          out.put(key, redact(v));
        }
      }
      return out;
    }
    if (value instanceof JsonArray) {
      JsonArray out = new JsonArray();
      ((JsonArray) value).forEach(v -> out.add(redact(v)));
      return out;
    }
    return value;
  }
}
