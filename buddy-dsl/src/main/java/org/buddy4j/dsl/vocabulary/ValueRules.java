package org.buddy4j.dsl.vocabulary;

import groovy.lang.Closure;
import groovy.lang.GString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.buddy4j.core.Suggestions;

/**
 * Each rule for a word's value and its message, written once: the compile-time check applies them to
 * the constants written in a script, the run-time contexts to the values a script computes, and both
 * say the same thing. Messages name the word and what it expects, and never echo a value (it may be a
 * secret) except a constant the script wrote where a choice or a date was expected.
 */
public final class ValueRules {
  /** How a date-time looks in messages. */
  public static final String DATE_TIME_EXAMPLE = "2026-11-18T12:38:16Z";

  private ValueRules() {}

  /** A whole number that fits an int (Groovy may hand over a Long, BigInteger or an exact BigDecimal). */
  public static OptionalInt wholeNumber(Object value) {
    if (value instanceof Integer i) {
      return OptionalInt.of(i);
    }
    if ((value instanceof Long || value instanceof BigInteger || value instanceof Short || value instanceof Byte)
        && ((Number) value).longValue() == ((Number) value).intValue()
        && (!(value instanceof BigInteger b) || b.bitLength() < 32)) {
      return OptionalInt.of(((Number) value).intValue());
    }
    if (value instanceof BigDecimal d) {
      try {
        return OptionalInt.of(d.intValueExact());
      } catch (ArithmeticException notWhole) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  /** An ISO-8601 date-time with a zone ({@value #DATE_TIME_EXAMPLE}), if the text is one. */
  public static Optional<Instant> dateTime(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** {@code delayUntil expects a date-time with a zone, such as "…", not "tomorrow"}. */
  public static String notADateTime(Word word, String text) {
    return word.name() + " expects a date-time with a zone, such as \"" + DATE_TIME_EXAMPLE + "\", not \"" + text + "\"";
  }

  /** {@code priority expects LOW, NORMAL or HIGH, not 'URGENT'; did you mean …?} (types have their own). */
  public static String notAChoice(Word word, String given) {
    if (word.name().equals("type") && word.choices().equals(Vocabulary.get().integrationTypes())) {
      return Messages.unknownType(given);
    }
    return word.name() + " expects " + oneOf(word.choices()) + ", not '" + given + "'"
        + Suggestions.nearest(given, word.choices()).map(x -> "; did you mean " + x + "?").orElse("");
  }

  /** {@code token expects text, e.g. token "…", got a whole number}. */
  public static String wrongKind(Word word, ArgKind kind, Object value) {
    return word.name() + " expects " + expected(word, kind) + ", got " + describe(value);
  }

  /** {@code branch expects text: put it in quotes, branch "master"}: a bare word where text belongs. */
  public static String unquoted(Word word, String bare) {
    return word.name() + " expects text: put it in quotes, " + word.name() + " \"" + bare + "\"";
  }

  /** {@code variable expects a name and a value …, got nothing}: the wrong number of values. */
  public static String wrongCount(Word word, int given) {
    return word.name() + " expects " + expected(word, word.kind())
        + (given == 0 ? ", got nothing" : given > 1 ? ", got " + given + " values" : "");
  }

  /** What a value of this kind for this word looks like, with the word's example where it helps. */
  public static String expected(Word word, ArgKind kind) {
    return switch (kind) {
      case TEXT -> "text, e.g. " + firstLine(word);
      case NUMBER -> "a whole number, e.g. " + firstLine(word);
      case CHOICE, ID_AND_CHOICE -> word.choices().isEmpty() ? kind.description() : oneOf(word.choices());
      default -> kind.description();
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

  /** {@code LOW, NORMAL or HIGH}; long lists are cut to a few examples. */
  public static String oneOf(List<String> choices) {
    if (choices.size() > 12) {
      return "one of " + choices.size() + " constants such as " + String.join(", ", choices.subList(0, 6));
    }
    if (choices.size() == 1) {
      return choices.get(0);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
  }

  private static String firstLine(Word word) {
    return word.example().lines().findFirst().orElse(word.name());
  }
}
