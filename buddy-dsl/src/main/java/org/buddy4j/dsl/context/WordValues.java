package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.GString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.buddy4j.dsl.DslException;
import org.buddy4j.core.Suggestions;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * Checks and converts the values given to a DSL word at run time, with messages that name the word
 * and what it expects, and never echo a value (it may be a secret) except for constants.
 */
public final class WordValues {
  private WordValues() {}

  public static String text(Word word, Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof GString g) {
      return g.toString();
    }
    throw wrong(word, value);
  }

  public static int number(Word word, Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if ((value instanceof Long || value instanceof BigInteger || value instanceof Short || value instanceof Byte)
        && ((Number) value).longValue() == ((Number) value).intValue()) {
      return ((Number) value).intValue();
    }
    if (value instanceof BigDecimal d) {
      try {
        return d.intValueExact();
      } catch (ArithmeticException notWhole) {
        throw wrong(word, value);
      }
    }
    throw wrong(word, value);
  }

  public static boolean bool(Word word, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw wrong(word, value);
  }

  public static String choice(Word word, Object value) {
    String s = value instanceof String || value instanceof GString ? value.toString() : null;
    if (s == null) {
      throw wrong(word, value);
    }
    if (!word.choices().contains(s)) {
      throw new DslException(word.name() + " expects " + oneOf(word.choices()) + ", not \"" + s + "\""
          + Suggestions.nearest(s, word.choices()).map(n -> "; did you mean " + n + "?").orElse(""));
    }
    return s;
  }

  public static Instant dateTime(Word word, Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    String s = value instanceof String || value instanceof GString ? value.toString() : null;
    if (s == null) {
      throw wrong(word, value);
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new DslException(word.name() + " expects a date-time with a zone, such as \"2026-11-18T12:38:16Z\", not \"" + s + "\"");
    }
  }

  /** One or more whole numbers, given as separate values or as one list. */
  public static int[] numbers(Word word, Object[] values) {
    List<Object> flat = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof Collection<?> c) {
        flat.addAll(c);
      } else if (v instanceof int[] ints) {
        for (int i : ints) {
          flat.add(i);
        }
      } else {
        flat.add(v);
      }
    }
    if (flat.isEmpty()) {
      throw new DslException(word.name() + " expects " + word.kind().description());
    }
    int[] out = new int[flat.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(word, flat.get(i));
    }
    return out;
  }

  /** Named values ({@code variables A: "1"}) as text. */
  public static Map<String, String> map(Word word, Object value) {
    if (!(value instanceof Map<?, ?> m) || m.isEmpty()) {
      throw wrong(word, value);
    }
    var out = new java.util.LinkedHashMap<String, String>();
    m.forEach((k, v) -> {
      if (!(v instanceof String || v instanceof GString || v instanceof Number || v instanceof Boolean)) {
        throw new DslException(word.name() + ": the value of " + k + " must be text, a number or true/false");
      }
      out.put(String.valueOf(k), String.valueOf(v));
    });
    return out;
  }

  /** Exactly {@code count} values, else an error naming what the word takes. */
  public static void count(Word word, Object[] args, int count) {
    if (args.length != count) {
      throw new DslException(word.name() + " expects " + word.kind().description()
          + (args.length == 0 ? ", got nothing" : args.length > count ? ", got " + args.length + " values" : ""));
    }
  }

  public static DslException wrong(Word word, Object value) {
    return new DslException(word.name() + " expects " + expected(word) + ", got " + describe(value));
  }

  static String expected(Word word) {
    return switch (word.kind()) {
      case CHOICE -> oneOf(word.choices());
      default -> word.kind().description();
    };
  }

  /** Says what kind of value something is, never what it is (it may be a secret). */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String || value instanceof GString) {
      return "text";
    }
    if (value instanceof Boolean) {
      return "true/false";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return "a whole number";
    }
    if (value instanceof Number) {
      return "a decimal number";
    }
    if (value instanceof Closure) {
      return "a block { }";
    }
    if (value instanceof Map) {
      return "named values";
    }
    if (value instanceof Collection || value.getClass().isArray()) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
  }

  static String oneOf(List<String> choices) {
    if (choices.size() > 12) {
      return "one of " + choices.size() + " constants such as " + String.join(", ", choices.subList(0, 6));
    }
    if (choices.size() == 1) {
      return choices.get(0);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }
}
