package org.buddy4j.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.EnvRef;
import org.buddy4j.core.provision.FieldSpec;
import org.buddy4j.core.provision.Secret;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * Writes a {@link DesiredState} as a Buddy script in the DSL's own words (what {@code buddy export} prints):
 * {@code workspace "…" { project "…" { pipeline "…" { … } } }}, nested as the addresses read, in the state's
 * order, fields in their declared order; a field without a word of its own is {@code field "api_name", value};
 * an {@link EnvRef} is {@code env("NAME")}. The same state always gives the same text, and compiling that
 * text declares the same state again. A {@link Secret} is never written: an export holds references only.
 */
public final class ScriptWriter {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final String INDENT = "  ";

  private final Map<Address, Declared> byAddress = new LinkedHashMap<>();
  private final Map<Address, List<Address>> children = new LinkedHashMap<>();
  private final StringBuilder out = new StringBuilder();

  private ScriptWriter(DesiredState state) {
    for (Declared d : state.resources()) {
      byAddress.put(d.address(), d);
    }
    for (Declared d : state.resources()) {
      link(d.address());
    }
  }

  /**
   * The script that declares {@code state}.
   *
   * @throws IllegalArgumentException if a value is a {@link Secret} (write an {@link EnvRef}) or cannot be
   *     written as a script value
   */
  public static String write(DesiredState state) {
    ScriptWriter w = new ScriptWriter(state);
    List<String> workspaces = new ArrayList<>();
    state.resources().forEach(d -> {
      if (!workspaces.contains(d.address().workspace())) {
        workspaces.add(d.address().workspace());
      }
    });
    for (String ws : workspaces) {
      w.out.append("workspace ").append(text(ws)).append(" {\n");
      w.children.getOrDefault(Address.workspace(ws), List.of()).forEach(a -> w.node(a, 1));
      w.out.append("}\n");
    }
    return w.out.toString();
  }

  /** Records the address under its parent, and the parents up to the workspace (declared or not). */
  private void link(Address address) {
    Address parent = address.parent();
    List<Address> siblings = children.computeIfAbsent(parent, k -> new ArrayList<>());
    if (!siblings.contains(address)) {
      siblings.add(address);
    }
    if (!parent.path().isEmpty()) {
      link(parent);
    }
  }

  private void node(Address address, int depth) {
    Declared d = byAddress.get(address);
    String kind = address.kind();
    List<Address> inner = children.getOrDefault(address, List.of());
    if (d != null && inner.isEmpty() && shortForm(d)) {
      line(depth, kind + " " + text(address.key()) + ", " + value(d.fields().get("value")));
      return;
    }
    boolean keyInside = d != null && kind.equals(Vocabulary.INTEGRATION) && !address.key().equals(d.fields().get("identifier"));
    line(depth, kind + (keyInside ? "" : " " + text(address.key())) + " {");
    if (d != null) {
      if (kind.equals(Vocabulary.INTEGRATION)) {
        integration(d, depth + 1);
      } else {
        fields(d, depth + 1);
      }
    }
    inner.forEach(a -> node(a, depth + 1));
    line(depth, "}");
  }

  /** {@code variable "KEY", "value"}: a kind with a value, declared with its key and a plain value only. */
  private static boolean shortForm(Declared d) {
    Object v = d.fields().get("value");
    return Vocabulary.get().hasShortForm(d.kind()) && v instanceof String
        && d.fields().keySet().stream().allMatch(f -> f.equals("value") || f.equals(d.kind().keyField()));
  }

  private void fields(Declared d, int depth) {
    String block = Vocabulary.blockOf(d.kind());
    d.fields().forEach((api, v) -> {
      if (api.equals(d.kind().keyField()) || v == null) {
        return;
      }
      Optional<FieldSpec> spec = d.kind().field(api);
      Optional<Word> word = spec.flatMap(f -> Vocabulary.get().declarationField(block, f.word()))
          .flatMap(f -> Vocabulary.get().block(block).word(f.word()));
      String written = word.map(w -> byWord(w, v, depth)).orElse(null);
      line(depth, written != null ? written : "field " + text(api) + ", " + value(v));
    });
  }

  /** The word with its value(s), or null when the value does not fit the word (then field "…" is written). */
  private static String byWord(Word w, Object v, int depth) {
    String n = w.name();
    return switch (w.kind()) {
      case TEXT -> v instanceof String || v instanceof EnvRef ? n + " " + value(v) : null;
      case NUMBER -> v instanceof Integer || v instanceof Long ? n + " " + v : null;
      case BOOLEAN -> v instanceof Boolean ? n + " " + v : null;
      case CHOICE -> v instanceof String s && w.choices().contains(s) ? n + " " + choice(s) : null;
      case TEXTS -> list(v, String.class, null) ? n + (((List<?>) v).isEmpty() ? "([])" : " " + join((List<?>) v, false)) : null;
      case CHOICES -> list(v, String.class, w.choices()) && !((List<?>) v).isEmpty() ? n + " " + join((List<?>) v, true) : null;
      case NUMBERS -> list(v, Integer.class, null) && !((List<?>) v).isEmpty() ? n + " " + join((List<?>) v, false) : null;
      case OBJECT -> v instanceof Map<?, ?> m ? n + (m.isEmpty() ? "([:])" : " " + entries(m)) : null;
      case OBJECTS -> objects(n, v, depth);
      default -> null;
    };
  }

  /** One line per entry ({@code events type: "PUSH"}); {@code events([])} for none. */
  private static String objects(String n, Object v, int depth) {
    if (!(v instanceof List<?> l) || !l.stream().allMatch(e -> e instanceof Map<?, ?> m && !m.isEmpty())) {
      return null;
    }
    if (l.isEmpty()) {
      return n + "([])";
    }
    StringBuilder b = new StringBuilder();
    for (Object e : l) {
      if (b.length() > 0) {
        b.append('\n').append(INDENT.repeat(depth));
      }
      b.append(n).append(' ').append(entries((Map<?, ?>) e));
    }
    return b.toString();
  }

  private void integration(Declared d, int depth) {
    Map<String, Object> f = d.fields();
    String type = (String) f.get("type");
    if (type != null) {
      line(depth, "type " + choice(type));
    }
    List<String> words = Vocabulary.get().integrationWordsFor(type);
    var block = Vocabulary.get().block(Vocabulary.INTEGRATION);
    f.forEach((api, v) -> {
      if (api.equals("type") || v == null || (api.equals("identifier") && v.equals(d.key()))) {
        return;
      }
      switch (api) {
        case "role_assumptions" -> {
          if (v instanceof List<?> roles && roles.stream().allMatch(r -> r instanceof Map)) {
            roles.forEach(r -> {
              line(depth, "roleAssumption {");
              ((Map<?, ?>) r).forEach((k, x) -> line(depth + 1, Vocabulary.camel(String.valueOf(k)) + " " + value(x)));
              line(depth, "}");
            });
            return;
          }
        }
        case "permissions" -> {
          if (v instanceof Map<?, ?> p) {
            permissions(p, depth);
            return;
          }
        }
        case "allowed_pipelines" -> {
          if (v instanceof List<?> ids && !ids.isEmpty() && ids.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") instanceof Integer)) {
            line(depth, "allowedPipelines " + String.join(", ", ids.stream().map(i -> String.valueOf(((Map<?, ?>) i).get("id"))).toList()));
            return;
          }
        }
        default -> {
        }
      }
      Optional<Word> word = block.words().values().stream()
          .filter(w -> api.equals(w.apiField()) && words.contains(w.name()) && w.kind() != ArgKind.BLOCK).findFirst();
      String written = word.map(w -> w.kind() == ArgKind.CHOICE && v instanceof String s && w.choices().contains(s) ? w.name() + " " + choice(s)
          : w.kind() == ArgKind.BOOLEAN && v instanceof Boolean ? w.name() + " " + v
          : (w.kind() == ArgKind.TEXT) && (v instanceof String || v instanceof EnvRef) ? w.name() + " " + value(v) : null).orElse(null);
      line(depth, written != null ? written : "field " + text(api) + ", " + value(v));
    });
  }

  private void permissions(Map<?, ?> p, int depth) {
    line(depth, "permissions {");
    p.forEach((k, v) -> {
      if ((k.equals("users") || k.equals("groups")) && v instanceof List<?> l) {
        l.forEach(e -> {
          Map<?, ?> m = (Map<?, ?>) e;
          line(depth + 1, (k.equals("users") ? "user " : "group ") + m.get("id") + ", " + choice(String.valueOf(m.get("access_level"))));
        });
      } else {
        line(depth + 1, k + " " + choice(String.valueOf(v)));
      }
    });
    line(depth, "}");
  }

  private static boolean list(Object v, Class<?> element, List<String> choices) {
    return v instanceof List<?> l && l.stream().allMatch(e -> element.isInstance(e) && (choices == null || choices.contains(e)));
  }

  private static String join(List<?> values, boolean constants) {
    return String.join(", ", values.stream().map(e -> constants ? choice((String) e) : value(e)).toList());
  }

  private static String choice(String s) {
    return CONSTANT.matcher(s).matches() ? s : text(s);
  }

  private static String entries(Map<?, ?> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(key(String.valueOf(k)) + ": " + value(v)));
    return String.join(", ", parts);
  }

  private static String key(String k) {
    return IDENTIFIER.matcher(k).matches() ? k : text(k);
  }

  /** A value as Groovy source. */
  static String value(Object v) {
    if (v instanceof Secret) {
      throw new IllegalArgumentException("a secret value is never written into a script: export an env(\"NAME\") reference (EnvRef)");
    }
    if (v instanceof EnvRef e) {
      return "env(" + text(e.name()) + ")";
    }
    if (v instanceof String s) {
      return text(s);
    }
    if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof java.math.BigDecimal
        || v instanceof Double) {
      return String.valueOf(v);
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty() ? "[:]" : "[" + entries(m) + "]";
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(ScriptWriter::value).toList()) + "]";
    }
    throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as a script value");
  }

  /** A double-quoted Groovy string with {@code \}, {@code "}, {@code $} and control characters escaped. */
  static String text(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '$' -> b.append("\\$");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private void line(int depth, String text) {
    out.append(INDENT.repeat(depth)).append(text).append('\n');
  }
}
