package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.provision.ApplyReport;
import org.buddy4j.core.provision.Change;
import org.buddy4j.core.provision.Plan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's use case from the DSL against the emulator: one script declares a project, a pipeline with
 * three actions, four variables (one encrypted, one SSH key), an environment, an integration and a webhook,
 * then runs the pipeline by name and waits. Applying twice writes nothing the second time (the emulator's
 * request log); the run sees the applied pipeline; no secret sentinel is ever printed.
 */
class ProvisioningE2eTest {
  static final String SCRIPT = """
      workspace "buddy" {
        integration "shop-github" {
          type GIT_HUB
          name "GitHub for the shop"
          scope WORKSPACE
          token env("GH_TOKEN")
        }
        webhook "https://hooks.example.com/buddy" {
          events EXECUTION_FAILED, EXECUTION_SUCCESSFUL
          secretKey env("HOOK_SECRET")
        }
        project "shop" {
          displayName "The shop"
          variable "STAGE", "production"
          variable("API_TOKEN") {
            value env("API_TOKEN")
            encrypted true
          }
          variable("DEPLOY_KEY") {
            value env("DEPLOY_KEY")
            type SSH_KEY
            encrypted true
          }
          environment "production" {
            name "Production"
          }
          pipeline "deploy" {
            priority HIGH
            variable "REGION", "eu-west-1"
            action "Build" {
              type BUILD
            }
            action "Test" {
              type BUILD
            }
            action "Deploy" {
              type SSH_COMMAND
            }
          }
          def r = run pipeline "deploy" on branch "master" comment "provisioned"
          r.waitUntilFinished()
          println "run of ${r.pipelineId}: ${r.status}"
        }
      }
      """;
  static final Map<String, String> ENV = Map.of("GH_TOKEN", "FAKE-SECRET-gh-token", "HOOK_SECRET", "FAKE-SECRET-hook",
      "API_TOKEN", "FAKE-SECRET-api-token", "DEPLOY_KEY", "FAKE-SECRET-ssh-private-key");
  private static EmulatorFixture emulator;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private ScriptOptions options;

  @BeforeAll
  static void start() {
    emulator = new EmulatorFixture();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
    options = ScriptOptions.defaults().environment(ENV).out(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .ledger(new org.buddy4j.core.provision.InMemorySecretLedger());
  }

  private static List<JsonNode> writes() {
    return emulator.requests().stream().filter(r -> !r.path("method").asText().equals("GET")).toList();
  }

  @Test
  void applyingTwiceWritesNothingTheSecondTime() {
    CompiledScript script = BuddyScripts.compile("shop.groovy", SCRIPT, options);
    List<Change> heard = new ArrayList<>();
    ApplyReport first = script.apply(emulator.client(), options, heard::add);
    assertTrue(first.succeeded(), () -> first.failure().map(Throwable::getMessage).orElse(""));
    assertEquals(script.desiredState(options).size(), first.applied().size());
    assertEquals(first.applied(), heard);
    assertFalse(writes().isEmpty());

    emulator.clearRequests();
    Plan again = script.plan(emulator.client(), options);
    assertFalse(again.hasChanges(), () -> again.pending().toString());
    ApplyReport second = script.apply(emulator.client(), options, c -> { });
    assertEquals(List.of(), second.applied());
    assertEquals(List.of(), writes(), "the second apply wrote");
  }

  @Test
  void runAppliesThenRunsThePipelineByNameAndWaits() {
    ScriptResult result = BuddyScripts.compile("shop.groovy", SCRIPT, options).run(emulator.client(), options);
    assertTrue(result.applied().succeeded());
    List<JsonNode> runs = writes().stream().filter(r -> r.path("path").asText().endsWith("/executions")).toList();
    assertEquals(1, runs.size(), "one run started");
    assertTrue(runs.get(0).path("path").asText().startsWith("/workspaces/buddy/projects/shop/pipelines/"), runs.toString());
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("SUCCESSFUL"), out);

    emulator.clearRequests();
    ScriptResult again = BuddyScripts.compile("shop.groovy", SCRIPT, options).run(emulator.client(), options);
    assertEquals(List.of(), again.applied().applied());
    assertEquals(1, writes().size(), "only the run is sent the second time: " + writes());
  }

  @Test
  void secretSentinelsAreNeverPrinted() {
    CompiledScript script = BuddyScripts.compile("shop.groovy", SCRIPT, options);
    StringBuilder shown = new StringBuilder();
    shown.append(script.dryRun(options)).append(script.desiredState(options)).append(script.desiredState(options).resources());
    Plan plan = script.plan(emulator.client(), options);
    shown.append(plan).append(plan.changes());
    ApplyReport report = script.apply(emulator.client(), options, c -> shown.append(c));
    shown.append(report);
    try {
      BuddyScripts.compile("bad.groovy", SCRIPT.replace("priority HIGH", "priority URGENT"), options).run(emulator.client(), options);
    } catch (DslException e) {
      shown.append(e.getMessage());
    }
    shown.append(printed.toString(StandardCharsets.UTF_8));
    shown.append(emulator.requests());
    assertFalse(shown.toString().contains("FAKE-SECRET"), shown.toString());
  }
}
