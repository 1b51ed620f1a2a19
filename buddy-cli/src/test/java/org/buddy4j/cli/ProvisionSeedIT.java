package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.cli.ProvisionFixture.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's seed use case, end to end with {@code buddy.jar} against the emulator: examples/provision-website.groovy
 * declares a project, a pipeline with three actions, four variables (one encrypted, one an SSH key), an
 * environment, an integration and a webhook, then runs the pipeline and waits. Applied twice, the second
 * apply writes nothing but the run the script asks for; one changed field is exactly one planned change;
 * export, apply on a fresh emulator, export again gives the same script; prune deletes only with the flag.
 */
class ProvisionSeedIT {
  /** The script's secrets, from the environment. */
  static final Map<String, String> SECRETS = Map.of(
      "DB_PASSWORD", "FAKE-SECRET-db-password",
      "DEPLOY_SSH_KEY", "-----BEGIN OPENSSH PRIVATE KEY-----\nFAKE-SECRET-ssh-key\n-----END OPENSSH PRIVATE KEY-----",
      "GITHUB_TOKEN", "FAKE-SECRET-github-token",
      "WEBHOOK_SECRET", "FAKE-SECRET-webhook-key");
  static final String PROJECT = "/workspaces/buddy/projects/website";
  @TempDir
  Path dir;

  @Test
  void appliedTwiceTheSecondWritesNothingButTheRunAndAChangedFieldIsOneChange() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = buddy.example("provision-website.groovy");

      Child plan = buddy.run(SECRETS, "plan", script.toString());
      assertEquals(ExitCode.CHANGES_PENDING, plan.code(), plan.toString());
      assertEquals(0, buddy.writesAfter(0).size(), "a plan only reads: " + buddy.writesAfter(0));

      long before = buddy.lastSeq();
      Child first = buddy.run(SECRETS, "apply", "--yes", script.toString());
      assertEquals(ExitCode.OK, first.code(), first.toString());
      assertTrue(first.output().contains("ended SUCCESSFUL"), "the run after the apply: " + first);
      List<String> firstWrites = buddy.writesAfter(before);
      assertTrue(firstWrites.size() > 10, "the first apply creates everything: " + firstWrites);
      assertTrue(Files.isRegularFile(dir.resolve("provision-website.groovy.state.json")), "the state file beside the script");
      assertConverged(buddy);

      Child unchanged = buddy.run(SECRETS, "plan", script.toString());
      assertEquals(ExitCode.OK, unchanged.code(), "a plan after the apply has no changes: " + unchanged);

      long second = buddy.lastSeq();
      Child again = buddy.run(SECRETS, "apply", "--yes", script.toString());
      assertEquals(ExitCode.OK, again.code(), again.toString());
      assertEquals(List.of("POST runExecution"), buddy.writesAfter(second),
          "the second apply sends no write but the run the script's statement starts");
      assertConverged(buddy);

      // One field changed in a copy: exactly that one change, field by field.
      Path changed = Files.writeString(dir.resolve("changed.groovy"),
          ProvisionFixture.read(script).replace("displayName \"Website\"", "displayName \"The website\""));
      Files.copy(dir.resolve("provision-website.groovy.state.json"), dir.resolve("changed.groovy.state.json"));
      Child diff = buddy.run(SECRETS, "plan", changed.toString(), "-o", "json");
      assertEquals(ExitCode.CHANGES_PENDING, diff.code(), diff.toString());
      JsonNode json = TestEmulator.JSON.readTree(diff.output().substring(diff.output().indexOf('{')));
      List<JsonNode> pending = new ArrayList<>();
      json.path("changes").forEach(c -> {
        if (!c.path("action").asText().equalsIgnoreCase("UNCHANGED")) {
          pending.add(c);
        }
      });
      assertEquals(1, pending.size(), "exactly one change: " + pending);
      assertEquals("UPDATE", pending.get(0).path("action").asText().toUpperCase(), pending.toString());
      assertEquals(1, pending.get(0).path("fields").size(), pending.toString());
      assertEquals("display_name", pending.get(0).path("fields").get(0).path("field").asText(), pending.toString());
      Child text = buddy.run(SECRETS, "plan", changed.toString());
      assertTrue(text.output().contains("The website"), text.toString());
    }
  }

  @Test
  void exportAppliedOnAFreshEmulatorExportsTheSameScript() throws Exception {
    try (ProvisionFixture a = new ProvisionFixture(dir, 50);
         ProvisionFixture b = new ProvisionFixture(Files.createDirectories(dir.resolve("b")), 50)) {
      Path script = a.example("provision-website.groovy");
      Child applied = a.run(SECRETS, "apply", "--yes", script.toString());
      assertEquals(ExitCode.OK, applied.code(), applied.toString());

      Path exported = dir.resolve("exported.groovy");
      Child export = a.run(Map.of(), "export", "-w", "buddy", "--output", exported.toString());
      assertEquals(ExitCode.OK, export.code(), export.toString());
      String text = ProvisionFixture.read(exported);
      assertFalse(text.contains("FAKE-SECRET"), "no secret in the export:\n" + text);
      assertTrue(text.contains("env(\""), "secrets are env(\"…\") references:\n" + text);
      assertTrue(text.contains("\"website\"") && text.contains("\"deploy\"") && text.contains("\"Deploy\""), text);

      // The references' variables hold the secrets on the other side.
      Map<String, String> env = new HashMap<>();
      Matcher ref = Pattern.compile("env\\(\"([A-Za-z0-9_]+)\"\\)").matcher(text);
      while (ref.find()) {
        env.put(ref.group(1), "FAKE-SECRET-reapplied-" + ref.group(1));
      }
      Child onB = b.run(env, "apply", "--yes", exported.toString());
      assertEquals(ExitCode.OK, onB.code(), onB.toString());
      Path again = dir.resolve("exported-again.groovy");
      Child exportB = b.run(Map.of(), "export", "-w", "buddy", "--output", again.toString());
      assertEquals(ExitCode.OK, exportB.code(), exportB.toString());
      assertEquals(text, ProvisionFixture.read(again), "export → apply on a fresh emulator → export: the same script");
      assertConverged(b);
    }
  }

  @Test
  void pruneDeletesAnUndeclaredVariableOnlyWithTheFlag() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = buddy.example("provision-website.groovy");
      assertEquals(ExitCode.OK, buddy.run(SECRETS, "apply", "--yes", script.toString()).code());
      Child added = buddy.run(Map.of(), "api", "POST", "/workspaces/buddy/variables?project_name=website",
          "--data", "{\"key\":\"LEFTOVER\",\"value\":\"x\",\"project\":{\"name\":\"website\"}}");
      assertEquals(ExitCode.OK, added.code(), added.toString());
      assertTrue(variables(buddy).contains("LEFTOVER"), variables(buddy).toString());

      Child plan = buddy.run(SECRETS, "plan", script.toString());
      assertEquals(ExitCode.OK, plan.code(), "without --prune an undeclared variable is left alone: " + plan);
      Child prunePlan = buddy.run(SECRETS, "plan", "--prune", script.toString());
      assertEquals(ExitCode.CHANGES_PENDING, prunePlan.code(), prunePlan.toString());
      assertTrue(prunePlan.output().contains("- delete workspace \"buddy\" / project \"website\" / variable \"LEFTOVER\""),
          prunePlan.toString());
      assertTrue(prunePlan.output().contains("0 to create, 0 to update, 1 to delete"), prunePlan.toString());

      long before = buddy.lastSeq();
      Child pruned = buddy.run(SECRETS, "apply", "--yes", "--prune", script.toString());
      assertEquals(ExitCode.OK, pruned.code(), pruned.toString());
      assertEquals(List.of("DELETE deleteVariable", "POST runExecution"),
          buddy.writesAfter(before), "the undeclared variable only: " + pruned);
      assertFalse(variables(buddy).contains("LEFTOVER"), variables(buddy).toString());
      assertConverged(buddy);
    }
  }

  @Test
  void withoutATerminalAndWithoutYesNothingIsApplied() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = buddy.example("provision-website.groovy");
      Child refused = buddy.run(SECRETS, "apply", script.toString());
      assertEquals(ExitCode.USAGE, refused.code(), refused.toString());
      assertTrue(refused.output().contains("--yes"), refused.toString());
      assertEquals(List.of(), buddy.writesAfter(0), "nothing applied");
    }
  }

  /** The project's variables' keys. */
  static List<String> variables(ProvisionFixture buddy) {
    return buddy.list("/workspaces/buddy/variables?project_name=website", "variables", "key");
  }

  /**
   * Every family the script declares holds each declared resource exactly once (and nothing else): the
   * project, its pipeline, the pipeline's three actions in order, the variables, the environment, the
   * integration and the webhook.
   */
  static void assertConverged(ProvisionFixture buddy) {
    assertEquals(List.of("website"), buddy.list("/workspaces/buddy/projects", "projects", "name"));
    assertEquals(List.of("deploy"), buddy.list(PROJECT + "/pipelines", "pipelines", "name"));
    JsonNode pipeline = buddy.get(PROJECT + "/pipelines").path("pipelines").get(0);
    List<String> actions = buddy.list(PROJECT + "/pipelines/" + pipeline.path("id").asText() + "/actions", "actions", "name");
    assertEquals(List.of("Build", "Test", "Deploy"), actions, "the declared actions, each once, in order");
    assertEquals(List.of("APP_NAME", "DB_PASSWORD", "DEPLOY_SSH_KEY", "REGION"), variables(buddy).stream().sorted().toList());
    assertEquals(List.of("production"), buddy.list("/workspaces/buddy/environments?project_name=website", "environments", "identifier"));
    assertEquals(List.of("website-github"), buddy.list("/workspaces/buddy/integrations", "integrations", "identifier"));
    assertEquals(List.of("https://hooks.example.com/buddy"), buddy.list("/workspaces/buddy/webhooks", "webhooks", "target_url"));
  }
}
