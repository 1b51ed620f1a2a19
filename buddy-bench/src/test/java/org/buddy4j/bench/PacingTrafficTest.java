package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link PacingEmulator.Traffic} counts from a request log, in the log's order. */
class PacingTrafficTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theQuotaUsedSpansTheFirstToTheLastStartLetThrough() {
    List<JsonNode> log = new ArrayList<>();
    log.add(entry("getExecutions", "applied"));   // before the first start: not in the span
    log.add(entry("runExecution", "applied"));    // first start
    log.add(entry("getExecutions", "applied"));   // a read between starts: in the span
    log.add(entry("runExecution", "rate-limited")); // refused: not let through
    log.add(entry("runExecution", "applied"));    // last start
    log.add(entry("getExecutions", "applied"));   // after the last start: not in the span

    PacingEmulator.Traffic t = PacingEmulator.Traffic.of(log, 100);

    assertEquals(3, t.letThroughFirstToLastPost());
    assertEquals(3, t.runPosts());
    assertEquals(2, t.appliedPosts());
    assertEquals(1, t.rateLimited());
  }

  private static JsonNode entry(String operationId, String outcome) {
    return JSON.createObjectNode().put("operationId", operationId).put("outcome", outcome)
        .set("body", JSON.createObjectNode().put("comment", "marker"));
  }
}
