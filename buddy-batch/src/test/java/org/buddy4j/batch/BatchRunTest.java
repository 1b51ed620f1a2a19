package org.buddy4j.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.batch.engine.QuotaGovernor;
import org.buddy4j.batch.engine.RunCounters;
import org.buddy4j.batch.report.ProgressListener;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BatchRun}, the library entry point, against a real emulator on loopback: a batch runs to the
 * end with each run started once (lost answers reconciled by marker), a resume of a finished journal
 * sends nothing, and a dry run prints core's own request lines with secrets masked.
 */
class BatchRunTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  static BuddyEmulator buddy;
  static BuddyClient client;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    // Clock 1000x: a 7 s run takes 7 ms.
    buddy = BuddyEmulator.start(EmulatorOptions.defaults().clockSpeed(1000).requestLogCapacity(10_000));
    client = BuddyClient.builder().token(buddy.token()).endpoint(buddy.baseUrl())
        .rateLimitPolicy(RateLimitPolicy.failFast()).readTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @BeforeEach
  void reset() throws Exception {
    admin("DELETE", "/faults", null);
    admin("DELETE", "/requests", null);
  }

  @Test
  void aBatchStartsEachRunOnceThoughSomeAnswersAreLostAfterTheRunWasCreated() throws Exception {
    List<String> keys = IntStream.range(0, 12).mapToObj(i -> "k" + i).collect(Collectors.toList());
    Path file = Files.writeString(dir.resolve("runs.jsonl"), keys.stream()
        .map(k -> "{\"key\":\"" + k + "\",\"pipeline\":2,\"branch\":\"master\"}").collect(Collectors.joining("\n")));
    // The run is created, then the connection reset: the answer is lost after the POST was applied.
    admin("PUT", "/faults", "[{\"method\":\"POST\",\"operationId\":\"runExecution\",\"resetAfterApply\":true,\"times\":4}]");
    Path journal = dir.resolve("runs.journal.jsonl");
    Progress progress = new Progress();

    BatchRun.Result result;
    try (BatchRun batch = BatchRun.builder().file(file).defaults("buddy", "company-website").journal(journal)
        .concurrency(4).pollInterval(Duration.ofMillis(100)).settle(Duration.ofMillis(50)).progress(progress).check()) {
      assertEquals(12, batch.runs());
      result = batch.run(client);
    }

    assertEquals(0, result.exitCode(), result.engine().toString());
    RunCounters c = result.engine().counters();
    assertEquals(12, c.succeeded);
    assertEquals(journal, result.journal());
    assertEquals(1, progress.finished.get(), "the listener hears the end once");
    int posts = (int) requests().stream().filter("runExecution"::equals).count();
    assertEquals(12, posts, "one POST per run: a lost answer is reconciled, never sent again");
    assertEquals(4, c.reconciled, "each lost answer's run was found by its marker");
    List<String> comments = comments();
    for (String key : keys) {
      String marker = "[buddy4j:" + result.batchId() + ":" + key + "]";
      assertEquals(1, comments.stream().filter(m -> m.contains(marker)).count(), "runs carrying " + marker);
    }

    // Resumed, a finished journal sends nothing and reports every run as done before.
    admin("DELETE", "/requests", null);
    try (BatchRun again = BatchRun.builder().resume(journal).check()) {
      assertTrue(again.resuming());
      BatchRun.Result resumed = again.run(client);
      assertEquals(0, resumed.exitCode());
      assertEquals(12, resumed.engine().counters().alreadyDone);
    }
    assertFalse(requests().stream().anyMatch("runExecution"::equals), "nothing sent on resume");
  }

  @Test
  void aDryRunDescribesEachStartAsCoreBuildsItAndSendsNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("d.yaml"), """
        defaults: {workspace: buddy, project: company-website}
        runs:
          - {key: a, pipeline: 2, branch: master, secret_variables: {TOKEN: FAKE-SECRET-dry-run}}
          - {key: b, pipeline: 3, tag: v1}
        """);
    List<BatchRun.PlannedStart> planned = new ArrayList<>();

    int runs = BatchRun.builder().file(file).dryRun(planned::add);

    assertEquals(2, runs);
    assertEquals("POST", planned.get(0).method());
    assertEquals("/workspaces/buddy/projects/company-website/pipelines/2/executions", planned.get(0).path());
    assertTrue(planned.get(0).body().contains("\"comment\":\"[buddy4j:dry-run:a]\""), planned.get(0).body());
    assertTrue(planned.get(0).body().contains("\"key\":\"TOKEN\",\"value\":\"***\""), planned.get(0).body());
    assertFalse(planned.get(0).body().contains("FAKE-SECRET"), planned.get(0).body());
    assertTrue(planned.get(1).body().contains("\"tag\":{\"name\":\"v1\"}"), planned.get(1).body());
    assertEquals(4, planned.get(1).item().line());
    assertTrue(requests().isEmpty(), "a dry run sends nothing");
  }

  /** Counts the end; updates may come or not (timing), the verdict never rests on them. */
  private static final class Progress implements ProgressListener {
    final AtomicInteger finished = new AtomicInteger();

    @Override
    public long intervalMillis() {
      return 50;
    }

    @Override
    public void update(RunCounters counters, QuotaGovernor governor) {
      // nothing to show
    }

    @Override
    public void finish(RunCounters counters, QuotaGovernor governor) {
      finished.incrementAndGet();
    }
  }

  private static List<String> comments() {
    PipelineClient pipeline = client.workspace("buddy").project("company-website").pipeline(2);
    return pipeline.executions(100).map(e -> e.data().getComment()).map(c -> c == null ? "" : c).collect(Collectors.toList());
  }

  /** The operationId of each request in the emulator's log. */
  private static List<String> requests() throws Exception {
    List<String> out = new ArrayList<>();
    JSON.readTree(admin("GET", "/requests", null)).path("requests").forEach(r -> out.add(r.path("operationId").asText()));
    return out;
  }

  private static String admin(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(buddy.baseUrl() + "/__emulator" + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }
}
