package org.buddy4j.core.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.buddy4j.core.BuddyJson;

/**
 * Declared values against live ones, in one place: "declared ⊆ live" comparison (nested objects by the keys
 * declared, lists element by element, secrets left to the ledger), masked rendering for plans, and the body
 * an apply sends (secrets revealed, references resolved).
 */
final class Values {
  static final String MASK = "***";

  private Values() {}

  /** Whether the declared value (secrets skipped: the ledger compares them) is what Buddy has. */
  static boolean sameIgnoringSecrets(Object declared, Object live) {
    if (declared instanceof Secret) {
      return true;
    }
    if (declared instanceof Ref || declared instanceof EnvRef) {
      throw new IllegalArgumentException("unresolved " + declared);
    }
    if (isEmpty(declared)) {
      return isEmpty(live);
    }
    if (declared instanceof Map<?, ?> d) {
      if (!(live instanceof Map<?, ?> l)) {
        return false;
      }
      return d.entrySet().stream().allMatch(e -> sameIgnoringSecrets(e.getValue(), l.get(String.valueOf(e.getKey()))));
    }
    if (declared instanceof List<?> d) {
      if (!(live instanceof List<?> l) || l.size() != d.size()) {
        return false;
      }
      for (int i = 0; i < d.size(); i++) {
        if (!sameIgnoringSecrets(d.get(i), l.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (declared instanceof Number a && live instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return live != null && String.valueOf(declared).equals(String.valueOf(live))
        && (declared instanceof String) == (live instanceof String);
  }

  private static boolean isEmpty(Object v) {
    return v == null || (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
  }

  /** Every secret in a value, with its path below the field ({@code auth.password}; the field itself for a top-level one). */
  static void eachSecret(String path, Object value, BiConsumer<String, Secret> each) {
    if (value instanceof Secret s) {
      each.accept(path, s);
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> eachSecret(path + "." + k, v, each));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        eachSecret(path + "[" + i + "]", l.get(i), each);
      }
    }
  }

  static boolean hasSecret(Object value) {
    boolean[] found = {false};
    eachSecret("", value, (p, s) -> found[0] = true);
    return found[0];
  }

  /** The value with every secret and reference replaced ({@code transform} decides), for a body or a rendering. */
  static Object map(Object value, Function<Object, Object> leaf) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), map(v, leaf)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(map(v, leaf)));
      return out;
    }
    return leaf.apply(value);
  }

  /** A value as a plan shows it: JSON, secrets {@code ***}, references as what they refer to. */
  static String render(Object value) {
    if (value == null) {
      return "null";
    }
    Object printable = map(value, v -> v instanceof Secret ? MASK
        : v instanceof Ref r ? "(" + r + ", known after apply)"
        : v instanceof EnvRef e ? "env(\"" + e.name() + "\")" : v);
    try {
      return BuddyJson.mapper().writeValueAsString(printable);
    } catch (JsonProcessingException e) {
      return String.valueOf(printable); // unreachable for maps, lists and scalars
    }
  }

  /** The value an apply sends: secrets revealed, references resolved by {@code refs}. */
  static Object body(Object value, Function<Ref, Object> refs) {
    return map(value, v -> v instanceof Secret s ? s.reveal() : v instanceof Ref r ? refs.apply(r) : v);
  }

  /** {@code DEPLOY_KEY} from {@code deploy-key}, {@code https://x.io/hook} → {@code HTTPS_X_IO_HOOK}: an environment variable name. */
  static String upperSnake(String text) {
    String s = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_+|_+$", "").toUpperCase(java.util.Locale.ROOT);
    return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }
}
