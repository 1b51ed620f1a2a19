package org.buddy4j.dsl.context;

import java.util.Map;
import org.buddy4j.core.RunOptions;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * The pipeline and the {@link RunOptions} a run statement collects, whichever form it is written in
 * (sentence, named values or block): one place that applies run words.
 */
final class RunSpec {
  private final boolean rollback;
  private Integer pipelineId;
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

  void pipeline(Word word, Object value) {
    int id = WordValues.number(word, value);
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

  private void applyWord(Word word, Object[] args) {
    switch (word.name()) {
      case "pipeline" -> {
        WordValues.count(word, args, 1);
        pipeline(word, args[0]);
      }
      case "variable", "encryptedVariable" -> {
        WordValues.count(word, args, 2);
        String key = WordValues.text(word, args[0]);
        String value = scalar(word, args[1]);
        if (word.name().equals("variable")) {
          options.variable(key, value);
        } else {
          options.encryptedVariable(key, value);
        }
      }
      case "variables", "encryptedVariables" -> {
        WordValues.count(word, args, 1);
        for (Map.Entry<String, String> e : WordValues.map(word, args[0]).entrySet()) {
          if (word.name().equals("variables")) {
            options.variable(e.getKey(), e.getValue());
          } else {
            options.encryptedVariable(e.getKey(), e.getValue());
          }
        }
      }
      case "actions" -> options.actions(WordValues.numbers(word, args));
      default -> applySingle(word, args);
    }
  }

  private void applySingle(Word word, Object[] args) {
    WordValues.count(word, args, 1);
    Object v = args[0];
    switch (word.name()) {
      case "branch" -> options.branch(WordValues.text(word, v));
      case "tag" -> options.tag(WordValues.text(word, v));
      case "pullRequest" -> options.pullRequest(WordValues.text(word, v));
      case "revision" -> options.revision(WordValues.text(word, v));
      case "fromRevision" -> options.fromRevision(WordValues.text(word, v));
      case "comment" -> options.comment(WordValues.text(word, v));
      case "priority" -> options.priority(WordValues.choice(word, v));
      case "clearCache" -> options.clearCache(WordValues.bool(word, v));
      case "refresh" -> options.refresh(WordValues.bool(word, v));
      case "delayUntil" -> options.delayUntil(WordValues.dateTime(word, v));
      case "environment" -> options.environment(WordValues.text(word, v));
      case "packageVersion" -> options.packageVersion(WordValues.text(word, v));
      default -> throw new DslException(word.name() + " is not a run option");
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
