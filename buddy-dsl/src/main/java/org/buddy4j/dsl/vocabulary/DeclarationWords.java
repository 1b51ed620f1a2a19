package org.buddy4j.dsl.vocabulary;

import java.util.List;
import java.util.Locale;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.FieldSpec;

/**
 * The words of the declaration blocks, derived from core's {@link DeclaredKind} fields (the spec's
 * {@code x-buddy-declare}): a field's word, kind, choices, secrecy and summary come from its
 * {@link FieldSpec}, so a field the spec gains is a word with no edit here.
 */
final class DeclarationWords {
  private DeclarationWords() {}

  /** The word that sets {@code f}. */
  static Word word(FieldSpec f) {
    ArgKind kind = kind(f.type());
    String summary = (f.summary() == null || f.summary().isBlank() ? "Sets " + f.apiName() + "." : f.summary())
        + (f.secret() ? " A secret: never printed." : f.secretWhen() != null
        ? " A secret when " + Vocabulary.camel(f.secretWhen()) + " is true: never printed." : "");
    return new Word(f.word(), kind, f.choices(), null, f.apiName(), f.secret(), List.of(), summary, example(f));
  }

  static ArgKind kind(FieldSpec.Type type) {
    return switch (type) {
      case TEXT -> ArgKind.TEXT;
      case NUMBER -> ArgKind.NUMBER;
      case BOOLEAN -> ArgKind.BOOLEAN;
      case CHOICE -> ArgKind.CHOICE;
      case TEXTS -> ArgKind.TEXTS;
      case CHOICES -> ArgKind.CHOICES;
      case NUMBERS -> ArgKind.NUMBERS;
      case OBJECT -> ArgKind.OBJECT;
      case OBJECTS -> ArgKind.OBJECTS;
    };
  }

  /** {@code priority HIGH}, {@code value env("VALUE")}, … */
  static String example(FieldSpec f) {
    String w = f.word();
    if (f.secret() || f.secretWhen() != null) {
      return w + " env(\"" + f.apiName().toUpperCase(Locale.ROOT) + "\")";
    }
    String first = f.choices().isEmpty() ? "VALUE" : f.choices().get(0);
    return switch (f.type()) {
      case TEXT -> w + " \"…\"";
      case NUMBER -> w + " 1";
      case BOOLEAN -> w + " true";
      case CHOICE -> w + " " + first;
      case TEXTS -> w + " \"a\", \"b\"";
      case CHOICES -> w + " " + String.join(", ", f.choices().subList(0, Math.min(2, f.choices().size())));
      case NUMBERS -> w + " 1, 2";
      case OBJECT, OBJECTS -> w + " key: \"value\"";
    };
  }

  /** {@code pipeline "my-pipeline" {\n  priority HIGH\n}}. */
  static String example(DeclaredKind k) {
    String head = k.word() + " \"" + exampleKey(k) + "\" {\n";
    String inner = k.fields().stream().filter(f -> !f.apiName().equals(k.keyField())).findFirst()
        .map(f -> "  " + example(f) + "\n").orElse("");
    return head + inner + "}";
  }

  static String exampleKey(DeclaredKind k) {
    return k.keyField().endsWith("url") ? "https://example.com/" + k.word() : "my-" + k.word().toLowerCase(Locale.ROOT);
  }
}
