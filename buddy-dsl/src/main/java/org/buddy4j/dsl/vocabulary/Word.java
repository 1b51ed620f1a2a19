package org.buddy4j.dsl.vocabulary;

import java.util.List;

/**
 * One DSL word: its name, what it takes, which block it opens, the API field it sets (if any), and
 * its documentation. The runtime, the compile-time checker, the GDSL descriptor and docs/dsl.md all
 * read these.
 *
 * @param name the word as written in scripts
 * @param kind what follows the word
 * @param choices the constants a {@link ArgKind#CHOICE} or {@link ArgKind#ID_AND_CHOICE} word accepts
 * @param opens the block a {@link ArgKind#BLOCK} word opens, else null
 * @param apiField the JSON field it sets, else null
 * @param secret whether its value is a secret (never printed)
 * @param types the integration types that take it (empty: every type)
 * @param summary one line of documentation
 * @param example a short example
 */
public record Word(String name, ArgKind kind, List<String> choices, String opens, String apiField, boolean secret,
                   List<String> types, String summary, String example) {

  public Word {
    choices = List.copyOf(choices);
    types = List.copyOf(types);
  }

  static Word of(String name, ArgKind kind, String summary, String example) {
    return new Word(name, kind, List.of(), null, null, false, List.of(), summary, example);
  }

  Word choices(List<String> values) {
    return new Word(name, kind, values, opens, apiField, secret, types, summary, example);
  }

  Word opens(String block) {
    return new Word(name, kind, choices, block, apiField, secret, types, summary, example);
  }

  Word api(String field) {
    return new Word(name, kind, choices, opens, field, secret, types, summary, example);
  }

  /** Whether every integration type takes it. */
  public boolean allTypes() {
    return types.isEmpty();
  }
}
