package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.junit.jupiter.api.Test;

/** Grape, risky transforms, the time limit, the binding and secrets. */
class HygieneTest {
  private static final ScriptOptions OPTIONS = ExamplesTest.options(new PrintStream(OutputStream.nullOutputStream()));

  @Test
  void astTestDoesNotRunWhileCompiling() {
    String script = "@groovy.transform.ASTTest(value = { System.setProperty('buddy4j.pwned', 'yes') })\n"
        + "def x = 1\nrun pipeline 2 on branch \"master\"";
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.compile("evil.groovy", script, OPTIONS));
    assertTrue(e.getMessage().startsWith("evil.groovy:1:1: annotations such as @ASTTest are not allowed"), e.getMessage());
    assertNull(System.getProperty("buddy4j.pwned"));
  }

  @Test
  void grapeIsOffAndGrabRefused() {
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.compile("grab.groovy",
        "@Grab('org.example:evil:1.0')\nimport org.example.Evil\nrun pipeline 2", OPTIONS));
    assertTrue(e.getMessage().contains("@Grab are not allowed"), e.getMessage());
    assertEquals("false", System.getProperty("groovy.grape.enable"));
  }

  @Test
  void importsAndReflectionAreRefused() {
    for (String script : List.of("import java.io.File\nrun pipeline 2", "'id'.execute()", "def c = 'x'.getClass()",
        "def s = ('java.lang.System' as Class)", "this.binding", "Runtime.getRuntime()", "def m = 'x'.&size")) {
      assertThrows(DslException.class, () -> BuddyScripts.compile("x.groovy", script, OPTIONS), script);
    }
  }

  /** The verdict is that the loop was stopped, with its line; never how long that took. */
  @Test
  void aRunawayScriptIsStoppedByItsCpuBudget() {
    ScriptOptions limited = ExamplesTest.options(new PrintStream(OutputStream.nullOutputStream())).cpuLimit(Duration.ofMillis(200));
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.dryRun("loop.groovy",
        "run pipeline 2 on branch \"master\"\nintegration {\n  type GIT_HUB\n  while (true) { }\n}", limited));
    assertTrue(e.getMessage().startsWith("loop.groovy:4: the script was stopped: it computed for longer than its time limit of 200 ms"),
        e.getMessage());
    // A loop that swallows exceptions cannot swallow the stop, nor loop on in a finally block.
    for (String loop : List.of("try { while (true) { } } catch (e) { println 'caught' }",
        "try { while (true) { } } finally { while (true) { } }", "[1].each { while (true) { } }",
        "(1..Integer.MAX_VALUE).each { }")) {
      DslException stopped = assertThrows(DslException.class, () -> BuddyScripts.dryRun("loop.groovy", loop, limited), loop);
      assertTrue(stopped.getMessage().contains("the script was stopped"), stopped.getMessage());
    }
  }

  /** A wall-clock deadline too (a real run's waits count against it, not against the CPU budget). */
  @Test
  void theWallClockLimitStopsAScriptToo() {
    ScriptOptions limited = ExamplesTest.options(new PrintStream(OutputStream.nullOutputStream()))
        .timeLimit(Duration.ofMillis(1)).cpuLimit(Duration.ofMinutes(10));
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.dryRun("loop.groovy", "while (true) { }", limited));
    assertTrue(e.getMessage().startsWith("loop.groovy:1: the script was stopped: it ran for longer than its time limit of 1 ms"),
        e.getMessage());
  }

  @Test
  void theBindingHoldsNothing() {
    for (String word : List.of("binding", "client", "token", "args", "out")) {
      DslException e = assertThrows(DslException.class, () -> BuddyScripts.compile("b.groovy", "println " + word, OPTIONS));
      assertTrue(e.getMessage().contains("unknown word '" + word + "'"), e.getMessage());
    }
  }

  /** A sentinel in every secret field of every type, and in encrypted variables: none is printed. */
  @Test
  void secretsNeverAppearInDryRunOutputOrErrors() {
    StringBuilder script = new StringBuilder("workspace \"buddy\" {\n");
    List<String> sentinels = new ArrayList<>();
    for (IntegrationCatalog.TypeSpec type : IntegrationCatalog.get().types().values()) {
      if (!type.creatable()) {
        continue;
      }
      script.append("integration {\n type ").append(type.type()).append("\n name \"n-").append(type.type()).append("\"\n scope WORKSPACE\n");
      for (String field : type.fields()) {
        if (field.equals("role_assumptions")) {
          script.append(" roleAssumption { arn \"arn:aws:iam::1:role/x\" }\n");
          continue;
        }
        boolean secret = IntegrationCatalog.get().secretFields().contains(field);
        String value = secret ? "SENTINEL-" + type.type() + "-" + field : "plain-value";
        if (secret) {
          sentinels.add(value);
        }
        script.append(" ").append(Vocabulary.camel(field)).append(" \"").append(value).append("\"\n");
      }
      script.append("}\n");
    }
    script.append("project \"company-website\" {\n run pipeline 2 on branch \"master\" encryptedVariable \"K\", \"SENTINEL-ENCRYPTED\"\n");
    script.append(" run(pipeline: 2) { encryptedVariables A: \"SENTINEL-ENCRYPTED-MAP\" }\n}\n}\n");
    sentinels.add("SENTINEL-ENCRYPTED");
    sentinels.add("SENTINEL-ENCRYPTED-MAP");

    DryRun dry = BuddyScripts.dryRun("secrets.groovy", script.toString(), OPTIONS);
    String printed = dry + "\n" + dry.desiredState() + "\n" + dry.desiredState().resources();
    long creatable = IntegrationCatalog.get().types().values().stream().filter(IntegrationCatalog.TypeSpec::creatable).count();
    assertEquals(2, dry.requests().size());
    assertEquals(creatable, dry.desiredState().size());
    for (String s : sentinels) {
      assertFalse(printed.contains(s), s + " printed");
    }
    // ... and the sentinel values did reach the bodies and the declarations (the test would be empty otherwise).
    assertTrue(dry.requests().stream().anyMatch(r -> r.body().toString().contains("SENTINEL-ENCRYPTED")));
    assertTrue(dry.desiredState().resources().stream().anyMatch(d -> d.fields().values().stream()
        .anyMatch(v -> v instanceof org.buddy4j.core.provision.Secret x && x.reveal().equals("SENTINEL-AMAZON-secret_key"))));

    DslException e = assertThrows(DslException.class, () -> BuddyScripts.dryRun("s.groovy",
        "integration {\n type GIT_HUB\n name \"n\"\n scope PROJECT\n token \"SENTINEL-IN-ERROR\"\n}", OPTIONS));
    assertFalse(e.getMessage().contains("SENTINEL"), e.getMessage());
  }

  @Test
  void printlnIsQuietWhileChecking() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScriptOptions options = ExamplesTest.options(new PrintStream(out, true, StandardCharsets.UTF_8));
    DryRun dry = BuddyScripts.dryRun("p.groovy", "println 'hello'\nrun pipeline 2 on branch \"master\"", options);
    assertEquals(1, dry.requests().size());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void workspaceAndProjectComeFromTheEnvironmentOrBlocks() {
    ScriptOptions none = ScriptOptions.defaults().environment(Map.of());
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.dryRun("w.groovy", "run pipeline 2", none));
    assertEquals("w.groovy:1: no workspace: put this inside workspace \"…\" { } or set BUDDY_WORKSPACE", e.getMessage());
    DryRun dry = BuddyScripts.dryRun("w.groovy", "workspace \"acme\" { project \"web\" { run pipeline 7 } }", none);
    assertEquals("/workspaces/acme/projects/web/pipelines/7/executions", dry.requests().get(0).path());
  }

  @Test
  void theComparisonOfTheExampleTestsCanFail() {
    var planned = RequestComparison.fromDryRun(List.of("POST /workspaces/a/x {\"comment\":\"a\"}"));
    assertNull(RequestComparison.difference(planned, RequestComparison.fromDryRun(List.of("POST /workspaces/a/x {\"comment\":\"a\"}"))));
    assertTrue(RequestComparison.difference(planned, RequestComparison.fromDryRun(List.of("POST /workspaces/a/x {\"comment\":\"b\"}"))) != null);
    assertTrue(RequestComparison.difference(planned, List.of()) != null);
  }
}
