package org.buddy4j.dsl.context;

import org.buddy4j.core.RunField;
import org.buddy4j.core.RunOptions;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * The pipeline and the {@link RunOptions} a run statement collects, whichever form it is written in
 * (sentence, named values or block): one place that applies run words.
 */
final class RunSpec {
  private final boolean rollback;
  private Integer pipelineId;
  private String pipelineName;
  private final RunOptions options = RunOptions.defaults();

  RunSpec(boolean rollback) {
    this.rollback = rollback;
  }

  boolean rollback() {
    return rollback;
  }

  Integer pipelineId() {
    return pipelineId;
  }

  RunOptions options() {
    return options;
  }

  /** The pipeline by name ({@code run pipeline "deploy"}), found when the statement is sent; else null. */
  String pipelineName() {
    return pipelineName;
  }

  void pipeline(Word word, Object value) {
    if ((value instanceof String || value instanceof groovy.lang.GString) && !value.toString().matches("\\d+")) {
      pipelineName = value.toString();
      pipelineId = null;
      return;
    }
    int id = WordValues.number(word, value instanceof String s ? Integer.valueOf(s) : value);
    if (id <= 0) {
      throw new DslException("pipeline expects a positive pipeline ID");
    }
    pipelineId = id;
  }

  /** Applies one word with its values (already split by the word's kind). */
  void apply(Word word, Object[] args) {
    try {
      applyWord(word, args);
    } catch (IllegalArgumentException e) {
      // RunOptions' own rules (variable names, a name given twice): the same as batch files and flags.
      throw new DslException(word.name() + ": " + e.getMessage());
    }
  }

  /** The word's run field (core's catalogue) set by the word's kind: no word is written out here. */
  private void applyWord(Word word, Object[] args) {
    if (word.name().equals("pipeline")) {
      WordValues.count(word, args, 1);
      pipeline(word, args[0]);
      return;
    }
    RunField field = Vocabulary.get().runFieldOf(word.name());
    if (field == null) {
      throw new DslException(word.name() + " is not a run option");
    }
    if (field.kind() == RunField.Kind.VARIABLES) {
      boolean encrypted = !word.name().startsWith(field.dslWord());
      if (word.kind() == ArgKind.KEY_VALUE) {
        WordValues.count(word, args, 2);
        variable(encrypted, WordValues.text(word, args[0]), scalar(word, args[1]));
      } else {
        WordValues.count(word, args, 1);
        WordValues.map(word, args[0]).forEach((k, v) -> variable(encrypted, k, v));
      }
      return;
    }
    if (word.kind() == ArgKind.NUMBERS) {
      options.set(field.name(), WordValues.numbers(word, args));
      return;
    }
    WordValues.count(word, args, 1);
    Object v = args[0];
    options.set(field.name(), switch (word.kind()) {
      case BOOLEAN -> WordValues.bool(word, v);
      case CHOICE -> WordValues.choice(word, v);
      case DATE_TIME -> WordValues.dateTime(word, v);
      case NUMBER -> WordValues.number(word, v);
      default -> WordValues.text(word, v);
    });
  }

  private void variable(boolean encrypted, String key, String value) {
    if (encrypted) {
      options.encryptedVariable(key, value);
    } else {
      options.variable(key, value);
    }
  }

  private static String scalar(Word word, Object v) {
    if (v instanceof String || v instanceof groovy.lang.GString || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new DslException(word.name() + " expects a name and a value (text, a number or true/false), got "
        + org.buddy4j.dsl.vocabulary.ValueRules.describe(v) + " as the value");
  }
}
