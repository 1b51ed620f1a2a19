package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan}, {@code apply} and {@code export}'s mistakes, in-process against a real emulator: each is one
 * line, exit 2, and sends nothing (the emulator's request log stays empty).
 */
class ProvisionCommandsTest {
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

  private Result mistake(String... args) {
    buddy.clearRequests();
    Result r = TestEmulator.cli(env, args);
    assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args) + ": " + r);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertEquals(0, buddy.requests().size(), "nothing sent for " + String.join(" ", args) + ": " + buddy.requests());
    return r;
  }

  @Test
  void aMissingFileOrADirectoryIsOneLine() throws Exception {
    Path none = dir.resolve("none.groovy");
    assertEquals(none + ": no such file\n", mistake("plan", none.toString()).err());
    assertEquals(none + ": no such file\n", mistake("apply", "--yes", none.toString()).err());
    assertTrue(mistake("plan", dir.toString()).err().startsWith(dir + ": is a directory"));
    assertTrue(mistake("export", "--output", dir.toString()).err().contains("is a directory"));
  }

  @Test
  void unknownOptionsAndFormatsAreUsageErrors() throws Exception {
    Path script = Files.writeString(dir.resolve("ok.groovy"), "workspace \"buddy\" { }\n");
    assertTrue(mistake("plan", "--prnue", script.toString()).err().contains("--prune"), "the nearest option is suggested");
    assertTrue(mistake("plan", "-o", "yaml", script.toString()).err().contains("TEXT, JSON"), "the valid formats");
    assertTrue(mistake("apply", "--force", script.toString()).err().contains("Unknown option"));
    mistake("export", "--bogus");
  }

  @Test
  void aBrokenScriptIsFileAndLineAndNothingIsSent() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.groovy"), "workspace \"buddy\" {\n  project \"web\" {\n    displayNme \"Web\"\n  }\n}\n");
    for (String command : new String[] {"plan", "apply"}) {
      Result r = mistake(command, bad.toString());
      assertTrue(r.err().startsWith(bad + ":3"), command + ": " + r.err());
    }
  }

  @Test
  void theProvisioningPageShowsTheExampleAsItIs() throws Exception {
    Path root = Path.of(System.getProperty("buddy4j.repoRoot", "..")).toAbsolutePath().normalize();
    String example = Files.readString(root.resolve("examples/provision-website.groovy"));
    String page = Files.readString(root.resolve("docs/provisioning.md"));
    assertTrue(page.contains("```groovy\n" + example + "```"), "docs/provisioning.md quotes examples/provision-website.groovy");
  }

  @Test
  void completionAndHelpKnowTheCommands() {
    String completion = TestEmulator.cli(env, "completion").out();
    for (String c : new String[] {"plan", "apply", "export", "--prune", "--state", "--yes"}) {
      assertTrue(completion.contains(c), c);
    }
    Result help = TestEmulator.cli(env, "plan", "--help");
    assertEquals(0, help.code(), help.toString());
    assertTrue(help.out().contains("4 changes pending"), help.out());
  }
}
