package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buddy batch} against a real emulator: outcomes, exit codes, report, dry run, bad input. */
class BatchCommandTest {
  static TestEmulator buddy;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(50); // runs of 7 s take 140 ms
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

  private Result batch(Path file, String... more) {
    String[] base = {"batch", file.toString(), "--journal", dir.resolve("j-" + System.nanoTime() + ".jsonl").toString(),
        "--poll-interval", "200ms", "--settle", "50ms", "--progress", "none"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return TestEmulator.cli(buddy.env(), args);
  }

  @Test
  void allSucceedExitsZeroWithReportAndOneStartPerRun() throws IOException {
    Path file = Files.writeString(dir.resolve("ok.yaml"), """
        defaults: {pipeline: 2, comment: nightly}
        runs:
          - {key: a, branch: master}
          - {key: b, branch: develop, priority: HIGH}
          - {key: c, branch: master, variables: {V: "1"}}
          - {key: d, branch: master, secret_variables: {PASSWORD: hunter2-secret}}
        """);
    Path report = dir.resolve("report.json");
    Result r = batch(file, "--report", report.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("succeeded                                4"), r.out());
    assertEquals(4, buddy.count("runExecution"));
    JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
    assertEquals(4, rep.path("totals").path("succeeded").asInt());
    assertEquals(4, rep.path("runs").size());
    assertEquals(0, rep.path("exit_code").asInt());
    assertTrue(rep.path("memory").path("peak_heap_bytes").asLong() > 0);
    String batchId = rep.path("batch").asText();
    List<String> comments = buddy.comments(2);
    for (String key : List.of("a", "b", "c", "d")) {
      assertEquals(1, comments.stream().filter(c -> c.equals("nightly [buddy4j:" + batchId + ":" + key + "]")).count(),
          "one run carries the marker of " + key);
    }
    assertFalse(r.out().contains("hunter2-secret") || r.err().contains("hunter2-secret")
        || Files.readString(report).contains("hunter2-secret"), "a secret variable is never printed");
  }

  @Test
  void failedRunsExitOneAndAreListedWithTheirLines() throws IOException {
    Path file = Files.writeString(dir.resolve("mixed.jsonl"), """
        {"key": "ok", "pipeline": 2, "branch": "master"}
        {"key": "tests", "pipeline": 4, "branch": "develop"}
        {"key": "nope", "pipeline": 99, "branch": "master"}
        """);
    Result r = batch(file);
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains(file + ":2  FAILED     buddy/company-website/4 #"), r.out());
    assertTrue(r.out().contains(file + ":3  FAILED     buddy/company-website/99 REJECTED"), r.out());
    assertTrue(r.out().contains("pipeline buddy/company-website/99: Pipeline 99 not found"), r.out());
    assertEquals(2, buddy.count("runExecution"), "the missing pipeline is found out before any start is sent");
  }

  @Test
  void badInputExitsTwoBeforeAnythingIsSent() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), "pipeline,branch,priority\n2,master,LOW\n2,master,ASAP\n");
    Result r = batch(file);
    assertEquals(2, r.code(), r.toString());
    assertEquals(file + ":3: field 'priority': 'ASAP' is not a priority; valid choices: LOW, NORMAL, HIGH\n", r.err());
    assertTrue(buddy.requests().isEmpty(), "nothing was sent");
  }

  @Test
  void unknownOutcomesExitThree() throws IOException {
    // A run whose start was recorded but not its answer, and listing executions fails: nobody can tell.
    Path file = Files.writeString(dir.resolve("u.yaml"), "runs:\n  - {key: lost, pipeline: 2, branch: master}\n");
    Path journal = dir.resolve("u.journal.jsonl");
    Files.writeString(journal, "{\"t\":\"batch\",\"v\":1,\"batch\":\"u1\",\"file\":\"" + file
        + "\",\"sha256\":\"" + org.buddy4j.batch.file.BatchFile.sha256(file)
        + "\",\"runs\":1,\"format\":\"YAML\",\"workspace\":\"buddy\",\"project\":\"company-website\",\"started\":\"2026-01-01T00:00:00Z\"}\n"
        + "{\"t\":\"intent\",\"key\":\"lost\",\"line\":2,\"floor\":0,\"at\":\"2026-01-01T00:00:01Z\"}\n");
    buddy.faults("[{\"method\":\"GET\",\"operationId\":\"getExecutions\",\"status\":500}]");
    Result r = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--settle", "20ms", "--progress", "none");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.out().contains(file + ":2  UNKNOWN"), r.out());
    assertTrue(r.out().contains("--resume " + journal), "the summary says how to finish later: " + r.out());
    assertEquals(0, buddy.count("runExecution"), "a run that may exist is never sent again blindly");
    assertTrue(Files.readString(journal).contains("\"t\":\"unknown\",\"key\":\"lost\""));
  }

  @Test
  void noWaitOnlyStartsTheRuns() throws IOException {
    Path file = Files.writeString(dir.resolve("nw.yaml"), "runs:\n  - {pipeline: 2, branch: master}\n  - {pipeline: 4}\n");
    Result r = batch(file, "--no-wait");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().matches("(?s).*started, not waited for +2\n.*"), r.out());
    assertEquals(0, buddy.count("getExecution"));
  }

  @Test
  void dryRunPrintsEachRequestAndSendsNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), """
        runs:
          - {pipeline: 2, branch: master, secret_variables: {TOKEN: top-secret-value}}
          - {pipeline: 3, tag: v1}
        """);
    Result r = batch(file, "--dry-run");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("POST /workspaces/buddy/projects/company-website/pipelines/2/executions {"), r.out());
    assertTrue(r.out().contains("\"tag\":{\"name\":\"v1\"}"), r.out());
    assertTrue(r.out().contains("2 run(s) would be started; nothing was sent"), r.out());
    assertFalse(r.out().contains("top-secret-value"), r.out());
    assertTrue(buddy.requests().isEmpty());
  }

  @Test
  void resumeRefusesAChangedFile() throws IOException {
    Path file = Files.writeString(dir.resolve("c.yaml"), "runs:\n  - {pipeline: 2, branch: master}\n");
    Path journal = dir.resolve("c.journal.jsonl");
    Result first = TestEmulator.cli(buddy.env(), "batch", file.toString(), "--journal", journal.toString(),
        "--poll-interval", "200ms", "--progress", "none");
    assertEquals(0, first.code(), first.toString());
    Files.writeString(file, "runs:\n  - {pipeline: 2, branch: develop}\n");
    buddy.clearRequests();
    Result resumed = TestEmulator.cli(buddy.env(), "batch", "--resume", journal.toString(), "--progress", "none");
    assertEquals(2, resumed.code(), resumed.toString());
    assertTrue(resumed.err().contains(file + " changed since the journal " + journal + " began"), resumed.err());
    assertTrue(buddy.requests().isEmpty());
  }

  @Test
  void usageMistakesExitTwoWithoutStackTraces() {
    Map<String, String> env = buddy.env();
    Result r = TestEmulator.cli(env, "batch", "--concurency", "3", "x.yaml");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("Unknown options: '--concurency'"), r.err());
    assertTrue(r.err().contains("--concurrency"), "suggests the right option: " + r.err());
    Result missing = TestEmulator.cli(env, "batch", dir.resolve("none.yaml").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().endsWith("none.yaml: no such file\n"), missing.err());
    for (Result any : List.of(r, missing)) {
      assertFalse(any.err().contains("\tat "), "no stack trace: " + any.err());
    }
  }
}
