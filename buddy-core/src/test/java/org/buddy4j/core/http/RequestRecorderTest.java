package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.testing.FastClients;
import org.junit.jupiter.api.Test;

/**
 * A client built to record instead of sending describes each call as core builds it (method, path with
 * its parameters, the encoder's body), sends nothing (its endpoint is a port nobody listens on) and
 * never records the token.
 */
class RequestRecorderTest {
  private static final String TOKEN = "FAKE-SECRET-recorder-0010";
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";

  @Test
  void describesEachCallAsCoreBuildsItAndSendsNothing() throws Exception {
    RequestRecorder recorder = new RequestRecorder(r -> r.path().contains("?page=")
        ? "{\"executions\": []}" : "{\"id\": 7, \"status\": \"INPROGRESS\"}");
    BuddyClient client = BuddyClient.builder().token(TOKEN)
        .endpoint("http://127.0.0.1:" + FastClients.closedPort()).recordInstead(recorder).build();

    Execution run = client.workspace("acme").project("web").pipeline(2)
        .run(RunOptions.onBranch("master").comment("release"));
    run.cancel();
    client.workspace("acme").project("web").pipeline(2).executions(20).findFirst();

    List<RequestRecorder.Described> sent = recorder.requests();
    assertEquals("POST " + RUNS, sent.get(0).toString());
    assertTrue(sent.get(0).body().contains("\"branch\":{\"name\":\"master\"}") && sent.get(0).body().contains("\"comment\":\"release\""),
        sent.get(0).body());
    assertEquals("PATCH " + RUNS + "/7", sent.get(1).toString());
    assertTrue(sent.get(1).body().contains("\"operation\":\"CANCEL\""), sent.get(1).body());
    assertEquals("GET " + RUNS + "?page=1&per_page=20", sent.get(2).toString());
    assertNull(sent.get(2).body());
    assertEquals(3, sent.size());
    assertFalse(sent.toString().contains(TOKEN) || sent.stream().anyMatch(r -> r.body() != null && r.body().contains(TOKEN)));
  }
}
