package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buddy script} against escape attempts from buddy-dsl's corpus, in --check, --dry-run and a real
 * run on the emulator: exit 2, one file:line message, no stack trace, the token never printed or sent,
 * no marker file, no run started. And --timeout stops a loop, --trusted lifts the allowlist.
 */
class ScriptBoundaryCliTest {
  private static final Pattern LINE = Pattern.compile("^// expect-line: (\\d+)$", Pattern.MULTILINE);
  private static final Path CORPUS = Path.of(System.getProperty("buddy4j.repoRoot", ".."))
      .resolve("buddy-dsl/src/test/resources/escapes");
  static TestEmulator buddy;
  static Map<String, String> env;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(50);
    env = buddy.env();
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @Test
  void escapesAreExitTwoWithFileAndLineInEveryMode() throws Exception {
    String token = env.get("BUDDY_TOKEN");
    for (String name : List.of("01-reflection-getmethod-invoke.groovy", "07-system-getenv-token.groovy",
        "09-env-word-token.groovy", "13-subscript-class.groovy", "14-subscript-computed-key.groovy",
        "38-grab.groovy", "45-string-to-class-declaration.groovy")) {
      String text = Files.readString(CORPUS.resolve(name));
      Matcher line = LINE.matcher(text);
      assertTrue(line.find(), name);
      Path marker = dir.resolve(name + ".marker");
      Path script = Files.writeString(dir.resolve(name), text.replace("MARKER", marker.toString()));
      for (List<String> mode : List.of(List.of("--check"), List.of("--dry-run"), List.<String>of())) {
        buddy.clearRequests();
        String[] args = new String[2 + mode.size()];
        args[0] = "script";
        args[1] = script.toString();
        for (int i = 0; i < mode.size(); i++) {
          args[2 + i] = mode.get(i);
        }
        Result r = TestEmulator.cli(env, args);
        String shown = name + " " + mode + ": " + r;
        assertEquals(2, r.code(), shown);
        assertTrue(r.err().startsWith(script + ":" + line.group(1) + ":") || r.err().startsWith(script + ":" + line.group(1) + " "),
            shown);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), shown);
        assertFalse(r.out().contains(token) || r.err().contains(token), "the token was printed: " + shown);
        assertEquals(0, buddy.count("runExecution"), "a run was started: " + shown);
        assertFalse(Files.exists(marker), "the marker was created: " + shown);
      }
    }
  }

  /** The verdict is "was stopped", with the loop's line; not how long it took. */
  @Test
  void timeoutStopsALoopThatNeverEnds() throws Exception {
    Path loop = Files.writeString(dir.resolve("loop.groovy"), "run pipeline 2 on branch \"master\"\nwhile (true) { }\n");
    for (String mode : List.of("--check", "--dry-run")) {
      Result r = TestEmulator.cli(env, "script", loop.toString(), "--timeout", "200ms", mode);
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith(loop + ":2: the script was stopped: it computed for longer than its time limit of 200 ms"),
          r.toString());
    }
    buddy.clearRequests();
    Result real = TestEmulator.cli(env, "script", loop.toString(), "--timeout", "200ms");
    assertEquals(2, real.code(), real.toString());
    assertEquals(0, buddy.count("runExecution"), "the check run stopped it before anything was sent");
    Result bad = TestEmulator.cli(env, "script", loop.toString(), "--timeout", "0s");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("--timeout: expected a positive duration"), bad.toString());
  }

  @Test
  void trustedLiftsTheAllowlistForALocalScript() throws Exception {
    Path script = Files.writeString(dir.resolve("local.groovy"),
        "println 'x'.getClass().simpleName\nrun pipeline 2 on branch \"master\"\n");
    Result refused = TestEmulator.cli(env, "script", script.toString(), "--dry-run");
    assertEquals(2, refused.code(), refused.toString());
    assertTrue(refused.err().startsWith(script + ":1:"), refused.toString());
    Result trusted = TestEmulator.cli(env, "script", script.toString(), "--dry-run", "--trusted");
    assertEquals(0, trusted.code(), trusted.toString());
    assertTrue(trusted.out().contains("POST /workspaces/buddy/projects/company-website/pipelines/2/executions"), trusted.out());
  }
}
