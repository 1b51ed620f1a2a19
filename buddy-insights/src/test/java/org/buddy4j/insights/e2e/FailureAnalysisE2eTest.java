package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.buddy4j.insights.failures.FailedAction;
import org.buddy4j.insights.failures.FailureAnalysis;
import org.buddy4j.insights.failures.FailureReport;
import org.junit.jupiter.api.Test;

/** Failure analysis of seeded runs: failed actions, error messages and log tails. */
class FailureAnalysisE2eTest extends HistoryTestBase {

  @Test
  void failedActionWithItsErrorAndTheLastLinesOfItsLog() {
    FailureReport report = FailureAnalysis.of(buddy, pipeline(1).execution(3), 5);
    assertEquals(1, report.failedActions().size());
    FailedAction test = report.failedActions().get(0);
    assertEquals("Test", test.actionName());
    assertEquals("FAILED", test.status());
    assertEquals("Tests failed: 3 of 120", test.errorMessage());
    assertEquals(8, test.totalLines());
    assertEquals(List.of("  expected: 1 but was: 0", "CheckoutTest > pays FAILED", "LoginTest > rejects FAILED",
        "120 tests completed, 3 failed", "BUILD FAILED in 7m 2s"), test.tail());
    String text = report.toText();
    assertTrue(text.contains("deploy-prod #3 (acme/shop/1): FAILED on master at bbbbbbb, triggered by Ann Smith"), text);
    assertTrue(text.contains("FAILED: Test [BUILD]\n  error: Tests failed: 3 of 120\n  last 5 of 8 log lines:\n"
        + "  4 |   expected: 1 but was: 0\n"), text);
    assertTrue(text.endsWith("  8 | BUILD FAILED in 7m 2s\n"), text);
  }

  @Test
  void longLogsAreReadFromTheEndOnly() {
    // tests #1 failed in "Unit tests", which writes 250 generated lines plus the error line
    FailureReport report = FailureAnalysis.of(buddy, pipeline(2).execution(1), 10);
    FailedAction unit = report.failedActions().get(0);
    assertEquals("Unit tests", unit.actionName());
    assertEquals(251, unit.totalLines());
    assertEquals(10, unit.tail().size());
    // the last 10 of 251 lines are lines 242 … 251: steps 242 … 250 and the error
    assertTrue(unit.tail().get(0).endsWith("step 242 of 250"), unit.tail().get(0));
    assertTrue(unit.tail().get(9).startsWith("ERROR: "), unit.tail().get(9));
    // two log requests: the first page (for the count) and the tail; never the 250 lines in between
    long logReads = new io.vertx.core.json.JsonObject(admin("GET", "/__emulator/requests", null)).getJsonArray("requests")
        .stream().filter(r -> ((io.vertx.core.json.JsonObject) r).getString("path").endsWith("/logs")).count();
    assertEquals(2, logReads);
  }

  @Test
  void terminatedActionsAreReportedAndSuccessfulRunsHaveNone() {
    FailureReport cancelled = FailureAnalysis.of(buddy, pipeline(1).execution(4), 3);
    assertEquals("TERMINATED", cancelled.failedActions().get(0).status());
    assertEquals("Deploy", cancelled.failedActions().get(0).actionName());
    assertEquals("Action terminated by user", cancelled.failedActions().get(0).tail().get(2));

    FailureReport ok = FailureAnalysis.of(buddy, pipeline(1).execution(2), 3);
    assertFalse(ok.hasFailures());
    assertTrue(ok.toText().contains("No action failed or was terminated in this run."));
  }
}
