package org.buddy4j.dsl.context;

import groovy.lang.GString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.ValueRules;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * A declaration word's values as the field's value: by the word's kind (from the field's type in core's
 * {@code FieldSpec}), with the messages of {@link WordValues} and {@link ValueRules}.
 */
final class FieldValues {
  private FieldValues() {}

  /** The field's new value; {@code before} is its value so far (an OBJECTS word appends to it). */
  static Object of(Word word, Object[] args, Object before) {
    switch (word.kind()) {
      case TEXTS -> {
        List<String> out = new ArrayList<>();
        flatten(word, args).forEach(v -> out.add(WordValues.text(word, v)));
        return out;
      }
      case CHOICES -> {
        List<String> out = new ArrayList<>();
        flatten(word, args).forEach(v -> out.add(WordValues.choice(word, v)));
        return out;
      }
      case NUMBERS -> {
        List<Integer> out = new ArrayList<>();
        for (int n : WordValues.numbers(word, args)) {
          out.add(n);
        }
        return out;
      }
      case OBJECTS -> {
        List<Object> out = new ArrayList<>();
        if (before instanceof List<?> l) {
          out.addAll(l);
        }
        if (args.length == 1 && args[0] instanceof Collection<?> c) {
          c.forEach(e -> out.add(object(word, e)));
        } else {
          for (Object a : args) {
            out.add(object(word, a));
          }
        }
        return out;
      }
      default -> {
        WordValues.count(word, args, 1);
        Object v = args[0];
        return switch (word.kind()) {
          case NUMBER -> WordValues.number(word, v);
          case BOOLEAN -> WordValues.bool(word, v);
          case CHOICE -> WordValues.choice(word, v);
          case OBJECT -> object(word, v);
          default -> WordValues.text(word, v);
        };
      }
    }
  }

  private static List<Object> flatten(Word word, Object[] args) {
    List<Object> flat = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof Collection<?> c) {
        flat.addAll(c);
      } else {
        flat.add(a);
      }
    }
    if (flat.isEmpty() && args.length == 0) {
      throw new DslException(ValueRules.wrongCount(word, 0));
    }
    return flat;
  }

  private static Map<String, Object> object(Word word, Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      throw WordValues.wrong(word, value);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) plain(value);
    return out;
  }

  /** A script value as plain data: text for GStrings, maps and lists copied through; else as is. */
  static Object plain(Object value) {
    if (value instanceof GString g) {
      return g.toString();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value != null && value.getClass().isArray() && value instanceof Object[] a) {
      List<Object> out = new ArrayList<>();
      for (Object v : a) {
        out.add(plain(v));
      }
      return out;
    }
    return value;
  }
}
