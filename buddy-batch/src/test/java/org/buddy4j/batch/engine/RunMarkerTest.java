package org.buddy4j.batch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place the run marker is built and found. */
class RunMarkerTest {
  @Test
  void textIsTheDocumentedFormat() {
    assertEquals("[buddy4j:b-20261201:run-7]", RunMarker.of("b-20261201", "run-7").text());
  }

  @Test
  void findsEveryMarkerInACommentAndNothingElse() {
    String a = RunMarker.of("b1", "x").text();
    String b = RunMarker.of("b1", "y.2").text();
    assertEquals(List.of(a, b), RunMarker.find("deploy " + a + " then " + b + " [buddy4j:broken"));
    assertEquals(List.of(), RunMarker.find("no marker here [other:thing]"));
    assertEquals(List.of(), RunMarker.find(null));
  }

  @Test
  void inMatchesOnlyItsOwnMarker() {
    RunMarker m = RunMarker.of("b1", "run-1");
    assertTrue(m.in("release " + m.text()));
    assertFalse(m.in("release " + RunMarker.of("b1", "run-10").text()));
    assertFalse(m.in(null));
  }

  @Test
  void equalByText() {
    assertEquals(RunMarker.of("b", "k"), RunMarker.of("b", "k"));
    assertEquals(RunMarker.of("b", "k").hashCode(), RunMarker.of("b", "k").hashCode());
    assertNotEquals(RunMarker.of("b", "k"), RunMarker.of("b", "k2"));
  }
}
