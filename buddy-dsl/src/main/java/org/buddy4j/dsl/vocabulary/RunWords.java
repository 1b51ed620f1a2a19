package org.buddy4j.dsl.vocabulary;

import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.RunField;

/**
 * The DSL's run words, derived from one field of core's run-request catalogue ({@code RunFields}, generated
 * from the spec's {@code RunExecutionRequest}): a field the spec gains is a word with no edit here.
 */
final class RunWords {
  private RunWords() {}

  /**
   * The words that set {@code f}: one word, or for the variables field the plain and encrypted ones, one
   * and many; each word's kind, choices, API name, secrecy, summary and example from the catalogue.
   */
  static List<Word> of(RunField f) {
    List<Word> out = new ArrayList<>();
    if (f.kind() == RunField.Kind.VARIABLES) {
      int eq = f.example().indexOf('=');
      String key = eq > 0 ? f.example().substring(0, eq) : "KEY";
      String value = eq > 0 ? f.example().substring(eq + 1) : "value";
      String secretWord = f.secret().dslWord();
      out.add(Word.of(f.dslWord(), ArgKind.KEY_VALUE, f.summary(), f.dslWord() + " \"" + key + "\", \"" + value + "\"").api(f.json()));
      out.add(Word.of(secretWord, ArgKind.KEY_VALUE, f.secret().summary(),
          secretWord + " \"" + key + "\", env(\"" + key + "\")").api(f.json()));
      out.add(Word.of(f.dslWord() + "s", ArgKind.MAP, "Passes several variables.", f.dslWord() + "s " + key + ": \"" + value + "\"").api(f.json()));
      out.add(Word.of(secretWord + "s", ArgKind.MAP, "Passes several encrypted variables.",
          secretWord + "s " + key + ": env(\"" + key + "\")").api(f.json()));
      return out;
    }
    ArgKind kind = switch (f.kind()) {
      case NUMBER -> ArgKind.NUMBER;
      case BOOLEAN -> ArgKind.BOOLEAN;
      case CHOICE -> ArgKind.CHOICE;
      case DATE_TIME -> ArgKind.DATE_TIME;
      case NUMBERS -> ArgKind.NUMBERS;
      default -> ArgKind.TEXT;
    };
    boolean quoted = kind == ArgKind.TEXT || kind == ArgKind.DATE_TIME;
    Word w = new Word(f.dslWord(), kind, f.choices(), null, f.json(), f.sensitive(), List.of(), f.summary(),
        f.dslWord() + " " + (quoted ? "\"" + f.example() + "\"" : f.example()));
    out.add(w);
    return out;
  }
}
