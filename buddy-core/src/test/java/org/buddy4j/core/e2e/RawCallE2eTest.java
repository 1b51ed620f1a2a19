package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.RawCall;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.junit.jupiter.api.Test;

/** {@code client.raw()} against the emulator: a run started by a raw POST, then every run listed by --paginate. */
class RawCallE2eTest extends E2eTestBase {
  private static final String RUNS = "/workspaces/buddy/projects/company-website/pipelines/2/executions";

  @Test
  void aRawPostStartsOneRunAndPaginateListsThemAll() throws Exception {
    JsonObject seed = DefaultSeed.load();
    DefaultSeed.pipeline(seed, 2).put("history", 6);
    admin.seed(seed);
    admin.clearRequests();

    JsonNode run = BuddyJson.mapper().readTree(buddy.raw().send("POST", RUNS.substring(1),
        RawCall.json("{\"branch\":{\"name\":\"master\"},\"comment\":\"raw e2e\"}")));
    JsonNode all = buddy.raw().paginate(RUNS + "?per_page=3");

    assertEquals(7, run.get("id").asInt());
    assertEquals(1, admin.requests("runExecution").size());
    List<Integer> ids = stream(all.get("executions")).stream().map(n -> n.get("id").asInt()).collect(Collectors.toList());
    assertEquals(List.of(7, 6, 5, 4, 3, 2, 1), ids);
    assertEquals("raw e2e", all.get("executions").get(0).get("comment").asText());
    assertEquals(3, admin.requests("getExecutions").size(), "3 + 3 + a short page of 1");
  }

  @Test
  void aMissingProjectIsNotFound() {
    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class,
        () -> buddy.raw().send("GET", "/workspaces/buddy/projects/no-such-project", null));
    assertEquals(404, e.status());
  }

  private static List<JsonNode> stream(JsonNode array) {
    List<JsonNode> out = new java.util.ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
