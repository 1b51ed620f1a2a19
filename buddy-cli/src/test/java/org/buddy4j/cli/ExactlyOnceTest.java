package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.buddy4j.batch.file.BatchFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run starts exactly once: lost answers (connection reset after the run was created, 500 on
 * the POST) are reconciled by marker, and a resume skips, polls, reconciles or sends each run as its
 * journal says. Checked on the emulator's own executions and request log.
 */
class ExactlyOnceTest {
  static TestEmulator buddy;
  static BuddyClient client;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(50);
    client = BuddyClient.builder().token(buddy.emulator.token()).endpoint(buddy.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @BeforeEach
  void reset() {
    buddy.clearFaults();
    buddy.clearRequests();
  }

  /** How many executions of pipeline 2 carry each marker of {@code batch}. */
  static void assertEachKeyOnce(String batch, List<String> keys) {
    List<String> comments = buddy.comments(2);
    for (String key : keys) {
      String marker = "[buddy4j:" + batch + ":" + key + "]";
      long n = comments.stream().filter(c -> c.contains(marker)).count();
      assertEquals(1, n, "runs carrying " + marker);
    }
  }

  @Test
  void resetsAfterApplyAndServerErrorsOnThePostStillStartEachRunOnce() throws IOException {
    List<String> keys = IntStream.range(0, 30).mapToObj(i -> "f" + i).collect(Collectors.toList());
    Path file = Files.writeString(dir.resolve("faults.jsonl"), keys.stream()
        .map(k -> "{\"key\":\"" + k + "\",\"pipeline\":2,\"branch\":\"master\"}").collect(Collectors.joining("\n")));
    // A third of the starts are created and then their connection is reset; a fifth answer 500 unapplied.
    buddy.faults("""
        [{"method":"POST","operationId":"runExecution","resetAfterApply":true,"rate":0.3},
         {"method":"POST","operationId":"runExecution","status":500,"rate":0.2}]""");
    Path report = dir.resolve("r.json");
    Result r = TestEmulator.cli(buddy.env(), "batch", file.toString(), "--journal", dir.resolve("j.jsonl").toString(),
        "--concurrency", "8", "--poll-interval", "200ms", "--settle", "50ms", "--progress", "none", "--report", report.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
    List<JsonNode> posts = buddy.requests().stream().filter(q -> q.path("operationId").asText().equals("runExecution")).toList();
    long resets = posts.stream().filter(q -> q.path("fault").asText().equals("reset after apply")).count();
    long errors = posts.stream().filter(TestEmulator::unapplied).count();
    assertTrue(resets > 0 && errors > 0, "faults fired: " + resets + " resets, " + errors + " 500s");
    assertEquals(resets, rep.path("totals").path("reconciled").asInt(), "each reset run was found by its marker");
    assertEquals(errors, rep.path("totals").path("resent_after_reconciliation").asInt(),
        "each unapplied 500 was proven absent, then sent once more");
    assertEquals(30 + errors, posts.size(), "one POST per run, plus one per unapplied 500");
    assertEachKeyOnce(rep.path("batch").asText(), keys);
  }

  @Test
  void resumeSkipsPollsReconcilesAndSendsAsTheJournalSays() throws IOException {
    Path file = Files.writeString(dir.resolve("resume.yaml"), """
        defaults: {pipeline: 2, branch: master}
        runs:
          - {key: done}
          - {key: running}
          - {key: lost-but-started}
          - {key: lost-never-sent}
          - {key: refused}
          - {key: fresh}
        """);
    var pipeline = client.workspace("buddy").project("company-website").pipeline(2);
    int floor = pipeline.executions(1).findFirst().map(Execution::id).orElse(0);
    // What a crashed runner left behind: a run it started but never heard back about, and one it was watching.
    Execution started = pipeline.run(RunOptions.onBranch("master").comment("[buddy4j:rb1:lost-but-started]"));
    Execution running = pipeline.run(RunOptions.onBranch("master").comment("[buddy4j:rb1:running]"));
    Path journal = dir.resolve("resume.journal.jsonl");
    Files.writeString(journal, String.join("\n",
        "{\"t\":\"batch\",\"v\":1,\"batch\":\"rb1\",\"file\":\"" + file + "\",\"sha256\":\"" + BatchFile.sha256(file)
            + "\",\"runs\":6,\"format\":\"YAML\",\"workspace\":\"buddy\",\"project\":\"company-website\",\"started\":\"2026-01-01T00:00:00Z\"}",
        "{\"t\":\"intent\",\"key\":\"done\",\"line\":3,\"floor\":" + floor + "}",
        "{\"t\":\"submitted\",\"key\":\"done\",\"id\":" + floor + "}",
        "{\"t\":\"finished\",\"key\":\"done\",\"id\":" + floor + ",\"status\":\"SUCCESSFUL\"}",
        "{\"t\":\"intent\",\"key\":\"running\",\"line\":4,\"floor\":" + floor + "}",
        "{\"t\":\"submitted\",\"key\":\"running\",\"id\":" + running.id() + "}",
        "{\"t\":\"intent\",\"key\":\"lost-but-started\",\"line\":5,\"floor\":" + floor + "}",
        "{\"t\":\"intent\",\"key\":\"lost-never-sent\",\"line\":6,\"floor\":" + floor + "}",
        "{\"t\":\"intent\",\"key\":\"refused\",\"line\":7,\"floor\":" + floor + "}",
        "{\"t\":\"not_applied\",\"key\":\"refused\",\"why\":\"429\"}",
        "{\"t\":\"intent\",\"key\":\"fresh\",\"line\":8,\"flo")); // torn by the crash
    buddy.clearRequests();
    Path report = dir.resolve("r.json");
    Result r = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--poll-interval", "200ms",
        "--settle", "20ms", "--progress", "none", "--report", report.toString());
    assertEquals(0, r.code(), r.toString());
    JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
    assertEquals(1, rep.path("totals").path("done_before_resume").asInt());
    assertEquals(1, rep.path("totals").path("reconciled").asInt());
    assertEquals(1, rep.path("totals").path("resent_after_reconciliation").asInt());
    assertEquals(6, rep.path("totals").path("succeeded").asInt());
    List<String> sent = buddy.requests().stream().filter(q -> q.path("operationId").asText().equals("runExecution"))
        .map(q -> q.path("body").path("comment").asText()).sorted().toList();
    assertEquals(List.of("[buddy4j:rb1:fresh]", "[buddy4j:rb1:lost-never-sent]", "[buddy4j:rb1:refused]"), sent,
        "only runs proven not started are sent");
    assertEachKeyOnce("rb1", List.of("running", "lost-but-started", "lost-never-sent", "refused", "fresh"));
    String replayed = Files.readString(journal);
    assertTrue(replayed.contains("{\"t\":\"submitted\",\"key\":\"lost-but-started\",\"id\":" + started.id() + "}"), replayed);
  }
}
