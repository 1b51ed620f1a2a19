package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * {@code buddy insights}, {@code badge}, {@code runs rollback}, {@code runs why} and {@code runs export}
 * against an emulator loaded with the insights e2e seed ({@code history-seed.yaml}: workspace acme,
 * project shop, pipelines 1 deploy-prod and 2 tests with seeded histories, frozen clock), reset before
 * each test. The figures are the hand-computed ones of buddy-emulator's DeliveryInsightsE2eTest; in the
 * window 2026-03-02 … 03-05:
 * <pre>
 * deploy-prod (1)  #2 P master 300s q30 | #3 F master 480s q60 | #4 C master 120s q0 | #5 P master 360s q20
 *                  #6 F develop 240s q10 | #7 F develop 540s q40 | #8 P master 600s q50
 *                  #9 P PR pull/7 180s q0 | #10 F tag v1.2 420s q30        (#1 before, #11 after the window)
 * tests (2)        #1 F develop 120s q5 | #2 P develop 180s q15 | #3 P feature/login 240s q25 | #4 C develop 60s q0
 * </pre>
 */
class DeliveryCommandsTest {
  private static final String WINDOW_FROM = "2026-03-02";
  private static final String WINDOW_TO = "2026-03-05T00:00:00Z";
  private static final String EEE = "eeeeeee666666666666666666666666666666666";

  static TestEmulator buddy;
  static Map<String, String> env;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    String seed;
    try (InputStream in = DeliveryCommandsTest.class.getResourceAsStream("history-seed.yaml")) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(0).seed(seed).requestLogCapacity(10_000));
    env = buddy.env();
    env.put("BUDDY_WORKSPACE", "acme");
    env.put("BUDDY_PROJECT", "shop");
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @BeforeEach
  void reset() {
    buddy.admin("POST", "/reset", "{}");
  }

  private static Result buddy(String... args) {
    return TestEmulator.cli(env, args);
  }

  private static long requests(String method) {
    return buddy.requests().stream().filter(r -> method.equals(r.path("method").asText())).count();
  }

  /** A user mistake: exit 2, one message naming the problem, no stack trace, nothing sent. */
  private static void assertUsage(Result r, String message) {
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    assertEquals(0, buddy.requests().stream().filter(q -> !q.path("path").asText().startsWith("/__emulator")).count(),
        "nothing sent: " + r);
  }

  // ---- buddy insights

  @Test
  void insightsTextHasTheSeededFiguresForAProjectAPipelineAndTheWorkspace() {
    Result project = buddy("insights", "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(0, project.code(), project.toString());
    String t = project.out();
    assertTrue(t.startsWith("Delivery insights for acme/shop\nWindow       2026-03-02 00:00 – 2026-03-05 00:00 UTC\n"), t);
    assertTrue(t.contains("Runs         13: 6 passed, 5 failed, 2 cancelled, 0 skipped, 0 in progress, 0 queued\n"), t);
    assertTrue(t.contains("Failure rate 45.5 % (5 of 11 passed or failed)\n"), t);
    assertTrue(t.contains("Duration     mean 5m 33s, p90 9m 00s (11 runs)\n"), t);
    assertTrue(t.contains("Deploy time  mean 5m 10s (6 passed runs)\n"), t);
    assertTrue(t.contains("Queue time   mean 22s, p90 50s (13 runs)\n"), t);
    assertTrue(t.contains("MTTR         2h 11m (3 recovered, 1 still failing)\n"), t);
    assertTrue(t.contains("deploy-prod #10 failed 2026-03-04 16:07, not recovered"), t);
    assertEquals(13, t.lines().filter(l -> l.matches("  2026-03-0\\d \\d\\d:\\d\\d  .*")).count(), t);

    Result pipeline = buddy("insights", "--pipeline", "1", "--since", WINDOW_FROM, "--until", WINDOW_TO, "--format", "text");
    assertEquals(0, pipeline.code(), pipeline.toString());
    assertTrue(pipeline.out().startsWith("Delivery insights for acme/shop/1\n"), pipeline.out());
    assertTrue(pipeline.out().contains("Runs         9: 4 passed, 4 failed, 1 cancelled"), pipeline.out());
    assertTrue(pipeline.out().contains("Failure rate 50.0 % (4 of 8 passed or failed)"), pipeline.out());
    assertTrue(pipeline.out().contains("Duration     mean 6m 30s, p90 10m 00s (8 runs)"), pipeline.out());

    Result workspace = buddy("insights", "--workspace-wide", "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(0, workspace.code(), workspace.toString());
    assertTrue(workspace.out().startsWith("Delivery insights for acme\n"), workspace.out());
    assertTrue(workspace.out().contains("Runs         13: "), workspace.out());

    // a window given as "how long ago": 5000 days back reaches deploy-prod #1 (2026-03-01 23:00) too
    Result ago = buddy("insights", "--since", "5000d", "--until", WINDOW_TO);
    assertEquals(0, ago.code(), ago.toString());
    assertTrue(ago.out().contains("Runs         14: 7 passed"), ago.out());
    assertEquals(0, requests("POST"), "insights only read");
  }

  @Test
  void insightsJsonCarriesTheSameFigures() throws Exception {
    Result r = buddy("insights", "-o", "json", "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(0, r.code(), r.toString());
    JsonNode json = TestEmulator.JSON.readTree(r.out());
    assertEquals("acme/shop", json.path("scope").asText());
    assertEquals("2026-03-02T00:00:00Z", json.at("/window/from").asText());
    assertEquals(13, json.at("/outcomes/total").asInt());
    assertEquals(5.0 / 11.0, json.at("/failureRate").asDouble(), 1e-12);
    assertEquals(332.727, json.at("/duration/meanSeconds").asDouble(), 1e-9);
    assertEquals(540.0, json.at("/duration/p90Seconds").asDouble(), 1e-9);
    assertEquals(310.0, json.at("/deployTime/meanSeconds").asDouble(), 1e-9);
    assertEquals(7900.0, json.at("/meanTimeToRecoverySeconds").asDouble(), 1e-9);
    assertEquals(13, json.at("/timeline").size());
  }

  @Test
  void insightsHtmlIsOneSelfContainedFileWithInlineSvgCharts() throws Exception {
    Path file = dir.resolve("insights.html");
    Result r = buddy("insights", "--format", "html", "--output", file.toString(), "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.out(), "the report went to the file");
    assertTrue(r.err().contains("Wrote the HTML insights report of acme/shop (13 runs, 2026-03-02T00:00:00Z"
        + " – 2026-03-05T00:00:00Z) to " + file), r.err());
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
    assertTrue(html.contains("<svg"), "inline SVG charts");
    assertTrue(html.split("<svg", -1).length - 1 >= 4, "a chart per section");
    assertSelfContained(html);
    Document doc = parse(html.substring(html.indexOf("<html")));
    assertEquals(13, find(doc, "tr", "run").size(), "the timeline's rows");
    assertEquals(13, find(doc, "circle", "point").size(), "the duration chart's points");

    Result stdout = buddy("insights", "-o", "html", "--pipeline", "2", "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(0, stdout.code(), stdout.toString());
    assertTrue(stdout.out().startsWith("<!DOCTYPE html>") && stdout.out().contains("<svg"), stdout.out());
    assertSelfContained(stdout.out());
  }

  @Test
  void insightsMistakesExit2AndAnUnknownPipelineExits1() {
    assertUsage(buddy("insights", "--since", "3x"), "'3x' is not a time: write how long ago (30d, 12h, 90m, 2w)");
    assertUsage(buddy("insights", "--until", "2026-13-01"), "'2026-13-01' is not a time");
    assertUsage(buddy("insights", "--since", WINDOW_TO, "--until", WINDOW_FROM),
        "--since 2026-03-05T00:00:00Z (2026-03-05T00:00:00Z) must be before --until 2026-03-02 (2026-03-02T00:00:00Z)");
    // "how long ago" counts back from now, so 30d ago is after 2026-03-05
    assertUsage(buddy("insights", "--since", "30d", "--until", WINDOW_TO), "must be before --until");
    assertUsage(buddy("insights", "--format", "pdf"), "--format");
    assertUsage(buddy("insights", "--pipeline", "1", "--workspace-wide"), "mutually exclusive");
    assertUsage(buddy("insights", "--workspace-wide", "--project", "shop"), "--workspace-wide covers every project");
    assertUsage(buddy("insights", "--pipeline", "x"), "'x' is not an int");
    assertUsage(buddy("insights", "-o", "html", "--output", dir.resolve("no/such/dir/x.html").toString()),
        "--output: there is no directory " + dir.resolve("no/such/dir"));

    Result unknown = buddy("insights", "--pipeline", "99", "--since", WINDOW_FROM, "--until", WINDOW_TO);
    assertEquals(1, unknown.code(), unknown.toString());
    assertTrue(unknown.err().startsWith("buddy: ") && unknown.err().contains("404"), unknown.err());
    assertEquals(1, unknown.err().lines().count(), unknown.err());
  }

  // ---- buddy badge

  @Test
  void badgeWritesAWellFormedSvgOfTheLatestRunOnTheBranch() throws Exception {
    Path file = dir.resolve("badge.svg");
    Result r = buddy("badge", "--pipeline", "1", "--branch", "master", "--output", file.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("Wrote badge 'build: passing' (run #11 on master) to " + file), r.err());
    String svg = Files.readString(file);
    Element root = parse(svg).getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
    assertEquals("build: passing", root.getAttribute("aria-label"));
    assertSelfContained(svg);

    // to stdout, with a label: deploy-prod on develop ended with #7 FAILED
    Result failing = buddy("badge", "--pipeline", "1", "--branch", "develop", "--label", "deploy");
    assertEquals(0, failing.code(), failing.toString());
    Element f = parse(failing.out()).getDocumentElement();
    assertEquals("deploy: failing", f.getAttribute("aria-label"));
    assertTrue(failing.out().contains("#e05d44"), failing.out());
    // no run on that branch: unknown
    assertEquals("build: unknown", parse(buddy("badge", "--pipeline", "2", "--branch", "master").out())
        .getDocumentElement().getAttribute("aria-label"));
  }

  @Test
  void badgeMistakesExit2AndAnUnknownPipelineExits1() {
    assertUsage(buddy("badge", "--branch", "master"), "Missing required option: '--pipeline=ID'");
    assertUsage(buddy("badge", "--pipeline", "1", "--label", " "), "--label");
    Result unknown = buddy("badge", "--pipeline", "99", "--branch", "master");
    assertEquals(1, unknown.code(), unknown.toString());
    assertTrue(unknown.err().startsWith("buddy: ") && unknown.err().contains("404"), unknown.err());
    assertEquals("", unknown.out());
  }

  // ---- buddy runs rollback

  @Test
  void rollbackDryRunNamesTheRevisionAndSendsNoPost() throws Exception {
    Result dry = buddy("runs", "rollback", "1", "--dry-run");
    assertEquals(0, dry.code(), dry.toString());
    assertTrue(dry.out().contains("current: run #11 SUCCESSFUL"), dry.out());
    assertTrue(dry.out().contains("back to: run #8 SUCCESSFUL at " + EEE), dry.out());
    assertTrue(dry.out().contains("will run revision " + EEE + " on branch master"), dry.out());
    assertTrue(dry.out().contains("(dry run: nothing was started)"), dry.out());
    JsonNode json = TestEmulator.JSON.readTree(buddy("runs", "rollback", "1", "--dry-run", "-o", "json").out());
    assertEquals(EEE, json.path("revision").asText());
    assertEquals(11, json.path("current_run").asInt());
    assertEquals(8, json.path("target_run").asInt());
    assertEquals(0, requests("POST"), "a dry run starts nothing");
    assertTrue(requests("GET") > 0);
  }

  @Test
  void rollbackStartsExactlyOneRunAtTheRevisionAndWaitsWhenAsked() {
    Result r = buddy("runs", "rollback", "1");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("Started run #12 of pipeline 1: Rollback of #11 to eeeeeee (last successful run #8)"), r.err());
    assertTrue(r.out().startsWith("id:"), r.out());
    assertTrue(r.out().contains("to_revision.revision: " + EEE), r.out());
    assertTrue(r.out().contains("branch.name:") && r.out().contains("master"), r.out());
    List<JsonNode> posts = buddy.requests().stream().filter(q -> "POST".equals(q.path("method").asText()))
        .collect(Collectors.toList());
    assertEquals(1, posts.size(), posts.toString());
    assertEquals("runExecution", posts.get(0).path("operationId").asText());
    assertTrue(posts.get(0).path("path").asText().endsWith("/pipelines/1/executions"), posts.toString());

    // --wait like `runs start`: from a fresh seed with the clock running, the rollback run finishes
    // and the command exits 0 (still one POST)
    reset();
    buddy.admin("PUT", "/clock", "{\"speed\": 500}");
    Result waited = buddy("runs", "rollback", "1", "--wait", "--timeout", "30s");
    assertEquals(0, waited.code(), waited.toString());
    assertTrue(waited.out().contains("SUCCESSFUL") && waited.out().contains(EEE), waited.out());
    assertEquals(1, requests("POST"));
  }

  @Test
  void rollbackWithNothingToGoBackToExits1WithTheReason() {
    assertUsage(buddy("runs", "rollback"), "Missing required parameter: 'PIPELINE'");
    Result none = buddy("runs", "rollback", "3", "--project", "empty-project");
    assertEquals(1, none.code(), none.toString());
    assertTrue(none.err().startsWith("buddy: Cannot roll back") && none.err().contains("it has no finished run yet"), none.err());
    assertFalse(none.err().contains("\tat "), none.err());
    Result unknown = buddy("runs", "rollback", "99", "--dry-run");
    assertEquals(1, unknown.code(), unknown.toString());
    assertTrue(unknown.err().contains("404"), unknown.err());
    assertEquals(0, requests("POST"));
  }

  // ---- buddy runs why

  @Test
  void whyPrintsTheFailedActionItsErrorAndTheLastLinesOfItsLog() {
    Result r = buddy("runs", "why", "1", "3", "--tail", "5");
    assertEquals(0, r.code(), r.toString());
    String t = r.out();
    assertTrue(t.startsWith("deploy-prod #3 (acme/shop/1): FAILED on master at bbbbbbb, triggered by Ann Smith\n"), t);
    assertTrue(t.contains("FAILED: Test [BUILD]\n  error: Tests failed: 3 of 120\n  last 5 of 8 log lines:\n"
        + "  4 |   expected: 1 but was: 0\n  5 | CheckoutTest > pays FAILED\n  6 | LoginTest > rejects FAILED\n"
        + "  7 | 120 tests completed, 3 failed\n  8 | BUILD FAILED in 7m 2s\n"), t);
    assertTrue(t.endsWith("  8 | BUILD FAILED in 7m 2s\n"), t);
    assertFalse(t.contains("CartTest > addsItem PASSED"), "line 2 is not in the last 5");
    assertFalse(t.contains("Build ["), "the passed action is not listed");

    // -n: the last 3 lines of the 251 that tests #1's "Unit tests" wrote
    Result longLog = buddy("runs", "why", "2", "1", "-n", "3");
    assertEquals(0, longLog.code(), longLog.toString());
    assertTrue(longLog.out().contains("FAILED: Unit tests [BUILD]") && longLog.out().contains("last 3 of 251 log lines:"),
        longLog.out());
    assertEquals(3, longLog.out().lines().filter(l -> l.matches("  2[45]\\d \\| .*")).count(), longLog.out());

    Result passed = buddy("runs", "why", "1", "2");
    assertEquals(0, passed.code(), passed.toString());
    assertTrue(passed.out().contains("No action failed or was terminated in this run."), passed.out());
  }

  @Test
  void whyMistakesExit2AndAnUnknownRunExits1() {
    assertUsage(buddy("runs", "why", "1", "3", "--tail", "0"), "--tail: 0 is not between 1 and 1000");
    assertUsage(buddy("runs", "why", "1"), "Missing required parameter: 'RUN'");
    Result unknown = buddy("runs", "why", "1", "999");
    assertEquals(1, unknown.code(), unknown.toString());
    assertTrue(unknown.err().startsWith("buddy: ") && unknown.err().contains("404"), unknown.err());
  }

  // ---- buddy runs export

  @Test
  void exportPrintsEachRunAsCdEventsInCloudEventsJsonLines() throws Exception {
    // 2026-03-04: deploy-prod #9 (PR, all 3 actions passed) and #10 (tag, the 3rd action failed): each
    // queued, started, 3 × (taskrun started, finished), finished = 9 events, so 18
    Result r = buddy("runs", "export", "1", "--since", "2026-03-04", "--until", WINDOW_TO, "--format", "cdevents");
    assertEquals(0, r.code(), r.toString());
    List<JsonNode> events = new ArrayList<>();
    for (String line : r.out().lines().collect(Collectors.toList())) {
      events.add(TestEmulator.JSON.readTree(line));
    }
    assertEquals(18, events.size(), r.out());
    for (JsonNode e : events) {
      assertEquals("1.0", e.path("specversion").asText(), e.toString());
      assertEquals("/workspaces/acme/projects/shop/pipelines/1", e.path("source").asText());
      assertTrue(e.path("type").asText().startsWith("dev.cdevents."), e.toString());
      assertEquals(e.path("id").asText(), e.at("/data/context/id").asText());
    }
    List<String> types = events.stream().map(e -> e.path("type").asText()).collect(Collectors.toList());
    List<String> oneRun = List.of("dev.cdevents.pipelinerun.queued.0.1.1", "dev.cdevents.pipelinerun.started.0.1.1",
        "dev.cdevents.taskrun.started.0.1.1", "dev.cdevents.taskrun.finished.0.1.1",
        "dev.cdevents.taskrun.started.0.1.1", "dev.cdevents.taskrun.finished.0.1.1",
        "dev.cdevents.taskrun.started.0.1.1", "dev.cdevents.taskrun.finished.0.1.1",
        "dev.cdevents.pipelinerun.finished.0.1.1");
    assertEquals(oneRun, types.subList(0, 9));
    assertEquals(oneRun, types.subList(9, 18));
    // oldest run first; outcomes from Buddy's statuses
    assertEquals("/workspaces/acme/projects/shop/pipelines/1/9/queued", events.get(0).path("id").asText());
    assertEquals("success", events.get(8).at("/data/subject/content/outcome").asText());
    assertEquals("/workspaces/acme/projects/shop/pipelines/1/10/finished", events.get(17).path("id").asText());
    assertEquals("failure", events.get(17).at("/data/subject/content/outcome").asText());
    assertTrue(r.err().contains("Exported 18 CDEvents of 2 run(s) of pipeline 1"), r.err());

    // without --since: every run of the tests pipeline (4 runs)
    Result all = buddy("runs", "export", "2");
    assertEquals(0, all.code(), all.toString());
    assertEquals(4, all.out().lines().filter(l -> l.contains("\"type\":\"dev.cdevents.pipelinerun.queued.0.1.1\"")).count(),
        all.out());
    assertEquals(0, requests("POST"));
  }

  @Test
  void exportMistakesExit2AndAnUnknownPipelineExits1() {
    assertUsage(buddy("runs", "export", "1", "--since", "yesterday"), "'yesterday' is not a time");
    assertUsage(buddy("runs", "export", "1", "--format", "json"), "--format");
    Result unknown = buddy("runs", "export", "99", "--since", "30d");
    assertEquals(1, unknown.code(), unknown.toString());
    assertTrue(unknown.err().startsWith("buddy: ") && unknown.err().contains("404"), unknown.err());
    assertEquals("", unknown.out());
  }

  // ---- helpers

  /** Nothing in the document fetches anything: no scripts, links, imports, url(), or http(s) addresses but the SVG namespace. */
  static void assertSelfContained(String doc) {
    String lower = doc.toLowerCase(Locale.ROOT);
    for (String banned : List.of("<script", "@import", "url(", "<link", "<img", "<iframe", "<object", "<embed")) {
      assertFalse(lower.contains(banned), "no " + banned);
    }
    String rest = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    Matcher m = Pattern.compile("https?://\\S{0,40}").matcher(rest);
    assertFalse(m.find(), () -> "an http(s) reference: " + m.group());
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static List<Element> find(Document doc, String tag, String cls) {
    List<Element> out = new ArrayList<>();
    var all = doc.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split("\\s+")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }
}
