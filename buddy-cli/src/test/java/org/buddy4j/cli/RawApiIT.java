package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buddy api} as a user runs it: {@code buddy.jar} in a child JVM against an emulator on loopback.
 * GET with and without the leading slash, POST with {@code --data} JSON and {@code @file}, {@code --paginate}
 * over several pages, a 404 with Buddy's message, and a secret echoed in an answer masked at {@code -vvv}.
 */
class RawApiIT {
  private static final String RUNS = "/workspaces/buddy/projects/company-website/pipelines/2/executions";

  static TestEmulator buddy;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(1);
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @Test
  void getPrintsTheAnswerAsJsonWithOrWithoutTheLeadingSlash() throws Exception {
    Run slash = buddy("api", "GET", "/workspaces/buddy/projects");
    Run bare = buddy("api", "get", "workspaces/buddy/projects");

    assertEquals(0, slash.code, slash.output);
    JsonNode projects = TestEmulator.JSON.readTree(slash.output);
    assertTrue(projects.path("projects").findValuesAsText("name").contains("company-website"), slash.output);
    assertEquals(slash.output, bare.output);
  }

  @Test
  void postSendsTheDataGivenInlineOrFromAFileOnce() throws Exception {
    long before = buddy.count("runExecution");
    Run inline = buddy("api", "POST", RUNS, "--data", "{\"branch\":{\"name\":\"master\"},\"comment\":\"raw inline\"}");
    Path file = Files.writeString(dir.resolve("run.json"), "{\"branch\": {\"name\": \"master\"},\n \"comment\": \"raw file\"}\n");
    Run fromFile = buddy("api", "POST", RUNS, "-d", "@" + file);

    assertEquals(0, inline.code, inline.output);
    assertEquals(0, fromFile.code, fromFile.output);
    assertEquals("raw inline", TestEmulator.JSON.readTree(inline.output).path("comment").asText(), inline.output);
    assertEquals("raw file", TestEmulator.JSON.readTree(fromFile.output).path("comment").asText(), fromFile.output);
    assertEquals(before + 2, buddy.count("runExecution"), "one POST each");
  }

  @Test
  void paginateMergesEveryPageIntoOneList() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, buddy("api", "POST", RUNS, "--data", "{\"branch\":{\"name\":\"master\"}}").code);
    }
    List<JsonNode> expected = buddy.executions(2);
    buddy.clearRequests();

    Run all = buddy("api", "GET", RUNS + "?per_page=2", "--paginate");

    assertEquals(0, all.code, all.output);
    JsonNode merged = TestEmulator.JSON.readTree(all.output).path("executions");
    assertEquals(expected.size(), merged.size(), all.output);
    assertEquals(expected.stream().map(e -> e.path("id").asInt()).toList(), ids(merged), "every run once, in the API's order");
    List<JsonNode> pages = buddy.requests().stream().filter(r -> r.path("operationId").asText().equals("getExecutions")).toList();
    assertTrue(expected.size() > 2 && pages.size() >= (expected.size() + 1) / 2, pages.size() + " pages for " + expected.size());
    pages.forEach(r -> assertTrue(r.path("query").asText().contains("per_page=2"), r.toString()));
  }

  @Test
  void aMissingResourceSaysBuddysMessageWithoutAStackTrace() throws Exception {
    Run missing = buddy("api", "GET", "/workspaces/buddy/projects/no-such-project");

    assertEquals(1, missing.code, missing.output);
    assertTrue(missing.output.startsWith("buddy: GET /workspaces/buddy/projects/no-such-project failed with HTTP 404: "),
        missing.output);
    assertEquals(1, missing.output.lines().count(), missing.output);
  }

  @Test
  void aSecretEchoedInTheAnswerIsMaskedAtTheMostVerboseLogLevel() throws Exception {
    String secret = "FAKE-SECRET-raw-api-it-0001";
    Run loud = buddy("-vvv", "api", "POST", RUNS, "--data", "{\"branch\":{\"name\":\"master\"},\"comment\":\"deploy "
        + secret + "\",\"variables\":[{\"key\":\"API_KEY\",\"value\":\"" + secret + "\",\"encrypted\":true}]}");

    assertEquals(0, loud.code, loud.output);
    assertTrue(loud.output.contains("---> POST "), "the exchange was logged: " + loud.output);
    assertTrue(loud.output.contains("\"comment\" : \"deploy ***\""), loud.output);
    assertFalse(loud.output.contains(secret), loud.output);
    assertFalse(loud.output.contains(buddy.emulator.token()), loud.output);
    assertTrue(buddy.comments(2).contains("deploy " + secret), "the emulator got the real value");
  }

  private static List<Integer> ids(JsonNode list) {
    return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(e -> e.path("id").asInt()).toList();
  }

  record Run(int code, String output) {}

  private static Run buddy(String... args) throws Exception {
    Path log = Files.createTempFile(dir, "api", ".out");
    Process p = ChildRunner.start(buddy.env(), List.of(), log, args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) { // only guards against a hang
      p.destroyForcibly();
      throw new AssertionError("buddy " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(log));
  }
}
