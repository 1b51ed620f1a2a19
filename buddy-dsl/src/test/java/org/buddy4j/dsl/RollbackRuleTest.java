package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.buddy4j.emulator.BuddyEmulator;
import org.junit.jupiter.api.Test;

/**
 * The DSL's {@code rollback} follows buddy-core's one rule (RollbackPlan, as the CLI): the last
 * SUCCESSFUL run before the newest finished one, on the same branch, at another revision. Before the
 * rule was shared, the DSL took the newest success on any branch: after a failed master deploy it ran
 * a feature branch's revision on master.
 */
class RollbackRuleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MASTER_GOOD = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
  private static final String FEATURE_GOOD = "f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2f2";
  private static final String MASTER_BAD = "b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3";
  private static final String SCRIPT = "project \"company-website\" {\n  def back = rollback pipeline 2\n"
      + "  println \"rolled back to ${back.revision}\"\n}\n";

  @Test
  void afterAFailedMasterDeployItGoesBackToMastersLastGoodRevisionNotAFeatureBranchs() {
    // oldest first: #1 master good, #2 feature/login good (newer), #3 the failed master deploy
    String seed = seed(entry("SUCCESSFUL", "master", MASTER_GOOD), entry("SUCCESSFUL", "feature/login", FEATURE_GOOD),
        entry("FAILED", "master", MASTER_BAD));
    try (EmulatorFixture emulator = new EmulatorFixture(seed)) {
      emulator.clearRequests();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      BuddyScripts.run("rollback.groovy", SCRIPT, emulator.client(),
          ExamplesTest.options(new PrintStream(printed, true, StandardCharsets.UTF_8)));
      List<JsonNode> posts = emulator.requests().stream().filter(r -> "POST".equals(r.path("method").asText())).toList();
      assertEquals(1, posts.size(), "one rollback run: " + posts);
      JsonNode body = body(posts.get(0));
      assertEquals(MASTER_GOOD, body.path("to_revision").path("revision").asText(), body.toString());
      assertEquals("master", body.path("branch").path("name").asText(), body.toString());
      assertEquals("Rollback of #3 to a1a1a1a (last successful run #1)", body.path("comment").asText());
      assertTrue(printed.toString(StandardCharsets.UTF_8).contains("rolled back to " + MASTER_GOOD), printed.toString());
    }
  }

  @Test
  void aSuccessOnlyOnAnotherBranchIsNoTargetAndTheScriptSaysSoInOneLine() {
    String seed = seed(entry("SUCCESSFUL", "feature/login", FEATURE_GOOD), entry("FAILED", "master", MASTER_BAD));
    try (EmulatorFixture emulator = new EmulatorFixture(seed)) {
      emulator.clearRequests();
      DslException e = assertThrows(DslException.class, () -> BuddyScripts.run("rollback.groovy", SCRIPT,
          emulator.client(), ExamplesTest.options(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))));
      assertTrue(e.getMessage().contains("no successful run of another revision on branch master before run #2"),
          e.getMessage());
      assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
      assertEquals(0, emulator.requests().stream().filter(r -> "POST".equals(r.path("method").asText())).count(),
          "nothing was started");
    }
  }

  private static JsonNode body(JsonNode request) {
    JsonNode body = request.path("body");
    try {
      return body.isTextual() ? JSON.readTree(body.asText()) : body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode entry(String status, String branch, String revision) {
    return JSON.createObjectNode().put("status", status).put("branch", branch).put("revision", revision);
  }

  /** The default seed, with pipeline 2's history replaced by {@code history} (oldest first). */
  private static String seed(ObjectNode... history) {
    try (InputStream in = BuddyEmulator.class.getResourceAsStream("/buddy4j/emulator/default-seed.json")) {
      ObjectNode root = (ObjectNode) JSON.readTree(in);
      for (JsonNode pipeline : root.path("workspaces").get(0).path("projects").get(0).path("pipelines")) {
        if (pipeline.path("id").asInt() == 2) {
          ArrayNode entries = ((ObjectNode) pipeline).putArray("history");
          for (ObjectNode h : history) {
            entries.add(h);
          }
        }
      }
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
