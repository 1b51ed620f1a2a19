package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one "did you mean" rule: typos, swaps and case find the word; unrelated words find nothing. */
class SuggestionsTest {
  private static final List<String> FIELDS = List.of("branch", "pipeline", "comment", "priority", "to_revision");

  @Test
  void aTypoASwapOrADifferentCaseFindsTheWord() {
    assertEquals(Optional.of("branch"), Suggestions.nearest("brnch", FIELDS));
    assertEquals(Optional.of("pipeline"), Suggestions.nearest("pipelien", FIELDS), "a swapped pair is one edit");
    assertEquals(Optional.of("priority"), Suggestions.nearest("PRIORITY", FIELDS));
  }

  @Test
  void anUnrelatedWordOrNoCandidatesFindsNothing() {
    assertEquals(Optional.empty(), Suggestions.nearest("zebra", FIELDS));
    assertEquals(Optional.empty(), Suggestions.nearest("branch", List.of()));
  }
}
