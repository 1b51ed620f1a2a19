package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.buddy4j.cli.ProvisionFixture.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never print: a script with a sentinel ({@code FAKE-SECRET-…}) written in every secret field it
 * declares — an encrypted variable, an SSH key, an integration's token, a webhook's secret key — planned,
 * applied, planned again and exported with {@code -vvv} (every HTTP body logged): no sentinel in any output,
 * in the state file, or in the error of an apply Buddy refuses with a message that quotes the request.
 */
class ProvisionSecretsIT {
  static final String SCRIPT = """
      workspace "buddy" {
        integration "secret-github" {
          type GIT_HUB
          name "GitHub"
          scope WORKSPACE
          token "FAKE-SECRET-token-1"
        }
        webhook "https://hooks.example.com/secrets" {
          events EXECUTION_SUCCESSFUL
          secretKey "FAKE-SECRET-webhook-2"
        }
        project "vault" {
          variable("DB_PASSWORD") {
            value "FAKE-SECRET-password-3"
            encrypted true
          }
          variable("DEPLOY_KEY") {
            value "FAKE-SECRET-ssh-key-4"
            type SSH_KEY
            encrypted true
            filePlace CONTAINER
            filePath "~/.ssh/id_deploy"
          }
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void noSentinelInPlanApplyExportLogsOrTheStateFile() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = Files.writeString(dir.resolve("secrets.groovy"), SCRIPT);
      StringBuilder all = new StringBuilder();

      Child plan = buddy.run(Map.of(), "plan", "-vvv", script.toString());
      assertEquals(ExitCode.CHANGES_PENDING, plan.code(), plan.toString());
      assertTrue(plan.output().contains("***"), "secrets are shown masked: " + plan);
      all.append(plan);
      Child json = buddy.run(Map.of(), "plan", "-o", "json", script.toString());
      all.append(json);
      Child apply = buddy.run(Map.of(), "apply", "-vvv", "--yes", script.toString());
      assertEquals(ExitCode.OK, apply.code(), apply.toString());
      assertTrue(apply.output().contains("POST") && apply.output().contains("secret_key"),
          "-vvv logs the bodies: " + apply);
      all.append(apply);
      Child again = buddy.run(Map.of(), "plan", "-vvv", script.toString());
      assertEquals(ExitCode.OK, again.code(), "the ledger knows every secret's hash: no change: " + again);
      all.append(again);
      Child export = buddy.run(Map.of(), "export", "-vvv", "-w", "buddy");
      assertEquals(ExitCode.OK, export.code(), export.toString());
      assertTrue(export.output().contains("env(\""), export.toString());
      all.append(export);

      assertFalse(all.toString().contains("FAKE-SECRET"), "a secret printed:\n" + all);
      String state = ProvisionFixture.read(dir.resolve("secrets.groovy.state.json"));
      assertFalse(state.contains("FAKE-SECRET"), "the state file holds hashes, never values:\n" + state);
      assertTrue(state.contains("DB_PASSWORD"), "the state file keys the hashes by resource and field:\n" + state);
    }
  }

  @Test
  void aRefusedApplyWhoseErrorQuotesTheBodyPrintsNoSecret() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = Files.writeString(dir.resolve("refused.groovy"), SCRIPT);
      buddy.buddy.faults("[{\"method\":\"POST\",\"operationId\":\"createIntegration\",\"status\":400,\"echoBody\":true}]");
      Child refused = buddy.run(Map.of(), "apply", "-vvv", "--yes", script.toString());
      assertEquals(ExitCode.FAILED, refused.code(), refused.toString());
      assertTrue(refused.output().contains("apply stopped") && refused.output().contains("not applied +"), refused.toString());
      assertFalse(refused.output().contains("FAKE-SECRET"), "a secret printed:\n" + refused);
    }
  }
}
