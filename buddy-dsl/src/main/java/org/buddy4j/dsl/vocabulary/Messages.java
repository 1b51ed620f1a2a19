package org.buddy4j.dsl.vocabulary;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Suggestions;

/** The wording of vocabulary mistakes, shared by the compile-time checker and the run-time contexts. */
public final class Messages {
  private Messages() {}

  /**
   * {@code unknown word 'regoin' in integration { } (type AMAZON); did you mean 'region'? Valid here: …}
   *
   * @param where the block's title, with any detail (e.g. the integration type)
   * @param valid the words valid there
   */
  public static String unknownWord(String word, String where, List<String> valid) {
    var kind = Vocabulary.get().kind(word);
    if (kind.isPresent() && !valid.contains(word)) {
      return misplaced(word, where, kind.get().parents(), valid);
    }
    StringBuilder out = new StringBuilder("unknown word '").append(word).append("' in ").append(where);
    Suggestions.nearest(word, valid).ifPresent(n -> out.append("; did you mean '").append(n).append("'?"));
    List<String> elsewhere = Vocabulary.get().blocks().stream()
        .filter(b -> b.has(word) && !b.id().equals(Vocabulary.RESULT) && !b.id().equals(Vocabulary.RUN_NAMED))
        .map(Block::title).distinct().toList();
    if (!elsewhere.isEmpty() && !valid.contains(word)) {
      out.append(" ('").append(word).append("' belongs in ").append(String.join(", ", elsewhere))
          .append("; a block does not see the words of the blocks around it)");
    }
    out.append(out.charAt(out.length() - 1) == '?' ? " " : ". ").append("Valid here: ").append(String.join(", ", valid));
    return out.toString();
  }

  /** {@code pipeline "…" { } cannot be declared in workspace "…" { }: a pipeline goes in project "…" { }}. */
  static String misplaced(String word, String where, List<String> parents, List<String> valid) {
    List<String> in = parents.stream()
        .map(p -> p.equals(Vocabulary.WORKSPACE) ? "workspace \"…\" { } (or the script's top level)" : p + " \"…\" { }").toList();
    return word + " \"…\" { } cannot be declared in " + where + ": " + ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word + " goes in " + String.join(" or ", in)
        + ", as Buddy's URL tree nests it. Valid here: " + String.join(", ", valid);
  }

  /** {@code AMAZON integration does not take 'token'; its words: …} */
  public static String notTakenByType(String word, String type, List<String> valid) {
    StringBuilder out = new StringBuilder(type).append(" integration does not take '").append(word).append("'");
    Suggestions.nearest(word, valid).ifPresent(n -> out.append("; did you mean '").append(n).append("'?"));
    List<String> takers = Vocabulary.get().block(Vocabulary.INTEGRATION).word(word).map(Word::types).orElse(List.of());
    if (!takers.isEmpty()) {
      out.append(" ('").append(word).append("' is for ")
          .append(takers.size() > 8 ? takers.subList(0, 8).stream().collect(Collectors.joining(", ")) + ", …"
              : String.join(", ", takers)).append(")");
    }
    out.append(out.charAt(out.length() - 1) == '?' ? " " : ". ").append("Valid for ").append(type).append(": ").append(String.join(", ", valid));
    return out.toString();
  }

  /** {@code unknown integration type 'AMAZONN'; did you mean AMAZON? Types: …} */
  public static String unknownType(String type) {
    List<String> types = Vocabulary.get().integrationTypes();
    return "unknown integration type '" + type + "'"
        + Suggestions.nearest(type, types).map(n -> "; did you mean " + n + "?").orElse(".")
        + " Types: " + String.join(", ", types);
  }

  /** {@code branch cannot be set on a rollback: the rollback picks the revision}. */
  public static String notOnRollback(String word) {
    return word + " cannot be set on a rollback: the rollback picks the revision";
  }

  /** Both forms of a run statement mixed in one statement. */
  public static String bothRunForms(String verb) {
    return "write either named values (" + verb + " pipeline: 2, comment: \"…\") or the sentence (" + verb
        + " pipeline 2 …), not both";
  }

  /** {@code name = "x"} where {@code name "x"} is meant. */
  public static String withoutEquals(Word word) {
    return "write " + word.name() + " <value> (without '='): " + word.example().lines().findFirst().orElse("");
  }

  /** A word written alone that needs a value. */
  public static String needsValue(Word word) {
    return word.name() + " needs a value: " + word.example().lines().findFirst().orElse(word.name());
  }

  /** {@code print} and {@code println} given more than one value. */
  public static String takesOneValue(String word) {
    return word + " takes one value";
  }

  /** {@code env} given no name or too many values. */
  public static String envArguments() {
    return "env expects a name and an optional default: env(\"NAME\") or env(\"NAME\", \"default\")";
  }
}
