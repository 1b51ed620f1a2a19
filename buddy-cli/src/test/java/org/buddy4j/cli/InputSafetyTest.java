package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's input gaps, each through the real CLI against a real emulator: secrets given malformed
 * are never echoed, handles that are not Buddy handles are refused before anything is sent, and
 * batch files, flags and scripts follow the same variable rules.
 */
class InputSafetyTest {
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

  @BeforeEach
  void forget() {
    buddy.clearRequests();
  }

  private static Result buddy(String... args) {
    return TestEmulator.cli(env, args);
  }

  /** Exit 2, nothing sent to Buddy. */
  private static void refusedBeforeSending(Result r) {
    assertEquals(2, r.code(), r.toString());
    assertEquals(List.of(), buddy.requests(), "nothing was sent: " + r);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r);
  }

  static Stream<Arguments> malformedSecrets() {
    String s = "FAKE-SECRET-sentinel-12";
    return Stream.of(
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "KEY:" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var=" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "-" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "KEY=", s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "bad name!=" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "=" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", s + ":x=v"}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "A=1", "--secret-var", "A=" + s}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--var", "A=1", "--secret-var", "A=" + s}),
        Arguments.of((Object) new String[] {"integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do",
            "--set", "token:" + s}),
        Arguments.of((Object) new String[] {"integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do",
            "--set", s}),
        Arguments.of((Object) new String[] {"integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do",
            "--set=" + s}),
        Arguments.of((Object) new String[] {"integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do",
            "--set", "all_pipelines_allowed=" + s}),
        Arguments.of((Object) new String[] {"integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do",
            "--set", "token=" + s, "--set", "token=" + s}),
        Arguments.of((Object) new String[] {"--token", s, "--token", s, "workspaces", "list"}),
        Arguments.of((Object) new String[] {"runs", "start", "2", "--secret-var", "A=" + s, "--token"}));
  }

  @ParameterizedTest
  @MethodSource("malformedSecrets")
  void aMalformedSecretIsDescribedByItsShapeNeverPrinted(String[] args) {
    Result r = buddy(args);

    refusedBeforeSending(r);
    assertFalse((r.out() + r.err()).contains("sentinel"), "the secret is not printed: " + r);
    assertFalse(r.err().contains("option option"), r.err());
    assertEquals(1, r.err().lines().filter(l -> !l.startsWith("Try ")).count(), "one line: " + r.err());
  }

  @Test
  void theShapeSaysWhatWasExpected() {
    Result r = buddy("runs", "start", "2", "--secret-var", "FAKE-SECRET-12chr");
    assertTrue(r.err().contains("--secret-var expects NAME=VALUE; got a value of 17 characters with no '='"), r.err());
    Result colon = buddy("integrations", "create", "--type", "DIGITAL_OCEAN", "--name", "do", "--set", "token:FAKE-SECRET-x");
    assertTrue(colon.err().contains("--set expects NAME=VALUE") && colon.err().contains("not ':'"), colon.err());
  }

  @Test
  void keyValueOptionsSayWhatTheyExpectInOneWording() {
    Result r = buddy("runs", "start", "2", "--var", "NOVALUE");
    refusedBeforeSending(r);
    assertEquals("--var expects NAME=VALUE; got a value of 7 characters with no '='\n", r.err());
    Result twice = buddy("runs", "start", "2", "--var", "V=1", "--var", "V=2");
    refusedBeforeSending(twice);
    assertTrue(twice.err().contains("--var: 'V' is given twice"), twice.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "../../etc", "a/b", "company-website/pipelines/3/executions?x=", "a?b", "a#b",
      "a%2Fb", "a b"})
  void aHandleFlagThatIsNotAHandleIsAUsageError(String handle) {
    Result p = buddy("-p", handle, "runs", "list", "2");
    refusedBeforeSending(p);
    assertTrue(p.err().startsWith("--project: project "), p.err());
    Result w = buddy("-w", handle, "projects", "list");
    refusedBeforeSending(w);
    assertTrue(w.err().startsWith("--workspace: workspace "), w.err());
  }

  @Test
  void anIntegrationHashIdIsAHandleToo() {
    refusedBeforeSending(buddy("integrations", "get", "../../user"));
    refusedBeforeSending(buddy("integrations", "delete", "a/b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../etc", "..", "a/b", "a?b", "a#b", "a%2Fb", "a b"})
  void aBatchLineWithABadHandleIsRefusedWithItsLine(String handle) throws Exception {
    Path f = dir.resolve("runs.jsonl");
    Files.writeString(f, "{\"pipeline\": 2, \"branch\": \"master\"}\n{\"workspace\": \"" + handle
        + "\", \"pipeline\": 2}\n{\"project\": \"" + handle + "\", \"pipeline\": 2, \"branch\": \"x\"}\n");

    Result r = buddy("batch", f.toString(), "--no-wait");

    refusedBeforeSending(r);
    assertTrue(r.err().contains(f + ":2: field 'workspace':"), r.err());
    assertTrue(r.err().contains(f + ":3: field 'project':"), r.err());
  }

  @Test
  void aScriptWithABadHandleIsRefusedBeforeItsFirstRequest() throws Exception {
    Path script = dir.resolve("bad.groovy");
    Files.writeString(script, "workspace \"../../etc\" {\n  project \"web\" {\n    run(pipeline: 2) { branch \"master\" }\n  }\n}\n");

    Result r = buddy("script", script.toString());

    refusedBeforeSending(r);
    assertTrue(r.err().contains(script + ":1: workspace '../../etc' is not a URL handle"), r.err());
  }

  /** A secret value left without quotes is a syntax error that names the line, never the value. */
  @Test
  void anUnquotedSecretInABatchLineIsNotEchoedByTheSyntaxError() throws Exception {
    Path f = dir.resolve("unquoted.jsonl");
    Files.writeString(f, "{\"pipeline\": 2, \"branch\": \"master\"}\n"
        + "{\"pipeline\": 2, \"secret_variables\": {\"KEY\": FAKE-UNQUOTED-SENTINEL}}\n");

    Result r = buddy("batch", f.toString(), "--dry-run");

    refusedBeforeSending(r);
    assertTrue(r.err().contains(f + ":2: malformed JSON line: Unrecognized token (a word that is not in quotes)"), r.err());
    assertFalse((r.out() + r.err()).contains("FAKE-UNQUOTED"), r.out() + r.err());
  }

  @Test
  void aYamlKeyGivenTwiceIsRefusedWithItsLine() throws Exception {
    Path f = dir.resolve("dup.yaml");
    Files.writeString(f, "runs:\n  - pipeline: 2\n    variables: {VERSION: \"1\", VERSION: \"2\"}\n  - pipeline: 2\n"
        + "    branch: x\n    variables:\n      A: 1\n      A: 2\n");

    Result r = buddy("batch", f.toString(), "--dry-run");

    refusedBeforeSending(r);
    assertTrue(r.err().contains(f + ":3: key 'VERSION' is given twice"), r.err());
    assertTrue(r.err().contains(f + ":8: key 'A' is given twice"), r.err());
  }

  @Test
  void aNameGivenAsPlainAndSecretIsRefusedInEveryFormat() throws Exception {
    Path yaml = dir.resolve("both.yaml");
    Files.writeString(yaml, "defaults:\n  variables: {TOKEN: \"1\"}\nruns:\n  - pipeline: 2\n"
        + "    secret_variables: {TOKEN: FAKE-SECRET-both}\n");
    Path csv = dir.resolve("both.csv");
    Files.writeString(csv, "pipeline,variables.TOKEN,secret_variables.TOKEN\n2,1,FAKE-SECRET-both\n");
    Path jsonl = dir.resolve("both.jsonl");
    Files.writeString(jsonl, "{\"pipeline\": 2, \"variables\": {\"TOKEN\": \"1\"}, \"secret_variables\": {\"TOKEN\": \"FAKE-SECRET-both\"}}\n");

    for (Path f : List.of(yaml, csv, jsonl)) {
      Result r = buddy("batch", f.toString(), "--dry-run");
      refusedBeforeSending(r);
      assertTrue(r.err().contains("variable 'TOKEN' is given both as a plain and as a secret variable"), r.err());
      assertFalse(r.err().contains("FAKE-SECRET"), r.err());
    }
    Path script = dir.resolve("both.groovy");
    Files.writeString(script, "project \"company-website\" {\n  run(pipeline: 2) {\n    variable \"TOKEN\", \"1\"\n"
        + "    encryptedVariable \"TOKEN\", \"FAKE-SECRET-both\"\n  }\n}\n");
    Result dsl = buddy("script", script.toString());
    refusedBeforeSending(dsl);
    assertTrue(dsl.err().contains(script + ":4: encryptedVariable: variable 'TOKEN' is given both as a plain and as a secret"),
        dsl.err());
    assertFalse(dsl.err().contains("FAKE-SECRET"), dsl.err());
  }

  @Test
  void badVariableNamesAreRefusedInFlagsAsInBatchFiles() throws Exception {
    refusedBeforeSending(buddy("runs", "start", "2", "--secret-var", "=v"));
    refusedBeforeSending(buddy("runs", "start", "2", "--var", "bad name!=v"));
    Path f = dir.resolve("names.jsonl");
    Files.writeString(f, "{\"pipeline\": 2, \"variables\": {\"bad name!\": \"v\"}}\n{\"pipeline\": 2, \"branch\": \"b\", \"secret_variables\": {\"\": \"v\"}}\n");
    Result r = buddy("batch", f.toString(), "--dry-run");
    refusedBeforeSending(r);
    assertTrue(r.err().contains(f + ":1: field 'variables': 'bad name!' is not a variable name"), r.err());
    assertTrue(r.err().contains(f + ":2: field 'secret_variables': a variable name is empty"), r.err());
  }

  @Test
  void aByteOrderMarkIsAcceptedInEveryInput() throws Exception {
    String bom = "\uFEFF";
    Path csv = dir.resolve("bom.csv");
    Files.writeString(csv, bom + "pipeline,branch\n2,master\n", StandardCharsets.UTF_8);
    Path jsonl = dir.resolve("bom.jsonl");
    Files.writeString(jsonl, bom + "{\"pipeline\": 2, \"branch\": \"master\"}\n", StandardCharsets.UTF_8);
    Path yaml = dir.resolve("bom.yaml");
    Files.writeString(yaml, bom + "runs:\n  - {pipeline: 2, branch: master}\n", StandardCharsets.UTF_8);
    for (Path f : List.of(csv, jsonl, yaml)) {
      Result r = buddy("batch", f.toString(), "--dry-run");
      assertEquals(0, r.code(), r.toString());
      assertTrue(r.out().contains("dry run: 1 run(s)"), r.out());
      assertTrue(r.out().contains("  # " + f + ":2") || r.out().contains("  # " + f + ":1"), r.out());
    }
    Path script = dir.resolve("bom.groovy");
    Files.writeString(script, bom + "project \"company-website\" {\n  run(pipeline: 2) { branch \"master\" }\n}\n",
        StandardCharsets.UTF_8);
    Result check = buddy("script", script.toString(), "--check");
    assertEquals(0, check.code(), check.toString());
  }

  @Test
  void filesAreDescribedAsTheyAre() throws Exception {
    Result batchDir = buddy("batch", dir.toString(), "--input-format", "yaml", "--dry-run");
    refusedBeforeSending(batchDir);
    assertTrue(batchDir.err().contains("is a directory"), batchDir.err());
    Result scriptDir = buddy("script", dir.toString());
    refusedBeforeSending(scriptDir);
    assertTrue(scriptDir.err().contains("is a directory"), scriptDir.err());

    Path f = dir.resolve("one.jsonl");
    Files.writeString(f, "{\"pipeline\": 2, \"branch\": \"master\"}\n");
    Path plainFile = dir.resolve("plain.txt");
    Files.writeString(plainFile, "x");
    Result journal = buddy("batch", f.toString(), "--no-wait", "--progress", "none",
        "--journal", plainFile.resolve("j.jsonl").toString());
    refusedBeforeSending(journal);
    assertTrue(journal.err().contains(plainFile + " is a file, not a directory"), journal.err());
    assertFalse(journal.err().contains("already exists"), journal.err());
  }

  @Test
  void aBadEndpointIsAUsageErrorNamingTheChoices() {
    Map<String, String> e = new java.util.HashMap<>(env);
    e.put("BUDDY_API_ENDPOINT", "notaurl");
    Result fromEnv = TestEmulator.cli(e, "workspaces", "list");
    refusedBeforeSending(fromEnv);
    Result flag = buddy("--endpoint", "notaurl", "workspaces", "list");
    refusedBeforeSending(flag);
    assertTrue(flag.err().startsWith("--endpoint: ") && flag.err().contains("use us, eu, ap or https://host/api"), flag.err());
    assertTrue(fromEnv.err().startsWith("BUDDY_API_ENDPOINT: "), fromEnv.err());
  }

  @Test
  void aDeadEndpointIsNamed() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> e = new java.util.HashMap<>(env);
    e.put("BUDDY_API_ENDPOINT", "http://127.0.0.1:" + port);
    Result r = TestEmulator.cli(e, "workspaces", "list");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.err().contains("127.0.0.1:" + port), r.err());
    List<String> lines = new ArrayList<>(r.err().lines().toList());
    assertEquals(1, lines.size(), r.err());
  }
}
