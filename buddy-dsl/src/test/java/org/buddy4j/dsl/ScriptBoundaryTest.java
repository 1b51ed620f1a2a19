package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The script boundary against a corpus of sandbox-escape attempts (src/test/resources/escapes/NN-name.groovy,
 * each naming its technique). Each one tries to create a marker file or to put a fake token into a request;
 * under the check, the dry run and a real run against the emulator, each is refused with file:line at
 * the line its header names, the marker is never created, and nothing is sent.
 */
class ScriptBoundaryTest {
  static final String FAKE_TOKEN = "FAKE-SECRET-TOKEN-h12";
  private static EmulatorFixture emulator;
  private static Path markers;

  @BeforeAll
  static void start() throws IOException {
    emulator = new EmulatorFixture();
    markers = Files.createTempDirectory("buddy4j-escapes");
    System.setProperty("buddy4j.fake.token", FAKE_TOKEN);
  }

  @AfterAll
  static void stop() {
    emulator.close();
    System.clearProperty("buddy4j.fake.token");
  }

  /** The options every attempt runs with: the fake token is in its environment, as the CLI's would be. */
  static ScriptOptions options() {
    Map<String, String> env = new HashMap<>(ExamplesTest.options(System.out).environment());
    env.put("BUDDY_TOKEN", FAKE_TOKEN);
    env.put("BUDDY_CLIENT_SECRET", FAKE_TOKEN);
    return ScriptOptions.defaults().out(new PrintStream(OutputStream.nullOutputStream())).environment(env);
  }

  static Stream<BrokenScriptsTest.Broken> attempts() throws IOException, URISyntaxException {
    Path dir = Path.of(ScriptBoundaryTest.class.getResource("/escapes").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".groovy")).sorted()
          .map(p -> BrokenScriptsTest.read("escapes/", p)).toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastFortyAttemptsEachNamingItsTechnique() throws Exception {
    List<BrokenScriptsTest.Broken> all = attempts().toList();
    assertTrue(all.size() >= 40, all.size() + " attempts");
    all.forEach(a -> assertTrue(a.text().startsWith("// technique: "), a.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  void isRefusedAtItsLineInEveryModeAndNothingRunsOrIsSent(BrokenScriptsTest.Broken attempt) {
    Path marker = markers.resolve(attempt.name().replace('/', '_') + ".marker");
    String text = attempt.text().replace("MARKER", marker.toString());
    ScriptOptions options = options();

    List<DslProblem> problems = BuddyScripts.check(attempt.name(), text, options);
    assertFalse(problems.isEmpty(), attempt.name() + " passed the check");
    DslProblem first = problems.get(0);
    String shown = first.toString();
    assertEquals(attempt.name(), first.file());
    assertEquals(attempt.line(), first.line(), shown);
    attempt.fragments().forEach(f -> assertTrue(first.message().contains(f), "'" + f + "' not in: " + shown));
    String written = text.lines().skip(first.line() - 1).findFirst().orElse("");
    BrokenScriptsTest.INTERNALS.stream().filter(i -> !written.contains(i)) // a message may quote the user's own line
        .forEach(i -> assertFalse(shown.contains(i), "internal '" + i + "' in: " + shown));

    DslException dry = assertThrows(DslException.class, () -> BuddyScripts.dryRun(attempt.name(), text, options));
    assertEquals(problems, dry.problems());

    emulator.reset();
    DslException run = assertThrows(DslException.class,
        () -> BuddyScripts.run(attempt.name(), text, emulator.client(), options));
    assertEquals(problems, run.problems());
    assertEquals(List.of(), emulator.requests(), attempt.name() + " sent requests");

    assertFalse(Files.exists(marker), attempt.name() + " created its marker file");
    assertNull(System.getProperty("buddy4j.pwned"), attempt.name() + " set a system property");
    assertFalse(problems.toString().contains(FAKE_TOKEN), "the token in a message");
  }

  /**
   * A branch the check run does not take (it assumes runs succeed) is inside the boundary too in the real
   * run: pipeline 4 fails on the emulator, the script takes the escape branch, and is stopped there.
   */
  @Test
  void theRealRunIsInsideTheSameBoundary() {
    String script = String.join("\n",
        "def k = 'cl' + 'ass'",
        "def r = run pipeline 4 on branch 'develop'",
        "r.waitUntilFinished()",
        "if (r.failed) {",
        "  def c = 'x'[k]",
        "  c.name.toUpperCase()",
        "}");
    assertEquals(List.of(), BuddyScripts.check("real.groovy", script, options()), "the check run takes the other branch");
    emulator.reset();
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.run("real.groovy", script, emulator.client(), options()));
    assertEquals("real.groovy:5: text cannot be indexed by text ('class'): use a number or a range, e.g. x[0]", e.getMessage());
    assertEquals(1, emulator.requests().stream().filter(r -> r.path("method").asText().equals("POST")).count(),
        emulator.requests().toString());
    assertFalse(emulator.requests().toString().contains(FAKE_TOKEN));
  }

  /** The attempts are real: with the boundary lifted, the first one would have got a class. */
  @Test
  void trustedLiftsTheAllowlistButNotTheWordsOrTheTokenRule() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScriptOptions trusted = options().trusted(true).out(new PrintStream(out, true, StandardCharsets.UTF_8));
    emulator.reset();
    BuddyScripts.run("t.groovy", "println String.getMethod(\"getClass\").invoke(\"x\").simpleName\n"
        + "run pipeline 2 on branch \"master\"", emulator.client(), trusted);
    assertEquals("String", out.toString(StandardCharsets.UTF_8).trim());
    DslException word = assertThrows(DslException.class, () -> BuddyScripts.dryRun("t.groovy", "evalute 'x'", trusted));
    assertTrue(word.getMessage().startsWith("t.groovy:1:1: unknown word 'evalute'"), word.getMessage());
    DslException token = assertThrows(DslException.class,
        () -> BuddyScripts.dryRun("t.groovy", "def t = env('BUDDY_TOKEN')", trusted));
    assertTrue(token.getMessage().contains("not available to scripts"), token.getMessage());
    // and untrusted (the default) the same script is refused
    assertThrows(DslException.class, () -> BuddyScripts.compile("t.groovy", "println String.getMethod('x')", options()));
  }

  /** What scripts legitimately write keeps working inside the boundary. */
  @Test
  void plainGroovyKeepsWorking() {
    String script = String.join("\n",
        "def branches = ['master', 'develop', 'release/1.2']",
        "def settings = [region: 'eu-west-1', replicas: 2, tags: [a: 1]]",
        "def total = 0",
        "for (int i = 0; i < 3; i++) { total += i }",
        "def n = 0",
        "while (n < 2) { n++ }",
        "(1..2).each { total += it }",
        "def names = branches.collect { it.toUpperCase() }.findAll { !it.contains('/') }",
        "def sized = branches*.size()",
        "settings.extra = 'x'",
        "settings['more'] = settings.replicas * 10 + total",
        "def first = branches[0]",
        "def last = branches[-1].split('/')[1]",
        "def joined = names.join(',')",
        "def none = null",
        "def safe = none?.size()",
        "def parsed = Integer.parseInt('41') + 1",
        "def pick = { b -> b.startsWith('rel') ? 'release' : b }",
        "def matched = ('v1.2.3' =~ /v(\\d+)/)[0][1]",
        "branches.eachWithIndex { b, i ->",
        "  if (i < 2 && !b.isEmpty()) {",
        "    run pipeline 2 on branch b comment \"${pick(b)} ${settings.region} ${settings.more} ${joined} ${sized.sum()} ${last} ${parsed} ${matched} ${safe} ${settings.tags.a} ${first.padLeft(7)}\"",
        "  }",
        "}",
        "def r = run pipeline 2 on branch 'master'",
        "if (r.successful && r.status == 'SUCCESSFUL') { println \"ok ${r.pipelineId}\" }");
    DryRun dry = BuddyScripts.dryRun("plain.groovy", script, options());
    assertEquals(3, dry.requests().size(), dry.toString());
    assertEquals("master", dry.requests().get(0).body().get("branch").get("name").asText(), dry.toString());
    assertEquals("master eu-west-1 26 MASTER,DEVELOP 24 1.2 42 1 null 1  master",
        dry.requests().get(0).body().get("comment").asText());
    assertEquals("develop", dry.requests().get(1).body().get("branch").get("name").asText());
  }
}
