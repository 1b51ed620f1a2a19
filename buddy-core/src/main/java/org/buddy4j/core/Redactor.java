package org.buddy4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.buddy4j.core.integrations.IntegrationCatalog;

/**
 * The one place that decides what must not be printed. Everything buddy4j writes to a log, puts in
 * an exception message or a report passes through it.
 *
 * <p>It masks: the values of secret JSON fields (the catalog's secret list plus OAuth and
 * project-repository credentials), the {@code value} of variables marked {@code "encrypted": true},
 * the {@code Authorization} header, and every token it has been told about, wherever it appears.
 */
public final class Redactor {
  /** What a masked value prints as. */
  public static final String MASK = "***";

  private static final Set<String> EXTRA_SECRET_FIELDS = Set.of(
      "authorization", "access_token", "refresh_token", "client_secret", "code", "code_verifier",
      "custom_repo_pass", "registration_access_token", "secret_access_key", "access_key_id",
      "passphrase", "private_key", "secret", "secret_key");
  private static final Redactor STANDARD = new Redactor(
      Stream.concat(IntegrationCatalog.get().secretFields().stream(), EXTRA_SECRET_FIELDS.stream())
          .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));

  private final Set<String> secretFields;
  private final Set<String> literals = ConcurrentHashMap.newKeySet();
  private final Pattern fieldPattern;

  private Redactor(Set<String> secretFields) {
    this.secretFields = secretFields;
    // Fallback for text that is not JSON (or is cut off): "field" : "value" pairs.
    String names = secretFields.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    this.fieldPattern = Pattern.compile("(?i)(\"(?:" + names + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  }

  /** A redactor with the standard secret fields and no known tokens. */
  public static Redactor standard() {
    return new Redactor(STANDARD.secretFields);
  }

  /** Whether a JSON field of that name holds a secret. */
  public boolean isSecretField(String name) {
    return name != null && secretFields.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Remembers a secret value (a token, a secret field's value) so it is masked wherever it appears
   * later, even in text Buddy sends back. Values shorter than 6 characters are ignored (masking them
   * would garble ordinary text); at most 1024 values are kept.
   */
  public void addSecret(String value) {
    if (value != null && value.length() >= 6 && literals.size() < 1024) {
      literals.add(value);
    }
  }

  /** Remembers the values of every secret field (and encrypted variable) in a request body. */
  public void addSecretsOf(Object body) {
    if (body == null) {
      return;
    }
    collectSecrets(BuddyJson.mapper().valueToTree(body));
  }

  private void collectSecrets(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      boolean encrypted = obj.path("encrypted").asBoolean(false);
      obj.fields().forEachRemaining(e -> {
        if ((isSecretField(e.getKey()) || (encrypted && e.getKey().equals("value"))) && e.getValue().isTextual()) {
          addSecret(e.getValue().asText());
        } else {
          collectSecrets(e.getValue());
        }
      });
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(this::collectSecrets);
    }
  }

  /** Masks known secret values in free text. */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : literals) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  /** Masks a JSON document's secrets (by field name and encrypted variables) and known values. */
  public String redactJson(String json) {
    if (json == null || json.isBlank()) {
      return json;
    }
    try {
      JsonNode tree = BuddyJson.mapper().readTree(json);
      if (tree != null && (tree.isObject() || tree.isArray())) {
        redactNode(tree);
        return scrub(BuddyJson.mapper().writeValueAsString(tree));
      }
    } catch (Exception notJson) {
      // fall through: mask "secret": "value" pairs textually
    }
    Matcher m = fieldPattern.matcher(json);
    return scrub(m.replaceAll("$1\"" + MASK + "\""));
  }

  /** Masks a header's value if it carries credentials. */
  public String redactHeader(String name, String value) {
    if (name != null && (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Proxy-Authorization")
        || name.equalsIgnoreCase("Cookie") || name.equalsIgnoreCase("Set-Cookie"))) {
      return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer " + MASK : MASK;
    }
    return scrub(value);
  }

  private void redactNode(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      boolean encrypted = obj.path("encrypted").asBoolean(false);
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        boolean secret = isSecretField(e.getKey()) || (encrypted && e.getKey().equals("value"));
        if (secret && !e.getValue().isNull()) {
          e.setValue(TextNode.valueOf(MASK));
        } else {
          redactNode(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(this::redactNode);
    }
  }
}
