package org.buddy4j.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A definite answer to a POST is the server's decision, not "outcome unknown": every 4xx, and 501 (the
 * server supports no such request, as the emulator answers where it has no logic yet), are applied NO and
 * sent once. Only a 5xx that may follow work done (500, 502, 503, 504) stays UNKNOWN.
 */
class DefiniteAnswerOnPostTest {
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";

  @ParameterizedTest(name = "HTTP {0} on a POST is applied NO")
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 415, 422, 501})
  void aRefusalIsNotAppliedAndNotOutcomeUnknown(int status) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.always("POST", RUNS, Answer.json(status, "{\"errors\":[{\"message\":\"refused with " + status + "\"}]}"));
      PipelineClient pipeline = FastClients.against(server, "FAKE-token-definite-0501").build()
          .workspace("acme").project("web").pipeline(2);

      BuddyException e = assertThrows(BuddyException.class, () -> pipeline.run(RunOptions.onBranch("main")));

      assertFalse(e instanceof BuddyOutcomeUnknownException, e.toString());
      BuddyApiException api = assertInstanceOf(BuddyApiException.class, e);
      assertEquals(status, api.status());
      assertEquals(Applied.NO, e.applied());
      assertEquals("POST", api.method());
      assertEquals(1, server.requests("POST", RUNS).size(), "a refused POST is sent once");
      if (status == 501) {
        assertInstanceOf(BuddyNotImplementedException.class, e);
      }
    }
  }

  @ParameterizedTest(name = "HTTP {0} on a POST stays outcome unknown")
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerFailureAfterWorkMayHaveBeenDoneStaysUnknown(int status) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.always("POST", RUNS, Answer.json(status, "{\"errors\":[{\"message\":\"failed\"}]}"));
      PipelineClient pipeline = FastClients.against(server, "FAKE-token-definite-0500").build()
          .workspace("acme").project("web").pipeline(2);

      BuddyException e = assertThrows(BuddyException.class, () -> pipeline.run(RunOptions.onBranch("main")));

      assertInstanceOf(BuddyOutcomeUnknownException.class, e);
      assertEquals(Applied.UNKNOWN, e.applied());
      assertEquals(1, server.requests("POST", RUNS).size(), "never re-sent");
    }
  }
}
