package org.buddy4j.dsl.context;

import groovy.lang.GString;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.ValueRules;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * Checks and converts the values given to a DSL word at run time, by the same rules and with the same
 * messages as the compile-time check ({@link ValueRules}).
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
    return ValueRules.wholeNumber(value).orElseThrow(() -> wrong(word, value));
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
      throw new DslException(ValueRules.notAChoice(word, s));
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
    return ValueRules.dateTime(s).orElseThrow(() -> new DslException(ValueRules.notADateTime(word, s)));
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
      throw new DslException(ValueRules.wrongCount(word, 0));
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
      throw new DslException(ValueRules.wrongCount(word, args.length));
    }
  }

  public static DslException wrong(Word word, Object value) {
    return new DslException(ValueRules.wrongKind(word, word.kind(), value));
  }
}
