package org.buddy4j.dsl.boundary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * The checked calls a script is compiled into. The compiler rewrites every call, property read and
 * subscript of a script whose receiver is a value ({@code x.trim()}, {@code r.status}, {@code m["k"]})
 * into one of these methods; each looks at the receiver's class at run time and lets the call through only
 * when the {@link Allowlist} has it. Like Jenkins' groovy-sandbox, the check is on the actual receiver,
 * so no static type is trusted; unlike it, what is allowed is a short list of value methods.
 *
 * <p>Loops and closure bodies call {@link #tick()}, which enforces the script's {@link ScriptBudget}.
 */
public final class Boundary {
  private Boundary() {}

  /** {@code receiver.name(args)}, {@code receiver?.name(args)}, {@code receiver*.name(args)}. */
  public static Object call(Object receiver, Object name, Object[] args, boolean safe, boolean spread) {
    tick();
    String method = String.valueOf(name);
    if (receiver == null) {
      if (safe || spread) {
        return null;
      }
      throw new ScriptStopped("cannot call '" + method + "' on null");
    }
    if (spread) {
      List<Object> out = new ArrayList<>();
      for (Object item : items(receiver, method)) {
        out.add(item == null ? null : call(item, method, args, false, false));
      }
      return out;
    }
    if (receiver instanceof Class<?> type) {
      if (!Allowlist.allowsStatic(type, method)) {
        throw refused(method, null);
      }
      return InvokerHelper.invokeStaticMethod(type, method, args);
    }
    Allowlist.Kind kind = Allowlist.kind(receiver);
    if (kind == null || !Allowlist.allowsMethod(kind, method)) {
      throw refused(method, kind);
    }
    if (method.equals("getAt") && args.length == 1) {
      return getAt(receiver, args[0], false);
    }
    if (method.equals("putAt") && args.length == 2) {
      return putAt(receiver, args[0], args[1]);
    }
    return InvokerHelper.invokeMethod(receiver, method, args);
  }

  /** {@code receiver.name}, {@code receiver?.name}, {@code receiver*.name}. */
  public static Object property(Object receiver, Object name, boolean safe, boolean spread) {
    tick();
    String property = String.valueOf(name);
    if (receiver == null) {
      if (safe || spread) {
        return null;
      }
      throw new ScriptStopped("cannot read '" + property + "' of null");
    }
    if (spread) {
      List<Object> out = new ArrayList<>();
      for (Object item : items(receiver, property)) {
        out.add(item == null ? null : property(item, property, false, false));
      }
      return out;
    }
    if (receiver instanceof Class<?> type) {
      if (!Allowlist.allowsStaticField(type, property)) {
        throw refused(property, null);
      }
      return InvokerHelper.getProperty(type, property);
    }
    Allowlist.Kind kind = Allowlist.kind(receiver);
    if (kind == null || !Allowlist.allowsProperty(kind, property)) {
      throw refused(property, kind);
    }
    if (receiver instanceof Map<?, ?> map) {
      return map.get(property); // a key, never a bean property such as 'class' or 'metaClass'
    }
    if (receiver instanceof Map.Entry<?, ?> entry) {
      return switch (property) {
        case "key" -> entry.getKey();
        case "value" -> entry.getValue();
        default -> throw refused(property, kind);
      };
    }
    return InvokerHelper.getProperty(receiver, property);
  }

  /** {@code receiver.name = value}: only keys of named values. */
  public static Object setProperty(Object receiver, Object name, Object value) {
    tick();
    String property = String.valueOf(name);
    if (receiver instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> map = (Map<Object, Object>) receiver;
      map.put(property, value);
      return value;
    }
    throw new ScriptStopped("'" + property + "' cannot be set on " + words(Allowlist.kind(receiver))
        + " (only named values take new keys: m.key = value)");
  }

  /** {@code receiver[key]}: a key of named values, an index or range of a list or text. */
  public static Object getAt(Object receiver, Object key, boolean safe) {
    tick();
    if (receiver == null) {
      if (safe) {
        return null;
      }
      throw new ScriptStopped("cannot index null");
    }
    Allowlist.Kind kind = Allowlist.kind(receiver);
    if (receiver instanceof Map<?, ?> map) {
      return map.get(key);
    }
    if ((kind == Allowlist.Kind.LIST || kind == Allowlist.Kind.TEXT || kind == Allowlist.Kind.MATCH) && isIndex(key)) {
      return InvokerHelper.invokeMethod(receiver, "getAt", new Object[] {key});
    }
    throw new ScriptStopped(words(kind) + " cannot be indexed by " + describeKey(key)
        + (kind == Allowlist.Kind.LIST || kind == Allowlist.Kind.TEXT ? ": use a number or a range, e.g. x[0]" : ""));
  }

  /** {@code receiver[key] = value}. */
  public static Object putAt(Object receiver, Object key, Object value) {
    tick();
    if (receiver instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> map = (Map<Object, Object>) receiver;
      map.put(key, value);
      return value;
    }
    if (receiver instanceof List<?> && key instanceof Number) {
      InvokerHelper.invokeMethod(receiver, "putAt", new Object[] {key, value});
      return value;
    }
    throw new ScriptStopped(words(Allowlist.kind(receiver)) + " cannot be changed by " + describeKey(key));
  }

  /** Counts a step of the script and stops it when its budget is spent (see {@link ScriptBudget}). */
  public static void tick() {
    ScriptBudget.tick();
  }

  private static boolean isIndex(Object key) {
    if (key instanceof Number || key instanceof groovy.lang.Range<?>) {
      return true;
    }
    if (key instanceof Collection<?> c) {
      return c.stream().allMatch(k -> k instanceof Number || k instanceof groovy.lang.Range<?>);
    }
    return false;
  }

  private static Iterable<?> items(Object receiver, String member) {
    Allowlist.Kind kind = Allowlist.kind(receiver);
    if (kind != Allowlist.Kind.LIST && kind != Allowlist.Kind.MAP) {
      throw new ScriptStopped("'*." + member + "' needs a list, not " + words(kind));
    }
    if (receiver instanceof Map<?, ?> m) {
      return m.entrySet();
    }
    if (receiver instanceof Object[] a) {
      return java.util.Arrays.asList(a);
    }
    if (receiver instanceof Iterable<?> i) {
      return i;
    }
    return DefaultGroovyMethods.toList((java.util.Iterator<?>) receiver);
  }

  private static String describeKey(Object key) {
    if (key instanceof CharSequence) {
      return "text ('" + key + "')";
    }
    return key == null ? "null" : words(Allowlist.kind(key));
  }

  private static String words(Allowlist.Kind kind) {
    return kind == null ? "this value" : kind.words();
  }

  private static ScriptStopped refused(String member, Allowlist.Kind kind) {
    if (kind == Allowlist.Kind.RUN) { // a typo in a result's word: say which words it has
      Block result = Vocabulary.get().block(Vocabulary.RESULT);
      return new ScriptStopped(Messages.unknownWord(member, result.title(), result.names()));
    }
    return new ScriptStopped("'" + member + "' is not available in Buddy scripts"
        + (kind == null ? "" : " (on " + kind.words() + ")"));
  }
}
