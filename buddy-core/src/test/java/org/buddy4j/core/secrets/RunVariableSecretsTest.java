package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyValidationException;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;

/** An encrypted run variable and the token never print, even when the server quotes them back, yet are sent. */
class RunVariableSecretsTest {
  private static final String TOKEN = "FAKE-token-SENTINEL-5d1e-7f3a";
  private static final String SECRET = "SENTINEL-RUN-encrypted-variable-7f3a";
  private static final String RUNS = "/workspaces/ws/projects/p/pipelines/2/executions";

  @Test
  void encryptedVariableNeverPrintsButIsSent() throws Exception {
    RunOptions options = RunOptions.onBranch("master").comment("secret-run")
        .variable("PLAIN_SETTING", "visible-value").encryptedVariable("DB_PASSWORD", SECRET);

    try (LoopbackServer server = new LoopbackServer(); CapturedLog log = new CapturedLog()) {
      server.enqueue("POST", RUNS,
          Answer.json(200, "{\"id\": 11, \"status\": \"INPROGRESS\", \"variables\": [{\"key\": \"DB_PASSWORD\", \"value\": \""
              + SECRET + "\", \"encrypted\": true}], \"comment\": \"DB_PASSWORD=" + SECRET + "\"}"),
          Answer.json(422, "{\"errors\":[{\"message\":\"variable DB_PASSWORD=" + SECRET + " is invalid for " + TOKEN + "\"}]}"));
      BuddyClient client = BuddyClient.builder().token(TOKEN).endpoint(server.url()).logLevel(LogLevel.FULL).build();
      PipelineClient pipeline = client.workspace("ws").project("p").pipeline(2);

      Execution run = pipeline.run(options);
      BuddyValidationException refused = assertThrows(BuddyValidationException.class, () -> pipeline.run(options));

      List<String> printed = new ArrayList<>();
      printed.add(log.text());
      printed.add(options.toString());
      printed.add(run.toString());
      printed.add(client.toString());
      printed.add(pipeline.toString());
      printed.addAll(IntegrationSecretsTest.describe(refused));
      for (String text : printed) {
        assertFalse(text.contains(SECRET), "the encrypted value printed in:\n" + text);
        assertFalse(text.contains(TOKEN), "the token printed in:\n" + text);
      }

      assertTrue(options.toString().contains("visible-value"), "RunOptions prints its plain content: " + options);
      String logged = log.text();
      assertTrue(logged.contains("---> POST"), logged);
      assertTrue(logged.contains("\"value\":\"***\""), logged);
      assertTrue(logged.contains("visible-value"), "the body is logged, only secrets masked:\n" + logged);
      assertTrue(refused.getMessage().contains("DB_PASSWORD=***"), refused.getMessage());
      assertEquals(11, run.id());

      assertEquals(2, server.requests().size());
      for (LoopbackServer.Recorded r : server.requests()) {
        assertTrue(r.body().contains(SECRET), r.body());
        assertEquals("Bearer " + TOKEN, r.header("Authorization"));
      }
    }
  }
}
