package org.buddy4j.dsl.boundary;

import groovy.lang.Closure;
import groovy.lang.GString;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.Run;
import org.buddy4j.dsl.vocabulary.Vocabulary;

/**
 * What a Buddy script may call on a value, by the kind of value it is at run time: text, numbers,
 * true/false, lists and maps, closures, regex matches, and the DSL's own results (a run, an
 * integration). Everything else (every other class, every reflective or metaprogramming member such as
 * {@code getClass}, {@code metaClass}, {@code invokeMethod}, {@code with}, {@code execute}) is refused.
 * The DSL's words themselves are checked against the {@link Vocabulary} when the script compiles.
 */
public final class Allowlist {
  /** The kinds of value a script can hold, with the members each allows. */
  public enum Kind {
    TEXT("text"), NUMBER("a number"), BOOLEAN("true/false"), LIST("a list"), MAP("named values"),
    CLOSURE("a closure"), MATCH("a regex match"), RUN("a run's result"), INTEGRATION("an integration");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How messages name the kind (never a Java class name). */
    public String words() {
      return words;
    }
  }

  private static final Set<String> COMMON = Set.of("toString", "equals", "hashCode", "compareTo", "asBoolean", "is");

  private static final Set<String> TEXT = names(COMMON, "toUpperCase", "toLowerCase", "trim", "strip", "stripIndent",
      "stripMargin", "stripLeading", "stripTrailing", "split", "tokenize", "contains", "startsWith", "endsWith", "replace",
      "replaceAll", "replaceFirst", "substring", "size", "length", "isEmpty", "isBlank", "padLeft", "padRight", "center",
      "capitalize", "uncapitalize", "reverse", "count", "indexOf", "lastIndexOf", "charAt", "matches", "equalsIgnoreCase",
      "compareToIgnoreCase", "toInteger", "toLong", "toBigDecimal", "toDouble", "toBoolean", "isNumber", "isInteger",
      "isLong", "isBigDecimal", "isDouble", "plus", "minus", "multiply", "getAt", "take", "drop", "takeWhile", "dropWhile",
      "readLines", "eachLine", "toList", "toSet", "toCharacter", "find", "findAll", "each", "eachWithIndex", "collect",
      "any", "every", "concat", "repeat", "denormalize", "normalize", "isAllWhitespace", "expand", "unexpand", "next",
      "previous", "codePointAt", "formatted", "isUpperCase", "isLowerCase", "isDigit",
      "isLetter", "isWhitespace");
  private static final Set<String> NUMBER = names(COMMON, "plus", "minus", "multiply", "div", "mod", "power",
      "intdiv", "abs", "round", "toInteger", "toLong", "toBigDecimal", "toBigInteger", "toDouble", "intValue",
      "longValue", "doubleValue", "times", "upto", "downto", "step", "next", "previous", "negative", "positive",
      "setScale", "signum", "stripTrailingZeros", "toPlainString", "max", "min");
  private static final Set<String> BOOLEAN = names(COMMON, "booleanValue", "and", "or", "xor", "implies");
  private static final Set<String> LIST = names(COMMON, "each", "eachWithIndex", "reverseEach", "collect",
      "collectMany", "collectEntries", "findAll", "find", "findResult", "findResults", "findIndexOf", "findLastIndexOf",
      "findIndexValues", "any", "every", "inject", "sum", "max", "min", "sort", "toSorted", "unique", "toUnique", "size",
      "isEmpty", "contains", "containsAll", "get", "getAt", "putAt", "add", "addAll", "remove", "removeAll", "removeAt",
      "removeElement", "retainAll", "clear", "first", "last", "head", "tail", "init", "take", "drop", "takeRight",
      "dropRight", "takeWhile", "dropWhile", "join", "reverse", "flatten", "groupBy", "countBy", "count", "withIndex",
      "indexed", "subList", "indexOf", "lastIndexOf", "plus", "minus", "multiply", "leftShift", "toList", "toSet",
      "asImmutable", "intersect", "disjoint", "split", "collate", "grep", "push", "pop", "shuffled", "getFrom", "getTo",
      "isReverse", "containsWithinBounds", "combinations", "transpose", "permutations", "sum", "average", "chop",
      "step", "asBoolean", "set", "swap");
  private static final Set<String> MAP = names(LIST, "put", "putAll", "containsKey", "containsValue", "keySet",
      "values", "entrySet", "subMap", "getKey", "getValue", "getOrDefault", "putIfAbsent", "collectEntries", "findAll",
      "sort", "max", "min", "groupEntriesBy", "withIndex");
  private static final Set<String> CLOSURE = names(COMMON, "call", "curry", "rcurry", "ncurry", "getMaximumNumberOfParameters");
  private static final Set<String> MATCH = names(COMMON, "matches", "find", "group", "groupCount", "getCount", "getAt",
      "size", "each", "collect", "start", "end", "hasGroup");
  private static final Set<String> INTEGRATION = names(COMMON, "getHashId", "getName", "getIdentifier", "getType",
      "hashId", "name", "identifier", "type");
  /** Static members of value classes, e.g. {@code Integer.parseInt("3")}. */
  private static final Map<Class<?>, Set<String>> STATIC = Map.of(
      Integer.class, Set.of("parseInt", "valueOf", "toString", "max", "min"),
      Long.class, Set.of("parseLong", "valueOf", "toString", "max", "min"),
      String.class, Set.of("valueOf", "join", "format"),
      Boolean.class, Set.of("parseBoolean", "valueOf", "toString"),
      java.math.BigDecimal.class, Set.of("valueOf"),
      Double.class, Set.of("parseDouble", "valueOf"));

  /** Static fields of value classes, e.g. {@code Integer.MAX_VALUE}. */
  private static final Set<String> STATIC_FIELDS = Set.of("MAX_VALUE", "MIN_VALUE");

  private Allowlist() {}

  /** The kind of value, or null for a value a script can never call anything on. */
  public static Kind kind(Object value) {
    if (value instanceof CharSequence || value instanceof Character || value instanceof GString) {
      return Kind.TEXT;
    }
    if (value instanceof Number) {
      return Kind.NUMBER;
    }
    if (value instanceof Boolean) {
      return Kind.BOOLEAN;
    }
    if (value instanceof Map || value instanceof Map.Entry) {
      return Kind.MAP;
    }
    if (value instanceof Collection || value instanceof Object[] || value instanceof Iterator) {
      return Kind.LIST;
    }
    if (value instanceof Closure) {
      return Kind.CLOSURE;
    }
    if (value instanceof Matcher) {
      return Kind.MATCH;
    }
    if (value instanceof Run) {
      return Kind.RUN;
    }
    if (value instanceof IntegrationRef) {
      return Kind.INTEGRATION;
    }
    return null;
  }

  /** Whether a script may call this method on a value of this kind. */
  public static boolean allowsMethod(Kind kind, String name) {
    return switch (kind) {
      case TEXT -> TEXT.contains(name);
      case NUMBER -> NUMBER.contains(name);
      case BOOLEAN -> BOOLEAN.contains(name);
      case LIST -> LIST.contains(name);
      case MAP -> MAP.contains(name);
      case CLOSURE -> CLOSURE.contains(name);
      case MATCH -> MATCH.contains(name);
      case RUN -> COMMON.contains(name) || runWords().contains(name);
      case INTEGRATION -> INTEGRATION.contains(name);
    };
  }

  /**
   * Whether a script may read this property of a value of this kind. Named values (maps) read any key,
   * as in Groovy ({@code config.region}); a run and an integration their documented fields; nothing else.
   */
  public static boolean allowsProperty(Kind kind, String name) {
    return switch (kind) {
      case MAP -> true;
      case RUN -> runWords().contains(name);
      case INTEGRATION -> INTEGRATION.contains(name);
      default -> false;
    };
  }

  /** Whether {@code Type.name(…)} is allowed on this class. */
  public static boolean allowsStatic(Class<?> type, String name) {
    Set<String> members = STATIC.get(type);
    return members != null && members.contains(name);
  }

  /** Whether {@code Type.NAME} is allowed on this class. */
  public static boolean allowsStaticField(Class<?> type, String name) {
    return STATIC.containsKey(type) && STATIC_FIELDS.contains(name);
  }

  /**
   * Every method name allowed on some kind of value: a call whose name is in none of them cannot be
   * right for any receiver, so the compiler refuses it before the script runs.
   */
  public static boolean anyKindAllowsMethod(String name) {
    return ALL_METHODS.contains(name);
  }

  private static final Set<String> ALL_METHODS = all();

  private static Set<String> all() {
    Set<String> all = new HashSet<>();
    for (Set<String> s : List.of(TEXT, NUMBER, BOOLEAN, LIST, MAP, CLOSURE, MATCH, INTEGRATION)) {
      all.addAll(s);
    }
    all.addAll(runWords());
    STATIC.values().forEach(all::addAll);
    return Set.copyOf(all);
  }

  private static List<String> runWords() {
    return Vocabulary.get().block(Vocabulary.RESULT).names();
  }

  private static Set<String> names(Set<String> base, String... more) {
    Set<String> s = new HashSet<>(base);
    s.addAll(List.of(more));
    return Set.copyOf(s);
  }
}
