package org.buddy4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One field of a run request ({@code RunExecutionRequest}), as generated from the spec into
 * {@link RunFields}: its JSON name, the name a person writes, what kind of value it takes and how that
 * value is checked and sent. Batch files, {@code buddy runs start}, the DSL and {@link RunOptions#set}
 * all read these, so each value rule and its message is written once, here.
 *
 * @param json the JSON property ({@code to_revision})
 * @param name the name in batch files ({@code revision}); the CLI flag and DSL word derive from it
 * @param kind what it takes
 * @param wrap for a ref such as {@code {"name": "master"}}, the one property the text goes in, else null
 * @param choices the values a {@link Kind#CHOICE} takes
 * @param group an exclusive group (at most one field of a group per run), else null
 * @param rollback whether a rollback may set it (not the ref fields: the rollback picks the revision)
 * @param sensitive whether the value is a secret (a message never quotes it)
 * @param value what it takes, in words (help texts and messages)
 * @param label the value's placeholder in {@code --help} ({@code SHA})
 * @param cliName the CLI flag without {@code --}
 * @param cliAliases further CLI spellings ({@code -m})
 * @param cliHelp the CLI flag's description
 * @param dslWord the DSL word
 * @param summary the DSL word's documentation
 * @param example an example value
 * @param secret for {@link Kind#VARIABLES}: how its encrypted form is spelled, else null
 */
public record RunField(String json, String name, Kind kind, String wrap, List<String> choices, String group,
                       boolean rollback, boolean sensitive, String value, String label, String cliName,
                       List<String> cliAliases, String cliHelp, String dslWord, String summary, String example,
                       Secret secret) {

  /** What a run field takes. */
  public enum Kind {
    /** Text (perhaps sent wrapped, see {@link RunField#wrap()}). */
    TEXT,
    /** A whole number. */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** One of {@link RunField#choices()}, matched ignoring case. */
    CHOICE,
    /** An ISO-8601 time in UTC. */
    DATE_TIME,
    /** A list of whole numbers (IDs). */
    NUMBERS,
    /** Named variables, plain or encrypted ({@code PassVariable}s). */
    VARIABLES
  }

  /**
   * The encrypted form of a {@link Kind#VARIABLES} field.
   *
   * @param name its batch field ({@code secret_variables})
   * @param cliName its CLI flag without {@code --}
   * @param dslWord its DSL word ({@code encryptedVariable})
   * @param value what it takes, in words
   * @param cliHelp the CLI flag's description
   * @param summary the DSL word's documentation
   */
  public record Secret(String name, String cliName, String dslWord, String value, String cliHelp, String summary) {}

  public RunField {
    choices = List.copyOf(choices);
    cliAliases = List.copyOf(cliAliases);
  }

  /**
   * Checks one typed value ({@code HIGH}, {@code yes}, {@code 2026-01-31T22:00:00Z}, one ID of a list) and
   * returns it as sent: a String, Boolean, Integer or Instant.
   *
   * @throws IllegalArgumentException "'URGENT' is not a priority; valid choices: LOW, NORMAL, HIGH" (never
   *     quoting a sensitive value)
   */
  public Object parse(String text) {
    String s = text == null ? "" : text.trim();
    switch (kind) {
      case TEXT -> {
        if (s.isEmpty()) {
          throw new IllegalArgumentException("is empty; give " + value);
        }
        return s;
      }
      case CHOICE -> {
        for (String c : choices) {
          if (c.equalsIgnoreCase(s)) {
            return c;
          }
        }
        throw new IllegalArgumentException(quote(s) + " is not " + article(noun()) + "; valid choices: " + String.join(", ", choices));
      }
      case BOOLEAN -> {
        switch (s.toLowerCase(Locale.ROOT)) {
          case "true", "yes" -> {
            return true;
          }
          case "false", "no" -> {
            return false;
          }
          default -> throw new IllegalArgumentException(quote(s) + " is not a boolean; valid choices: true, false");
        }
      }
      case DATE_TIME -> {
        try {
          return Instant.parse(s);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(quote(s) + " is not an ISO-8601 UTC time such as 2026-01-31T22:00:00Z");
        }
      }
      case NUMBER, NUMBERS -> {
        try {
          int n = Integer.parseInt(s);
          if (n >= 1) {
            return n;
          }
        } catch (NumberFormatException ignored) {
          // reported below
        }
        throw new IllegalArgumentException(quote(s) + " is not " + (kind == Kind.NUMBERS ? "an ID (a whole number)" : "a whole number"));
      }
      default -> throw new IllegalArgumentException("takes " + value + ", not one value");
    }
  }

  /**
   * The JSON to send for a value of this field's kind: text (wrapped for refs), a boolean, a number, an
   * ISO-8601 time, a list of numbers; null unsets it. Text values of other kinds are {@link #parse}d first.
   */
  JsonNode toJson(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    }
    if (kind == Kind.VARIABLES) {
      throw new IllegalArgumentException(name + ": add variables with variable() / encryptedVariable()");
    }
    if (kind == Kind.NUMBERS) {
      ArrayNode ids = f.arrayNode();
      Collection<?> list = v instanceof int[] a ? java.util.Arrays.stream(a).boxed().toList()
          : v instanceof Collection<?> c ? c
          : v instanceof String s ? java.util.Arrays.stream(s.split("[,;\\s]+")).filter(x -> !x.isEmpty()).toList()
          : List.of(v);
      for (Object id : list) {
        ids.add((Integer) (id instanceof Integer i ? i : parse(id.toString())));
      }
      return ids;
    }
    Object typed = v instanceof String s && kind != Kind.TEXT ? parse(s) : v;
    JsonNode node = switch (kind) {
      case BOOLEAN -> f.booleanNode((Boolean) typed);
      case NUMBER -> f.numberNode(((Number) typed).intValue());
      case DATE_TIME -> f.textNode(typed instanceof Instant i ? i.toString() : typed.toString());
      case CHOICE -> f.textNode(typed.toString());
      default -> f.textNode(typed.toString());
    };
    return wrap == null ? node : f.objectNode().set(wrap, node);
  }

  /** The field name in words ({@code pull_request} → "pull request"). */
  public String noun() {
    return name.replace('_', ' ');
  }

  private String quote(String s) {
    return sensitive ? "a value of " + s.length() + " characters" : "'" + s + "'";
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
  }
}
