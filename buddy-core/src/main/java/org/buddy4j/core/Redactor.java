package org.buddy4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place that decides what must not be printed. Everything buddy4j writes to a log, puts in
 * an exception message or a report passes through it.
 *
 * <p>It masks: the values of secret JSON fields ({@link SecretFields}: every field the spec marks
 * {@code format: password}, {@code writeOnly} or {@code x-buddy-secret-when}, and the catalog's secret
 * fields), the {@code Authorization} header, and every token it has been told about, wherever it appears.
 */
public final class Redactor {
  /** What a masked value prints as. */
  public static final String MASK = "***";

  private static final Redactor STANDARD = new Redactor(SecretFields.standard());

  private final SecretFields secretFields;
  private final SecretValues literals = new SecretValues();
  private final Pattern fieldPattern;

  private Redactor(SecretFields secretFields) {
    this(secretFields, fieldPattern(secretFields.names()));
  }

  private Redactor(SecretFields secretFields, Pattern fieldPattern) {
    this.secretFields = secretFields;
    this.fieldPattern = fieldPattern;
  }

  // Fallback for text that is not JSON (or is cut off): "field" : "value" pairs.
  private static Pattern fieldPattern(Set<String> secretFields) {
    String names = secretFields.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("(?i)(\"(?:" + names + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  }

  /** A redactor with the standard secret fields and no known tokens. */
  public static Redactor standard() {
    return new Redactor(STANDARD.secretFields, STANDARD.fieldPattern);
  }

  /**
   * Whether a JSON field of that name holds a secret in some object of the spec (the cautious answer, for a
   * field seen without its object; bodies are judged field by field in their object).
   */
  public boolean isSecretField(String name) {
    return secretFields.isSecretName(name);
  }

  /**
   * Remembers a secret value (a token, a secret field's value) so it is masked wherever it appears
   * later, even in text Buddy sends back, for the life of this redactor. Values shorter than 6
   * characters are ignored (masking them would garble ordinary text). There is no cap: memory grows
   * with the number of distinct values, and a value given again adds nothing.
   */
  public void addSecret(String value) {
    if (value != null && value.length() >= 6) {
      literals.add(value);
    }
  }

  /** How many distinct secret values this redactor masks in free text. */
  public int knownSecretCount() {
    return literals.size();
  }

  /** Remembers the values of every secret field (and encrypted variable) in a request body. */
  public void addSecretsOf(Object body) {
    if (body == null) {
      return;
    }
    collectSecrets(BuddyJson.mapper().valueToTree(body));
  }

  /**
   * Remembers the secrets of a request body as it goes out: a JSON body's secret fields and encrypted
   * variables, or a form's secret-named fields. Every body the transport sends passes here, so whatever
   * Buddy echoes back (an error message quoting a password) is masked too.
   */
  public void addSecretsOfBody(byte[] body) {
    if (body == null || body.length == 0) {
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode tree = BuddyJson.mapper().readTree(text);
      if (tree != null && tree.isContainerNode()) {
        collectSecrets(tree);
        return;
      }
    } catch (Exception notJson) {
      // a form, or text: read as name=value pairs below
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          if (isSecretField(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
            addSecret(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        } catch (IllegalArgumentException notForm) {
          // not a form after all
        }
      }
    }
  }

  private void collectSecrets(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      obj.fields().forEachRemaining(e -> {
        if (secretFields.isSecret(e.getKey(), obj::get) && e.getValue().isTextual()) {
          addSecret(e.getValue().asText());
        } else {
          collectSecrets(e.getValue());
        }
      });
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(this::collectSecrets);
    }
  }

  /** Masks known secret values in free text (where two overlap, both are masked as one). */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return literals.mask(text, MASK);
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

  /**
   * What a generated model's {@code toString} prints for its unknown fields ({@code additionalProperties}):
   * a copy with the value of every secret field ({@link SecretFields}) and of every encrypted variable
   * masked, at any depth. Declared secret fields are masked by the model itself.
   */
  public static Object printable(Map<String, ?> unknownFields) {
    return unknownFields == null ? null : STANDARD.maskedCopy(unknownFields);
  }

  private Object maskedCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        boolean secret = secretFields.isSecret(String.valueOf(k), map::get);
        out.put(k, secret && v != null ? MASK : maskedCopy(v));
      });
      return out;
    } else if (value instanceof Collection<?> list) {
      return list.stream().map(this::maskedCopy).collect(Collectors.toList());
    } else if (value instanceof JsonNode node) {
      JsonNode copy = node.deepCopy();
      redactNode(copy);
      return copy;
    }
    return value; // a string, number, or a generated model (which masks its own secrets)
  }

  private void redactNode(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        boolean secret = secretFields.isSecret(e.getKey(), obj::get);
        if (secret && !e.getValue().isNull()) {
          e.setValue(TextNode.valueOf(MASK));
        } else if (e.getValue().isTextual()) {
          e.setValue(scrubbed((TextNode) e.getValue()));
        } else {
          redactNode(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i).isTextual()) {
          arr.set(i, scrubbed((TextNode) arr.get(i)));
        } else {
          redactNode(arr.get(i));
        }
      }
    }
  }

  // Known values are masked in each string before it is written out, so a secret that JSON escapes
  // (a quote, a backslash, a control character) cannot slip past the scrub of the written text.
  private TextNode scrubbed(TextNode text) {
    String masked = scrub(text.textValue());
    return masked.equals(text.textValue()) ? text : TextNode.valueOf(masked);
  }
}
