package org.buddy4j.dsl.vocabulary;

import java.util.List;
import org.buddy4j.core.Suggestions;

/**
 * The grammar of the sentence form, shared by the compile-time checker (over syntax) and the run-time
 * chain (over values):
 *
 * <pre>
 * run pipeline N|"name" [on branch|tag|pullRequest TEXT | at revision TEXT] (option value…)*
 * rollback pipeline N|"name" (option value…)*
 * </pre>
 *
 * Groovy's command chains turn {@code run pipeline 2 on branch "master" comment "x"} into
 * {@code run(pipeline).2(on).branch("master").comment("x")}; flattened in source order that is the token
 * list {@code pipeline 2 on branch "master" comment "x"} whatever shape the chain took, which is what
 * this parses. How many values an option takes comes from its {@link ArgKind}.
 */
public final class RunGrammar {
  private static final List<String> ON_REFS = List.of("branch", "tag", "pullRequest");
  private static final List<String> AT_REFS = List.of("revision");

  private RunGrammar() {}

  /** The tokens after {@code run} / {@code rollback}. */
  public interface Tokens {
    int size();

    /** The token as a word (a name, a bare word or a text constant), else null. */
    String word(int index);

    /** Whether the token is a whole number (or a name made of digits). */
    boolean isWholeNumber(int index);
  }

  /** Receives what was parsed. */
  public interface Sink {
    void pipeline(int index);

    /** A word and its values: tokens {@code from} (inclusive) to {@code to} (exclusive). */
    void word(Word word, int wordIndex, int from, int to);
  }

  /** A mistake at a token ({@code index} may equal the size: the sentence ended too early). */
  public static final class Mistake extends RuntimeException {
    private final int index;

    Mistake(String message, int index) {
      super(message, null, false, false);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  public static void parse(boolean rollback, Tokens t, Sink sink) {
    String verb = rollback ? "rollback" : "run";
    Block chain = Vocabulary.get().block(rollback ? Vocabulary.ROLLBACK_CHAIN : Vocabulary.RUN_CHAIN);
    int n = t.size();
    if (n == 0 || !"pipeline".equals(t.word(0))) {
      String got = n == 0 ? null : t.word(0);
      throw new Mistake(verb + " expects 'pipeline' and its ID: " + verb + " pipeline 2 …"
          + (got == null ? "" : ", not '" + got + "'" + Suggestions.nearest(got, List.of("pipeline")).map(x -> " (did you mean 'pipeline'?)").orElse(""))
          + "; or named values: " + verb + " pipeline: 2, …", 0);
    }
    String name = n < 2 ? null : t.word(1);
    boolean byName = name != null && !t.isWholeNumber(1) && !name.equals("on") && !name.equals("at")
        && !chain.has(name);
    if (n < 2 || !(t.isWholeNumber(1) || byName)) {
      throw new Mistake("the pipeline's ID or name must follow '" + verb + " pipeline', e.g. " + verb + " pipeline 2"
          + " or " + verb + " pipeline \"deploy\"; for an ID in a variable write " + verb + "(pipeline: id, …)", Math.min(1, n));
    }
    sink.pipeline(1);
    int i = 2;
    if (i < n && ("on".equals(t.word(i)) || "at".equals(t.word(i)))) {
      String connector = t.word(i);
      if (rollback) {
        throw new Mistake("a rollback picks its revision itself: write rollback pipeline N without '" + connector + " …'", i);
      }
      List<String> refs = connector.equals("on") ? ON_REFS : AT_REFS;
      String ref = i + 1 < n ? t.word(i + 1) : null;
      if (ref == null || !refs.contains(ref)) {
        String expected = connector.equals("on") ? "branch \"…\", tag \"…\" or pullRequest \"…\"" : "revision \"…\"";
        throw new Mistake("after '" + connector + "' write " + expected
            + (ref == null ? "" : ", not '" + ref + "'" + Suggestions.nearest(ref, refs).map(x -> "; did you mean '" + x + "'?").orElse(""))
            + (connector.equals("at") && ON_REFS.contains(ref) ? " (a branch, tag or pull request goes with 'on')" : "")
            + (connector.equals("on") && AT_REFS.contains(ref) ? " (a revision goes with 'at')" : ""), i + 1);
      }
      i = option(chain, t, sink, i + 1, verb);
    }
    while (i < n) {
      i = option(chain, t, sink, i, verb);
    }
  }

  private static int option(Block chain, Tokens t, Sink sink, int i, String verb) {
    String name = t.word(i);
    Word word = name == null ? null : chain.word(name).filter(w -> w.kind() != ArgKind.MARKER).orElse(null);
    List<String> valid = chain.words().values().stream().filter(w -> w.kind() != ArgKind.MARKER).map(Word::name).toList();
    if (word == null) {
      if (name == null) {
        throw new Mistake("expected an option word such as comment or priority here, got a value. Valid in "
            + chain.title() + ": " + String.join(", ", valid), i);
      }
      if (name.equals("on") || name.equals("at")) {
        throw new Mistake("'" + name + "' comes right after the pipeline ID: " + verb + " pipeline 2 " + name + " …", i);
      }
      throw new Mistake(Messages.unknownWord(name, chain.title(), valid), i);
    }
    int from = i + 1;
    int to;
    switch (word.kind()) {
      case KEY_VALUE -> to = from + 2;
      case NUMBERS -> {
        to = from;
        while (to < t.size() && t.isWholeNumber(to)) {
          to++;
        }
        if (to == from) {
          to = from + 1; // one value (perhaps a list); the sink checks it
        }
      }
      default -> to = from + 1;
    }
    if (to > t.size()) {
      throw new Mistake(name + " needs " + word.kind().description() + ", e.g. " + word.example(), t.size());
    }
    sink.word(word, i, from, to);
    return to;
  }
}
