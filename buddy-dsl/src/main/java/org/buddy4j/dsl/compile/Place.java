package org.buddy4j.dsl.compile;

import java.util.List;
import java.util.Set;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Vocabulary;

/**
 * Where the check is: a block, for integration blocks the type written in it (if constant), and the
 * block's words left out here (a rollback's run block has no revision words).
 */
record Place(Block block, String integrationType, Set<String> excluded) {
  static Place of(Block block) {
    return new Place(block, null, Set.of());
  }

  /** The words valid here. */
  List<String> valid() {
    List<String> names = block.id().equals(Vocabulary.INTEGRATION)
        ? Vocabulary.get().integrationWordsFor(integrationType) : block.names();
    return names.stream().filter(n -> !excluded.contains(n)).toList();
  }

  String title() {
    return integrationType == null ? block.title() : "integration { } (type " + integrationType + ")";
  }

  boolean has(String word) {
    return valid().contains(word);
  }
}
