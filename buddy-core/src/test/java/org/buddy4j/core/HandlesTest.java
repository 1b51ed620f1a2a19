package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Buddy's handle rule and the variable-name rule, as every input path applies them. */
class HandlesTest {
  @ParameterizedTest
  @ValueSource(strings = {"buddy", "company-website", "acme", "ws", "w", "My_Team-2", "web.site", "a1"})
  void handlesBuddyUsesAreAccepted(String handle) {
    assertTrue(Handles.isValid(handle));
    assertNull(Handles.problem("workspace", handle));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "../../etc", "a/b", "a?b", "a#b", "a%2Fb", "a b", " a", "-a", "a-", "_a", "a_",
      ".a", "a.", "a\u0000b", "zażółć", ""})
  void anythingElseIsRefusedWithTheRule(String handle) {
    assertFalse(Handles.isValid(handle));
    String problem = Handles.problem("project", handle);
    assertTrue(problem.startsWith("project "), problem);
    assertTrue(problem.contains(Handles.RULE), problem);
    assertThrows(IllegalArgumentException.class, () -> Handles.require("project", handle));
  }

  @Test
  void aLongOrUnprintableValueIsDescribedByItsLengthNotItsText() {
    String secretish = "FAKE-SECRET:" + "x".repeat(80);
    assertFalse(Handles.problem("workspace", secretish).contains("FAKE-SECRET"));
    assertTrue(Handles.problem("workspace", secretish).contains("(92 characters)"));
    assertEquals(Handles.MAX_LENGTH, 100);
    assertTrue(Handles.isValid("a".repeat(100)));
    assertFalse(Handles.isValid("a".repeat(101)));
  }

  @Test
  void variableNamesFollowTheBatchReadersRule() {
    for (String ok : new String[] {"VERSION", "_x", "a.b-c_1", "x1"}) {
      assertNull(RunVariables.nameProblem(ok), ok);
    }
    for (String bad : new String[] {"", "1A", "bad name!", "-a", ".a", "a=b", "a:b"}) {
      assertTrue(RunVariables.nameProblem(bad) != null, bad);
    }
  }

  @Test
  void runOptionsRefuseABadNameAndAnyNameTwice() {
    assertThrows(IllegalArgumentException.class, () -> RunOptions.defaults().variable("", "v"));
    assertThrows(IllegalArgumentException.class, () -> RunOptions.defaults().variable("bad name!", "v"));
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.defaults().variable("TOKEN", "1").encryptedVariable("TOKEN", "FAKE-SECRET-dup"));
    assertTrue(both.getMessage().contains("both as a plain and as a secret"), both.getMessage());
    assertFalse(both.getMessage().contains("FAKE-SECRET"));
    assertThrows(IllegalArgumentException.class, () -> RunOptions.defaults().variable("V", "1").variable("V", "2"));
    IllegalArgumentException secretName = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.defaults().encryptedVariable("FAKE:SECRET", "v"));
    assertFalse(secretName.getMessage().contains("FAKE"), secretName.getMessage());
  }
}
