package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a real terminal (a tmux pane), as a person sees it: the live progress bar of a batch,
 * {@code runs start --wait}, {@code runs logs --follow}, and the one-line notice of the embedded
 * emulator. Skipped when tmux is not installed. Each screen is saved under target/tmux-*.txt.
 */
class TerminalIT {
  static TestEmulator buddy;
  static String socket = "buddy4j-it-" + ProcessHandle.current().pid();

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(onPath("tmux"), "tmux is not installed");
    buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(10).rateLimit(100, 5));
    tmux("new-session", "-d", "-s", "t", "-x", "110", "-y", "30");
    String env = buddy.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
    type("export " + env + " J=" + ChildRunner.jar().toAbsolutePath());
  }

  @AfterAll
  static void stop() throws Exception {
    if (buddy != null) {
      tmux("kill-server");
      buddy.close();
    }
  }

  @Test
  void progressBarRunsAndLogsLookRightOnATerminal() throws Exception {
    // 149 runs that finish and one that waits for approval: the batch holds at 149/150 until the test
    // approves it, so the bar is seen mid-batch however fast or slow the machine is.
    Path file = Files.writeString(dir.resolve("tty.jsonl"), IntStream.range(0, 150)
        .mapToObj(i -> "{\"key\":\"tty-" + i + "\",\"pipeline\":" + (i == 75 ? 3 : 2) + ",\"branch\":\"master\"}")
        .collect(Collectors.joining("\n")));
    type("clear; java -jar $J batch " + file + " --concurrency 40 --poll-interval 500ms --journal " + dir.resolve("tty.journal"));
    String bar = waitFor("the live progress bar", s -> s.lines().anyMatch(l -> l.contains(" 149/150 ") && l.matches(
        "\\[#+-+\\] +[1-9]\\d*/150 +\\d+% \\| sub \\d+ run \\d+ ok \\d+ fail 0 unk 0 \\| [\\d.]+/s \\| quota \\d+/100 \\| ETA .*")), 120);
    save("batch-running", bar);
    int gate = waitingForApproval(":tty-75]");
    TestEmulator.Result approved = TestEmulator.cli(buddy.env(), "runs", "approve", "3", String.valueOf(gate));
    assertTrue(approved.code() == 0, approved.toString());
    String done = waitFor("the summary", s -> s.contains("succeeded") && s.contains("journal:"), 120);
    save("batch-done", done);
    assertTrue(done.lines().anyMatch(l -> l.matches("\\[#+\\] 150/150 100% .*")), done);
    assertTrue(done.lines().filter(l -> l.startsWith("[")).count() == 1, "the bar is redrawn in place: " + done);

    type("clear; java -jar $J runs start 2 --branch master --comment from-tmux --wait");
    String started = waitFor("runs start --wait", s -> s.contains("finish_date:"), 60);
    save("runs-start-wait", started);
    assertTrue(started.contains("Started run #") && started.contains("SUCCESSFUL"), started);

    type("clear; ID=$(java -jar $J runs start 2 --branch develop -o jsonl | grep -o '\"id\":[0-9]*' | head -1 | cut -d: -f2);"
        + " java -jar $J runs logs 2 $ID --follow");
    String logs = waitFor("runs logs --follow", s -> s.contains("SUCCESSFUL") && s.contains("==> Send notification"), 60);
    save("runs-logs-follow", logs);
    assertTrue(logs.contains("==> Upload files to dev"), logs);

    type("clear; env -u BUDDY_TOKEN -u BUDDY_API_ENDPOINT java -jar $J pipelines list");
    String embedded = waitFor("the embedded emulator", s -> s.contains("staging"), 60);
    save("embedded-notice", embedded);
    List<String> notices = embedded.lines().filter(l -> l.startsWith("buddy: no BUDDY_TOKEN")).toList();
    assertTrue(notices.size() == 1, embedded);
  }

  /** The id of the pipeline-3 run whose comment contains {@code marker}, once it waits for approval. */
  private static int waitingForApproval(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only guards against a hang
    while (true) {
      for (JsonNode e : buddy.executions(3)) {
        if (e.path("comment").asText().contains(marker) && e.path("status").asText().equals("WAITING_FOR_APPLY")) {
          return e.path("id").asInt();
        }
      }
      assertTrue(System.nanoTime() < deadline, "no run " + marker + " waiting for approval");
      Thread.sleep(50);
    }
  }

  private static String waitFor(String what, Predicate<String> seen, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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

  private static void save(String name, String screen) throws IOException {
    Files.writeString(Path.of("target", "tmux-" + name + ".txt"), screen);
  }

  private static void type(String line) throws Exception {
    tmux("send-keys", "-t", "t", line, "Enter");
  }

  private static String tmux(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
