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
 * The resource-family commands as a user runs them: {@code buddy.jar} in a child JVM against an emulator on
 * loopback. A variable's whole round trip with its JSON lines parsed back, the {@code -o text} table, a 404's
 * message, and bad input (an unknown command or subcommand, even before {@code --help}; an unknown
 * {@code --set} field; bad JSON in a file) exiting 2 with one line that names it, nothing sent.
 */
class FamiliesJarIT {
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
  void aVariableRoundTripsThroughTheJar() throws Exception {
    Run created = buddy("variables", "create", "--set", "key=JAR_VAR", "--set", "value=one", "-o", "jsonl");
    assertEquals(0, created.code, created.toString());
    String id = TestEmulator.JSON.readTree(created.out).path("id").asText();

    Run got = buddy("variables", "get", id, "-o", "jsonl");
    Run listed = buddy("variables", "list", "-o", "jsonl");
    Run updated = buddy("variables", "update", id, "--set", "value=two", "-o", "jsonl");
    Run deleted = buddy("variables", "delete", id);
    Run gone = buddy("variables", "get", id);

    assertEquals("JAR_VAR", TestEmulator.JSON.readTree(got.out).path("key").asText(), got.toString());
    assertTrue(listed.out.lines().map(FamiliesJarIT::tree).anyMatch(v -> v.path("id").asText().equals(id)), listed.toString());
    assertEquals("two", TestEmulator.JSON.readTree(updated.out).path("value").asText(), updated.toString());
    assertEquals(0, deleted.code, deleted.toString());
    assertEquals("Deleted variable " + id, deleted.err.strip());
    assertEquals(1, gone.code, gone.toString());
    assertEquals("buddy: GET /workspaces/buddy/variables/" + id + " failed with HTTP 404: Variable " + id + " not found",
        gone.err.strip(), "Buddy's message, one line, no stack trace");
  }

  @Test
  void textIsATableWithTheFamilysColumnsAndSecretsMasked() throws Exception {
    Run table = buddy("variables", "list", "-o", "text");

    assertEquals(0, table.code, table.toString());
    List<String> lines = table.out.lines().toList();
    assertEquals(List.of("ID", "KEY", "VALUE", "TYPE", "ENCRYPTED", "SETTABLE", "DESCRIPTION"),
        List.of(lines.get(0).split("\\s+")), table.toString());
    String deployKey = lines.stream().filter(l -> l.contains("DEPLOY_KEY")).findFirst().orElseThrow();
    assertTrue(deployKey.matches("\\d+\\s+DEPLOY_KEY\\s+\\*\\*\\*\\s+VAR\\s+true.*"), "the seed's encrypted variable: " + deployKey);
  }

  @Test
  void anUnknownCommandOrSubcommandIsAnErrorWithTheNearestOneEvenBeforeHelp() throws Exception {
    Run typo = buddy("pipelnes", "--help");
    Run nothingNear = buddy("frobnicate", "--help");
    Run sub = buddy("variables", "lst", "--help");
    Run noUpdate = buddy("tokens", "update", "abc");

    assertEquals(2, typo.code, typo.toString());
    assertTrue(typo.err.startsWith("buddy: unknown command 'pipelnes'; did you mean 'pipelines'? (choices: workspaces, "),
        typo.toString());
    assertTrue(typo.out.isEmpty(), "no help printed: " + typo);
    assertEquals(2, nothingNear.code, nothingNear.toString());
    assertTrue(nothingNear.err.startsWith("buddy: unknown command 'frobnicate' (choices: "), nothingNear.toString());
    assertEquals(2, sub.code, sub.toString());
    assertTrue(sub.err.startsWith("buddy: unknown command 'variables lst'; did you mean 'variables list'?"
        + " (choices: list, get, create, update, delete)"), sub.toString());
    assertEquals(2, noUpdate.code, noUpdate.toString());
    assertTrue(noUpdate.err.contains("(choices: list, get, create, delete)"), noUpdate.toString());
  }

  @Test
  void anUnknownFieldOrBadJsonIsAUsageErrorNamingItAndNothingIsSent() throws Exception {
    Path bad = Files.writeString(dir.resolve("variable.json"), "{\"key\": \"A\",\n \"value\": }\n");
    buddy.clearRequests();

    Run field = buddy("variables", "create", "--set", "kee=A", "--set", "value=FAKE-SECRET-jar-0001");
    Run json = buddy("variables", "create", "--data", "@" + bad);
    Run nested = buddy("targets", "create", "--set", "name=t", "--set", "auth.pasword=FAKE-SECRET-jar-0002");

    assertEquals(2, field.code, field.toString());
    assertTrue(field.err.startsWith("--set: unknown field 'kee' of a variable; did you mean 'key'? (fields: url, html_url, id, key,"),
        field.toString());
    assertEquals(2, json.code, json.toString());
    assertTrue(json.err.startsWith(bad + ": not JSON (line 2, column 11)"), json.toString());
    assertEquals(2, nested.code, nested.toString());
    assertTrue(nested.err.startsWith("--set: unknown field 'pasword' of 'auth'; did you mean 'password'?"), nested.toString());
    for (Run r : List.of(field, json, nested)) {
      assertEquals(1, r.err.lines().count(), "one line: " + r);
      assertFalse(r.err.contains("FAKE-SECRET") || r.out.contains("FAKE-SECRET"), r.toString());
    }
    assertEquals(0, buddy.requests().size(), "nothing sent: " + buddy.requests());
  }

  private static JsonNode tree(String line) {
    try {
      return TestEmulator.JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private static Run buddy(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "fam", ".out");
    Path err = Files.createTempFile(dir, "fam", ".err");
    Process p = ChildRunner.start(buddy.env(), List.of(), out, err, args);
    if (!p.waitFor(180, TimeUnit.SECONDS)) { // only guards against a hang
      p.destroyForcibly();
      throw new AssertionError("buddy " + String.join(" ", args) + " did not finish in 180 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
