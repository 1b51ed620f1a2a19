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
import java.util.HashMap;
import org.buddy4j.core.provision.ApplyReport;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.EnvRef;
import org.buddy4j.core.provision.InMemorySecretLedger;
import org.buddy4j.core.provision.Provisioner;
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

  /** Export (core) → ScriptWriter → compile: the same resources, references only, and the script applies as a no-op. */
  @Test
  void anExportWrittenAsAScriptDeclaresWhatWasExported() {
    CompiledScript script = BuddyScripts.compile("shop.groovy", SCRIPT, options);
    assertTrue(script.apply(emulator.client(), options, c -> { }).succeeded());
    DesiredState exported = new Provisioner(emulator.client(), new InMemorySecretLedger()).export("buddy", "shop");
    String text = ScriptWriter.write(exported);
    assertFalse(text.contains("FAKE-SECRET"), text);
    Map<String, String> env = new HashMap<>();
    exported.resources().forEach(d -> d.fields().values().forEach(v -> {
      if (v instanceof EnvRef e) {
        env.put(e.name(), "FAKE-SECRET-exported-" + e.name());
      }
    }));
    ScriptOptions exportOptions = ScriptOptions.defaults().environment(env).out(options.out()).ledger(new InMemorySecretLedger());
    DesiredState back = BuddyScripts.compile("export.groovy", text, exportOptions).desiredState(exportOptions);
    // The script reads as a tree (a pipeline's variables and actions inside it): the same resources, and
    // within one parent and kind the same order (actions keep theirs).
    assertEquals(exported.resources().stream().map(d -> d.address().toString()).sorted().toList(),
        back.resources().stream().map(d -> d.address().toString()).sorted().toList(), text);
    assertEquals(exported.resources().stream().filter(d -> d.kind().word().equals("action")).map(Declared::key).toList(),
        back.resources().stream().filter(d -> d.kind().word().equals("action")).map(Declared::key).toList());
    assertEquals(text, ScriptWriter.write(new Provisioner(emulator.client(), new InMemorySecretLedger()).export("buddy", "shop")),
        "exporting again gives the same script");
  }

  /** Buddy refusing a declaration stops the apply at its line; no statement runs; applying the fix converges. */
  @Test
  void aRefusedDeclarationStopsBeforeTheStatements() {
    String broken = """
        workspace "buddy" {
          project "shop" {
            variable "STAGE", "production"
            pipeline "deploy" {
              field "clone_depth", "deep"
            }
            run pipeline "deploy" on branch "master"
          }
        }
        """;
    ScriptFailedException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptFailedException.class,
        () -> BuddyScripts.compile("broken.groovy", broken, options).run(emulator.client(), options));
    assertEquals(4, e.where().line(), e.getMessage()); // the pipeline's declaration
    assertTrue(e.getMessage().contains("applying the declared state failed (1 applied, 2 not)"), e.getMessage());
    assertTrue(writes().stream().noneMatch(r -> r.path("path").asText().endsWith("/executions")), "a statement ran");

    emulator.clearRequests();
    String fixed = broken.replace("field \"clone_depth\", \"deep\"", "cloneDepth 1");
    ScriptResult result = BuddyScripts.compile("fixed.groovy", fixed, options).run(emulator.client(), options);
    assertTrue(result.applied().applied().stream().noneMatch(c -> c.address().kind().equals("project")),
        "the project applied before the failure was not created again");
    assertEquals(1, writes().stream().filter(r -> r.path("path").asText().endsWith("/executions")).count());
  }
}
