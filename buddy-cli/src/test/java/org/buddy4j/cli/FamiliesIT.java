package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource family's {@code list|get|create|update|delete} against an emulator on loopback, as
 * {@code buddy} runs them ({@link BuddyCli#run}, the code {@code Main} calls; {@link FamiliesJarIT} runs the jar):
 * what each prints as JSON lines is parsed back, each write is one request of its method in the emulator's
 * log, a deleted item is gone (404, exit 1), and no secret sentinel sent in a body comes back in any output.
 */
class FamiliesIT {
  static TestEmulator buddy;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(1);
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  /** One family's round trip: its scope flags, a create body, an update, the field the update changes. */
  static Stream<Arguments> families() {
    return Stream.of(
        trip("variables", List.of(), List.of("--set", "key=FAM_VAR", "--set", "value=plain"), "value", "changed"),
        trip("variables", List.of("-p", "company-website"), List.of("--set", "key=FAM_PROJECT_VAR", "--set", "value=p"),
            "description", "project's"),
        trip("variables", List.of("--pipeline", "2"), List.of("--set", "key=FAM_PIPE_VAR", "--set", "value=x"),
            "value", "y"),
        trip("variables", List.of(), List.of("--set", "key=FAM_SECRET", "--set", "value=FAKE-SECRET-fam-var-0001",
            "--set", "encrypted=true"), "description", "encrypted one"),
        trip("environments", List.of(), List.of("--set", "name=Staging", "--set", "identifier=fam-staging"), "name", "QA"),
        trip("environments", List.of("-p", "company-website"), List.of("--data",
            "{\"name\": \"Prod\", \"identifier\": \"fam-prod\"}"), "name", "Production"),
        trip("targets", List.of(), List.of("--set", "name=web", "--set", "identifier=fam-web", "--set", "type=SSH",
            "--set", "host=192.0.2.1", "--set", "port=22", "--set", "auth.method=PASSWORD", "--set", "auth.username=deploy",
            "--set", "auth.password=FAKE-SECRET-fam-target-0001"), "host", "192.0.2.2"),
        trip("sandboxes", List.of("-p", "company-website"), List.of("--set", "name=fam-sb", "--set", "identifier=fam-sb"),
            "name", "fam-sb-2"),
        trip("groups", List.of(), List.of("--set", "name=fam-devs"), "description", "the developers"),
        trip("members", List.of(), List.of("--set", "email=fam.member@example.com"), "admin", "true"),
        trip("permissions", List.of(), List.of("--set", "name=fam-role", "--set", "pipeline_access_level=RUN_ONLY"),
            "description", "runs only"),
        trip("webhooks", List.of(), List.of("--set", "target_url=https://example.com/fam", "--set",
            "events=PUSH,EXECUTION_SUCCESSFUL", "--set", "secret_key=FAKE-SECRET-fam-hook-0001"),
            "target_url", "https://example.com/fam2"),
        trip("tokens", List.of(), List.of("--set", "name=fam-ci", "--set", "scopes=WORKSPACE"), null, null),
        trip("actions", List.of("--pipeline", "2"), List.of("--set", "name=fam-build", "--set", "type=BUILD"),
            "name", "fam-build-2"));
  }

  private static Arguments trip(String family, List<String> scope, List<String> body, String field, String value) {
    return Arguments.of(family, scope, body, field, value);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("families")
  void aFamilyRoundTripsThroughListGetCreateUpdateDelete(String family, List<String> scope, List<String> body,
      String field, String value) throws Exception {
    List<String> secrets = body.stream().filter(a -> a.contains("FAKE-SECRET")).map(a -> a.substring(a.indexOf('=') + 1)).toList();
    List<String> printed = new ArrayList<>();

    buddy.clearRequests();
    Result created = ok(printed, family, "create", scope, body);
    assertEquals(1, writes("POST"), family + " create sends one POST");
    JsonNode item = TestEmulator.JSON.readTree(created.out());
    String id = item.path("id").asText();
    assertFalse(id.isEmpty(), created.toString());

    JsonNode got = TestEmulator.JSON.readTree(ok(printed, family, "get", scope, List.of(id)).out());
    assertEquals(id, got.path("id").asText());
    assertTrue(ids(ok(printed, family, "list", scope, List.of()).out()).contains(id), family + " list holds " + id);

    if (field != null) {
      buddy.clearRequests();
      JsonNode updated = TestEmulator.JSON.readTree(ok(printed, family, "update", scope, List.of(id, "--set", field + "=" + value)).out());
      assertEquals(1, writes("PATCH") + writes("PUT"), family + " update sends one PATCH");
      assertEquals(value, updated.path(field).asText(), updated.toString());
      assertEquals(value, TestEmulator.JSON.readTree(ok(printed, family, "get", scope, List.of(id)).out()).path(field).asText());
    }

    buddy.clearRequests();
    Result deleted = ok(printed, family, "delete", scope, List.of(id));
    assertEquals(1, writes("DELETE"), family + " delete sends one DELETE");
    assertTrue(deleted.out().isEmpty() && deleted.err().contains(id), deleted.toString());
    Result gone = run(family, "get", scope, List.of(id));
    assertEquals(1, gone.code(), gone.toString());
    assertTrue(gone.err().contains("404"), gone.toString());
    assertFalse(ids(ok(printed, family, "list", scope, List.of()).out()).contains(id), family + " list lost " + id);

    for (String secret : secrets) {
      for (String out : printed) {
        assertFalse(out.contains(secret), family + " printed a secret: " + out);
      }
    }
  }

  @Test
  void secretsPrintMaskedInTextAndJsonAndACreatedTokenShowsItsValueOnce() throws Exception {
    String secret = "FAKE-SECRET-fam-shown-0002";
    JsonNode variable = TestEmulator.JSON.readTree(cli("variables", "create", "--set", "key=FAM_MASKED",
        "--set", "value=" + secret, "--set", "encrypted=true", "-o", "json").out());
    String id = variable.path("id").asText();
    for (String format : List.of("text", "json", "jsonl")) {
      Result get = cli("variables", "get", id, "-o", format);
      Result list = cli("variables", "list", "-o", format);
      assertTrue(get.out().contains("***"), get.toString());
      assertFalse(get.out().contains(secret) || list.out().contains(secret), get + "\n" + list);
    }

    Result token = cli("tokens", "create", "--set", "name=fam-once", "--set", "scopes=WORKSPACE", "-o", "jsonl");
    assertEquals(0, token.code(), token.toString());
    JsonNode made = TestEmulator.JSON.readTree(token.out());
    String value = made.path("token").asText();
    assertTrue(value.length() > 10 && !value.equals("***"), "the value is shown once: " + token);
    assertTrue(token.err().contains("shown this once"), token.toString());
    for (String format : List.of("text", "json")) {
      Result get = cli("tokens", "get", made.path("id").asText(), "-o", format);
      Result list = cli("tokens", "list", "-o", format);
      assertEquals(0, get.code(), get.toString());
      assertFalse(get.out().contains(value) || list.out().contains(value), get + "\n" + list);
    }
  }

  @Test
  void aWorkspaceScopedVariableIsNotListedAtAProjectAndBackwards() throws Exception {
    String ws = TestEmulator.JSON.readTree(cli("variables", "create", "--set", "key=FAM_WS_ONLY", "--set", "value=1", "-o", "json")
        .out()).path("id").asText();
    String pr = TestEmulator.JSON.readTree(cli("-p", "company-website", "variables", "create", "--set", "key=FAM_PR_ONLY",
        "--set", "value=1", "-o", "json").out()).path("id").asText();

    List<String> workspace = ids(cli("variables", "list", "-o", "jsonl").out());
    List<String> project = ids(cli("variables", "list", "-p", "company-website", "-o", "jsonl").out());
    assertTrue(workspace.contains(ws) && !workspace.contains(pr), workspace.toString());
    assertTrue(project.contains(pr) && !project.contains(ws), project.toString());
  }

  @Test
  void aBadIdOrAScopeTheFamilyLacksIsAUsageErrorAndSendsNothing() {
    buddy.clearRequests();
    Result notANumber = cli("variables", "get", "abc");
    Result noPipeline = cli("actions", "list");
    Result notInAProject = cli("-p", "company-website", "webhooks", "list");
    Result tokenInAProject = cli("tokens", "list", "-p", "company-website");
    Result sandboxInWorkspace = cli("sandboxes", "create", "--set", "name=x");
    Result noBody = cli("groups", "create");

    assertEquals(List.of(2, 2, 2, 2, 2, 2), Stream.of(notANumber, noPipeline, notInAProject, tokenInAProject, sandboxInWorkspace, noBody)
        .map(Result::code).toList());
    assertTrue(notANumber.err().contains("VARIABLE_ID is a positive number"), notANumber.toString());
    assertTrue(noPipeline.err().contains("--pipeline"), noPipeline.toString());
    assertTrue(notInAProject.err().contains("webhooks belong to the workspace; -p/--project does not apply"), notInAProject.toString());
    assertTrue(tokenInAProject.err().contains("tokens belong to the token's user"), tokenInAProject.toString());
    assertTrue(sandboxInWorkspace.err().contains("belongs to a project"), sandboxInWorkspace.toString());
    assertTrue(noBody.err().contains("--data JSON|@FILE or --set FIELD=VALUE") && noBody.err().contains("name"), noBody.toString());
    assertEquals(0, buddy.requests().size(), "nothing sent: " + buddy.requests());
  }

  private static long writes(String method) {
    return buddy.requests().stream().filter(r -> r.path("method").asText().equals(method)).count();
  }

  private static List<String> ids(String jsonl) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : jsonl.lines().toList()) {
      out.add(TestEmulator.JSON.readTree(line).path("id").asText());
    }
    return out;
  }

  private static Result ok(List<String> printed, String family, String op, List<String> scope, List<String> args) {
    Result r = run(family, op, scope, args);
    assertEquals(0, r.code(), family + " " + op + ": " + r);
    printed.add(r.out());
    printed.add(r.err());
    Result text = op.equals("delete") ? r : run(family, op.equals("create") || op.equals("update") ? "list" : op, scope,
        op.equals("create") || op.equals("update") ? List.of() : args, "text");
    printed.add(text.out());
    return r;
  }

  private static Result run(String family, String op, List<String> scope, List<String> args) {
    return run(family, op, scope, args, "jsonl");
  }

  private static Result run(String family, String op, List<String> scope, List<String> args, String format) {
    List<String> all = new ArrayList<>(List.of(family, op));
    all.addAll(scope);
    all.addAll(args);
    if (!op.equals("delete")) {
      all.addAll(List.of("-o", format));
    }
    return cli(all.toArray(String[]::new));
  }

  private static Result cli(String... args) {
    Map<String, String> env = buddy.env();
    return TestEmulator.cli(env, args);
  }
}
