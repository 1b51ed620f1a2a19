package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buddy apply} on a real terminal (a tmux pane): it asks "Apply N changes? [y/N]"; "n" applies nothing,
 * "y" applies. Skipped when tmux is not installed.
 */
class ProvisionTerminalIT {
  static final String SCRIPT = """
      workspace "buddy" {
        project "asked" {
          displayName "Asked first"
          variable "COLOUR", "blue"
        }
      }
      """;
  final String socket = "buddy4j-prov-" + ProcessHandle.current().pid();

  @TempDir
  Path dir;

  @Test
  void onATerminalApplyAsksAndOnlyYesApplies() throws Exception {
    assumeTrue(onPath("tmux"), "tmux is not installed");
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = Files.writeString(dir.resolve("asked.groovy"), SCRIPT);
      tmux("new-session", "-d", "-s", "t", "-x", "120", "-y", "40");
      try {
        String env = buddy.env(Map.of()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
        type("export " + env + " J=" + ChildRunner.jar().toAbsolutePath());

        type("clear; java -jar $J apply " + script);
        waitFor("the question", s -> s.contains("Apply 2 changes? [y/N]"));
        type("n");
        String declined = waitFor("the refusal", s -> s.contains("Apply cancelled"));
        assertEquals(List.of(), buddy.writesAfter(0), "no is no: nothing applied\n" + declined);

        type("clear; java -jar $J apply " + script + "; echo \"exit=$?\"");
        waitFor("the question again", s -> s.contains("Apply 2 changes? [y/N]"));
        type("y");
        String applied = waitFor("the apply", s -> s.contains("exit=0"));
        assertTrue(applied.contains("applied:"), applied);
        assertEquals(List.of("asked"), buddy.list("/workspaces/buddy/projects", "projects", "name"), applied);
      } finally {
        tmux("kill-server");
      }
    }
  }

  private String waitFor(String what, Predicate<String> seen) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // only guards against a hang
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-J", "-t", "t");
      if (seen.test(screen)) {
        return screen;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("never saw " + what + " on the terminal:\n" + screen);
  }

  private void type(String line) throws Exception {
    tmux("send-keys", "-t", "t", line, "Enter");
  }

  private String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
