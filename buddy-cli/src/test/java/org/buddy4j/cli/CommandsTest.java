package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.buddy4j.cli.BuddyCli;
import org.buddy4j.cli.CliContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The everyday commands, used as a person would, against a real emulator. */
class CommandsTest {
  static TestEmulator buddy;
  static Map<String, String> env;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(50);
    env = buddy.env();
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  private static Result buddy(String... args) {
    return TestEmulator.cli(env, args);
  }

  @Test
  void workspacesProjectsAndPipelinesInEachFormat() throws Exception {
    Result text = buddy("workspaces", "list");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().startsWith("DOMAIN  NAME   ID  HTML_URL\nbuddy   buddy  1"), text.out());
    JsonNode json = TestEmulator.JSON.readTree(buddy("projects", "list", "--format", "json").out());
    assertTrue(json.isArray() && json.size() >= 2, json.toString());
    String jsonl = buddy("pipelines", "list", "-o", "jsonl").out();
    assertTrue(jsonl.lines().count() >= 4, jsonl);
    jsonl.lines().forEach(l -> assertTrue(l.startsWith("{\"") && l.endsWith("}"), l));
    assertTrue(buddy("pipelines", "get", "2").out().contains("name:"), "get prints fields");
    assertTrue(buddy("workspaces", "get").out().contains("domain:"));
    assertTrue(buddy("projects", "get", "--project", "my-project").out().contains("my-project"));
  }

  @Test
  void runsStartWaitStatusListLogsAndExitCodes() throws Exception {
    Result ok = buddy("runs", "start", "2", "--branch", "master", "--comment", "from the test", "--wait");
    assertEquals(0, ok.code(), ok.toString());
    assertTrue(ok.out().contains("status:") && ok.out().contains("SUCCESSFUL"), ok.out());
    int id = Integer.parseInt(ok.out().lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().split(":\\s+")[1]);
    assertTrue(ok.err().startsWith("Started run #" + id + " of pipeline 2"), ok.err());

    Result failed = buddy("runs", "start", "4", "--branch", "develop", "--wait");
    assertEquals(1, failed.code(), "a failed run exits 1: " + failed);
    assertTrue(failed.out().contains("FAILED"));

    Result status = buddy("runs", "status", "2", String.valueOf(id), "-o", "json");
    assertEquals("SUCCESSFUL", TestEmulator.JSON.readTree(status.out()).path("status").asText());
    Result list = buddy("runs", "list", "2", "--limit", "3");
    assertTrue(list.out().startsWith("ID"), list.out());
    assertEquals(4, list.out().lines().count(), list.out());

    Result logs = buddy("runs", "logs", "2", String.valueOf(id));
    assertEquals(0, logs.code(), logs.toString());
    assertTrue(logs.out().startsWith("==> Upload files to dev"), logs.out());
    assertTrue(logs.out().contains("==> Send notification to dev channel"), logs.out());

    Result followed = buddy("runs", "start", "2", "--branch", "develop", "--follow");
    assertEquals(0, followed.code(), followed.toString());
    assertTrue(followed.out().contains("==> Upload files to dev") && followed.out().contains("==> Send notification"),
        followed.out());

    Result approve = buddy("runs", "start", "3", "--branch", "master");
    int waiting = Integer.parseInt(approve.out().lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().split(":\\s+")[1]);
    awaitStatus(3, waiting, "WAITING_FOR_APPLY"); // approving earlier is refused: the run must reach its gate
    Result approved = buddy("runs", "approve", "3", String.valueOf(waiting), "--wait");
    assertEquals(0, approved.code(), approved.toString());
    // A run of pipeline 3 waits for approval, so it is still cancellable however long the command takes to
    // start (a run of pipeline 2 may already be over on the fast clock).
    Result cancel = buddy("runs", "cancel", "3", String.valueOf(
        Integer.parseInt(buddy("runs", "start", "3", "--branch", "master").out().lines().filter(l -> l.startsWith("id:"))
            .findFirst().orElseThrow().split(":\\s+")[1])));
    assertEquals(0, cancel.code(), cancel.toString());
  }

  /** Polls {@code runs status} until the run shows {@code status}; the deadline only guards against a hang. */
  private static void awaitStatus(int pipeline, int id, String status) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Result r = buddy("runs", "status", String.valueOf(pipeline), String.valueOf(id), "-o", "json");
      if (status.equals(TestEmulator.JSON.readTree(r.out()).path("status").asText())) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "run " + id + " never reached " + status + ": " + r);
      Thread.sleep(20);
    }
  }

  @Test
  void integrationsCreateListGetDeleteWithoutPrintingSecrets() throws Exception {
    Result created = buddy("integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do-test",
        "--set", "token=do-secret-token-123", "-o", "json");
    assertEquals(0, created.code(), created.toString());
    String hash = TestEmulator.JSON.readTree(created.out()).path("hash_id").asText();
    assertFalse(hash.isEmpty());
    assertTrue(buddy("integrations", "list").out().contains("do-test"));
    assertTrue(buddy("integrations", "get", hash).out().contains("DIGITAL_OCEAN"));
    Result bad = buddy("integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "x", "--set", "region=eu");
    assertEquals(2, bad.code(), bad.toString());
    assertEquals(0, buddy("integrations", "delete", hash).code());
    for (Result r : List.of(created, bad)) {
      assertFalse((r.out() + r.err()).contains("do-secret-token-123"));
    }
  }

  @Test
  void everyCommandHasHelpAndTheCompletionScriptCoversThem() {
    CommandLine root = BuddyCli.commandLine(new CliContext(env, System.out, System.err));
    List<String[]> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    assertTrue(paths.size() >= 20, "commands: " + paths.size());
    for (String[] path : paths) {
      String[] args = new String[path.length + 1];
      System.arraycopy(path, 0, args, 0, path.length);
      args[path.length] = "--help";
      Result r = buddy(args);
      assertEquals(0, r.code(), String.join(" ", args) + ": " + r);
      assertTrue(r.out().contains("Usage: buddy"), String.join(" ", args) + ": " + r.out());
    }
    String script = buddy("completion").out();
    assertTrue(script.contains("complete -F _complete_buddy"), script.substring(0, 200));
    assertTrue(script.contains("--concurrency") && script.contains("integrations"));
  }

  private static void collect(CommandLine cmd, List<String> prefix, List<String[]> out) {
    for (var e : cmd.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(prefix);
      p.add(e.getKey());
      out.add(p.toArray(new String[0]));
      collect(e.getValue(), p, out);
    }
  }

  @Test
  void withNoTokenAndNoEndpointTheEmbeddedEmulatorIsUsedAndSaidInOneLine() {
    Result r = TestEmulator.cli(Map.of(), "pipelines", "list");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("dev"), r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().matches("buddy: no BUDDY_TOKEN or BUDDY_API_ENDPOINT set; using an embedded Buddy emulator at "
        + "http://127\\.0\\.0\\.1:\\d+ \\(workspace 'buddy', project 'company-website'\\)\n"), r.err());
    Result noToken = TestEmulator.cli(Map.of("BUDDY_API_ENDPOINT", "https://buddy.example.com/api"), "workspaces", "list");
    assertEquals(2, noToken.code());
    assertTrue(noToken.err().contains("but there is no token: set BUDDY_TOKEN"), noToken.err());
  }

  @Test
  void scriptsRunCheckAndDryRunThroughTheDsl() throws Exception {
    Path examples = Path.of(System.getProperty("buddy4j.repoRoot", "..")).resolve("examples");
    Result dry = buddy("script", examples.resolve("run-on-branch.groovy").toString(), "--dry-run");
    assertEquals(0, dry.code(), dry.toString());
    assertTrue(dry.out().contains("POST /workspaces/buddy/projects/"), dry.out());
    buddy.clearRequests();
    Result run = buddy("script", examples.resolve("run-on-branch.groovy").toString());
    assertEquals(0, run.code(), run.toString());
    assertTrue(buddy.count("runExecution") >= 1);
    Path bad = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("bad", ".groovy"),
        "run pipeline 2 on brnch \"master\"\n");
    Result broken = buddy("script", bad.toString());
    assertEquals(2, broken.code(), broken.toString());
    assertTrue(broken.err().startsWith(bad + ":1"), broken.err());
    assertFalse(broken.err().contains("\tat "), broken.err());
  }
}
