package org.buddy4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.buddy4j.core.generated.secrets.SecretFieldData;

/**
 * Which JSON fields hold secrets: generated from the spec ({@code format: password}, {@code writeOnly},
 * {@code x-buddy-secret-when} and the integration catalog's {@code secretFields}), never listed by hand.
 *
 * <p>A field is secret in an object when its name is always secret, unless the name is plain in other
 * objects of the spec and a field that only those objects have stands beside it (a variable's {@code key}
 * next to its {@code value}, a member's {@code email} next to its {@code id}); or when it is secret while a
 * flag beside it is true (a variable's {@code value} while {@code encrypted}). An object that cannot be
 * placed is masked.
 */
final class SecretFields {
  private static final SecretFields STANDARD = new SecretFields(SecretFieldData.always(), SecretFieldData.secretWhen(),
      SecretFieldData.plainBeside());

  private final Set<String> always;
  private final Map<String, String> secretWhen;
  private final Map<String, Set<String>> plainBeside;

  private SecretFields(Set<String> always, Map<String, String> secretWhen, Map<String, Set<String>> plainBeside) {
    this.always = always.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.secretWhen = Map.copyOf(secretWhen);
    this.plainBeside = Map.copyOf(plainBeside);
  }

  static SecretFields standard() {
    return STANDARD;
  }

  /** Names that hold a secret in at least one object of the spec (conditional ones excluded). */
  Set<String> names() {
    return always;
  }

  /** Whether the name is secret in some object of the spec, wherever it is found (the cautious answer). */
  boolean isSecretName(String name) {
    return name != null && (always.contains(name.toLowerCase(Locale.ROOT)) || secretWhen.containsKey(name));
  }

  /**
   * Whether {@code name} holds a secret in an object whose other fields {@code sibling} returns (null for
   * a field the object lacks; a JSON node, a Boolean or a String otherwise).
   */
  boolean isSecret(String name, Function<String, Object> sibling) {
    if (name == null) {
      return false;
    }
    String flag = secretWhen.get(name);
    if (flag != null && isTrue(sibling.apply(flag))) {
      return true;
    }
    if (!always.contains(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    Set<String> witnesses = plainBeside.get(name);
    if (witnesses != null) {
      for (String w : witnesses) {
        Object v = sibling.apply(w);
        if (v != null && !(v instanceof JsonNode n && n.isMissingNode())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isTrue(Object v) {
    return Boolean.TRUE.equals(v) || "true".equals(v) || (v instanceof JsonNode n && n.asBoolean(false));
  }
}
