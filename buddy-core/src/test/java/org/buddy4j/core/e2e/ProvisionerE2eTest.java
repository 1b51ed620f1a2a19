package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.ApplyReport;
import org.buddy4j.core.provision.Change;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.EnvRef;
import org.buddy4j.core.provision.FieldChange;
import org.buddy4j.core.provision.FileSecretLedger;
import org.buddy4j.core.provision.InMemorySecretLedger;
import org.buddy4j.core.provision.Plan;
import org.buddy4j.core.provision.PlanText;
import org.buddy4j.core.provision.Provisioner;
import org.buddy4j.core.provision.Ref;
import org.buddy4j.core.provision.Secret;
import org.buddy4j.core.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning against the emulator: the seed's use case (a project, a pipeline with three actions, variables
 * at three scopes — one encrypted, one an SSH key —, an environment, a target, an integration, a webhook, a
 * group and a permission set) planned, applied, re-planned; one change; a lost answer mid-apply; prune;
 * secrets; export round trip.
 */
class ProvisionerE2eTest extends E2eTestBase {
  private static final String DB_PASSWORD = "FAKE-SECRET-db-password-3141";
  private static final String SSH_KEY = "FAKE-SECRET-ssh-private-key-2718";
  private static final String GITHUB_TOKEN = "FAKE-SECRET-github-token-1618";
  private static final String WEBHOOK_KEY = "FAKE-SECRET-webhook-key-1414";
  private static final String TARGET_PASSWORD = "FAKE-SECRET-target-password-1732";
  private static final List<String> SENTINELS = List.of(DB_PASSWORD, SSH_KEY, GITHUB_TOKEN, WEBHOOK_KEY, TARGET_PASSWORD);
  private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

  private static final Address WS = Address.workspace(WORKSPACE);
  private static final Address PROJECT_ADDR = WS.child("project", "prov-web");
  private static final Address PIPELINE_ADDR = PROJECT_ADDR.child("pipeline", "deploy");
  private static final Address INTEGRATION_ADDR = WS.child("integration", "prov-github");

  @TempDir
  Path dir;

  private static DeclaredKind kind(String word) {
    return DeclaredKind.of(word).orElseThrow();
  }

  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static Declared declared(Address address, Object... pairs) {
    return new Declared(address, kind(address.kind()), fields(pairs), "seed-use-case.groovy:" + (pairs.length + 1));
  }

  /** The seed's use case, with {@code priority} as the one field a test changes. */
  static DesiredState useCase(String priority) {
    return new DesiredState()
        .add(declared(WS.child("permissionSet", "prov-role"), "description", "provisioned", "type", "CUSTOM",
            "pipeline_access_level", "RUN_ONLY", "repository_access_level", "READ_ONLY", "sandbox_access_level", "READ_ONLY"))
        .add(declared(WS.child("group", "prov-devs"), "description", "developers"))
        .add(declared(INTEGRATION_ADDR, "name", "Prov GitHub", "type", "GIT_HUB", "scope", "WORKSPACE",
            "token", Secret.of(GITHUB_TOKEN)))
        .add(declared(PROJECT_ADDR, "display_name", "Prov Web", "without_repository", true))
        .add(declared(PROJECT_ADDR.child("environment", "production"), "name", "Production", "tags", List.of("prod")))
        .add(declared(PIPELINE_ADDR, "refs", List.of("refs/heads/master"), "priority", priority, "always_from_scratch", false))
        .add(declared(WS.child("target", "prov-ssh"), "name", "Prov SSH", "type", "SSH", "host", "deploy.example.com",
            "port", "22", "auth", fields("method", "PASSWORD", "username", "deploy", "password", TARGET_PASSWORD))) // plain: a nested secret is one by its name
        .add(declared(PROJECT_ADDR.child("variable", "APP_ENV"), "value", "production"))
        .add(declared(PROJECT_ADDR.child("variable", "DB_PASSWORD"), "value", Secret.of(DB_PASSWORD), "encrypted", true))
        .add(declared(PROJECT_ADDR.child("variable", "DEPLOY_SSH"), "type", "SSH_KEY", "value", Secret.of(SSH_KEY),
            "encrypted", true, "file_place", "CONTAINER", "file_path", "~/.ssh/id_deploy", "file_chmod", "600"))
        .add(declared(PIPELINE_ADDR.child("variable", "RELEASE_CHANNEL"), "value", "stable"))
        .add(declared(PIPELINE_ADDR.child("action", "Build"), "type", "BUILD", "docker_image_name", "library/node",
            "docker_image_tag", "20", "execute_commands", List.of("npm ci", "npm run build")))
        .add(declared(PIPELINE_ADDR.child("action", "Test"), "type", "BUILD", "docker_image_name", "library/node",
            "docker_image_tag", "20", "execute_commands", List.of("npm test"), "integration_hash", new Ref(INTEGRATION_ADDR, "hash_id")))
        .add(declared(PIPELINE_ADDR.child("action", "Deploy"), "type", "BUILD", "docker_image_name", "library/alpine",
            "execute_commands", List.of("./deploy.sh"), "trigger_time", "ON_EVERY_EXECUTION"))
        .add(declared(WS.child("webhook", "https://hooks.example.com/prov"), "events", List.of("PUSH"),
            "projects", List.of("prov-web"), "secret_key", Secret.of(WEBHOOK_KEY)));
  }

  /** The pipeline's actions, in Buddy's order. */
  private static List<String> declaredActions(int pipelineId) {
    return buddy.workspace(WORKSPACE).project("prov-web").pipeline(pipelineId).actions().list()
        .map(a -> a.getName()).toList();
  }

  private List<JsonObject> writes() {
    return admin.requests().stream().filter(r -> WRITES.contains(r.getString("method"))).collect(Collectors.toList());
  }

  private static long count(Plan plan, Change.Action action) {
    return plan.changes().stream().filter(c -> c.action() == action).count();
  }

  @Test
  void planOnEmptyCreatesEverythingApplyConvergesAndASecondApplyWritesNothing() {
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    DesiredState desired = useCase("HIGH");
    admin.clearRequests();
    Plan first = provisioner.plan(desired, false);
    assertEquals(desired.size(), count(first, Change.Action.CREATE), PlanText.text(first));
    assertEquals(List.of(), writes(), "a plan only reads");
    assertTrue(PlanText.text(first).endsWith(desired.size() + " to create, 0 to update, 0 to delete\n"), PlanText.text(first));

    ApplyReport report = provisioner.apply(first, c -> { });
    assertTrue(report.succeeded(), () -> PlanText.text(report));
    assertEquals(desired.size(), report.applied().size());

    Plan second = provisioner.plan(desired, false);
    assertEquals(desired.size(), count(second, Change.Action.UNCHANGED), PlanText.text(second));
    assertFalse(second.hasChanges());
    admin.clearRequests();
    ApplyReport again = provisioner.apply(provisioner.plan(desired, false), c -> { });
    assertTrue(again.applied().isEmpty());
    assertEquals(List.of(), writes(), "the second apply sends no POST/PATCH/PUT/DELETE");

    // Actions exist once each, in declaration order, and the Ref became the integration's hash_id.
    int pipelineId = (Integer) provisioner.live(PIPELINE_ADDR).orElseThrow().get("id");
    assertEquals(List.of("Build", "Test", "Deploy"), declaredActions(pipelineId));
    Object hash = provisioner.live(INTEGRATION_ADDR).orElseThrow().get("hash_id");
    assertEquals(hash, provisioner.live(PIPELINE_ADDR.child("action", "Test")).orElseThrow().get("integration_hash"));
  }

  @Test
  void everyScopeOfEveryKindIsFoundAgainByItsNaturalKey() {
    admin.seed(emptyWorkspace());
    Address other = WS.child("project", "prov-api");
    DesiredState desired = useCase("HIGH")
        .add(declared(other, "display_name", "Prov API", "without_repository", true))
        .add(declared(WS.child("environment", "staging"), "name", "Staging"))
        .add(declared(other.child("environment", "production"), "name", "API production"))
        .add(declared(PROJECT_ADDR.child("target", "prov-project-ftp"), "name", "Project FTP", "type", "FTP",
            "host", "ftp.example.com", "port", "21"))
        .add(declared(PIPELINE_ADDR.child("target", "prov-pipeline-ftp"), "name", "Pipeline FTP", "type", "FTP",
            "host", "ftp2.example.com", "port", "21"))
        .add(declared(WS.child("variable", "PROV_REGION"), "value", "eu"))
        .add(declared(other.child("variable", "APP_ENV"), "value", "api"))
        .add(declared(PROJECT_ADDR.child("sandbox", "prov-box"), "name", "Prov box", "os", "ubuntu:22.04"));
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    ApplyReport report = provisioner.apply(provisioner.plan(desired, false), c -> { });
    assertTrue(report.succeeded(), () -> PlanText.text(report));
    Plan again = provisioner.plan(desired, false);
    assertFalse(again.hasChanges(), () -> PlanText.text(again));
    assertEquals(desired.size(), again.changes().size());
    List<String> order = DeclaredKind.all().stream().map(DeclaredKind::word).toList();
    List<Integer> applied = report.applied().stream().map(c -> order.indexOf(c.kind().word())).toList();
    assertEquals(applied.stream().sorted().toList(), applied, "applied in dependency order");
    // The same key in two scopes is two resources.
    assertTrue(!provisioner.live(other.child("variable", "APP_ENV")).orElseThrow().get("id")
        .equals(provisioner.live(PROJECT_ADDR.child("variable", "APP_ENV")).orElseThrow().get("id")));
    assertTrue(provisioner.live(PROJECT_ADDR.child("sandbox", "prov-box")).isPresent());
    assertTrue(provisioner.live(other.child("sandbox", "prov-box")).isEmpty());
  }

  @Test
  void changingOneFieldIsExactlyOneFieldChange() {
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    assertTrue(provisioner.apply(provisioner.plan(useCase("HIGH"), false), c -> { }).succeeded());
    Plan plan = provisioner.plan(useCase("LOW"), false);
    List<Change> pending = plan.pending();
    assertEquals(1, pending.size(), PlanText.text(plan));
    assertEquals(Change.Action.UPDATE, pending.get(0).action());
    assertEquals(PIPELINE_ADDR, pending.get(0).address());
    assertEquals(List.of(new FieldChange("priority", "\"HIGH\"", "\"LOW\"", false, null)), pending.get(0).fields());
    assertTrue(PlanText.text(plan).contains("~ update " + PIPELINE_ADDR + "\n    priority: \"HIGH\" → \"LOW\"\n"), PlanText.text(plan));
    assertTrue(PlanText.text(plan).endsWith("0 to create, 1 to update, 0 to delete\n"));

    admin.clearRequests();
    assertTrue(provisioner.apply(plan, c -> { }).succeeded());
    assertEquals(List.of("PATCH"), writes().stream().map(r -> r.getString("method")).toList());
    assertFalse(provisioner.plan(useCase("LOW"), false).hasChanges());
  }

  @Test
  void aLostAnswerAfterACreateStopsTheApplyAndReApplyingConvergesWithoutDuplicates() {
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    DesiredState desired = useCase("HIGH");
    admin.faults(new JsonObject().put("method", "POST").put("operationId", "createPipelineAction")
        .put("resetAfterApply", true).put("times", 1));
    Plan plan = provisioner.plan(desired, false);
    List<Change> heard = new ArrayList<>();
    ApplyReport report = provisioner.apply(plan, heard::add);
    assertFalse(report.succeeded());
    assertEquals(heard, report.applied());
    Address build = PIPELINE_ADDR.child("action", "Build");
    assertEquals(build, report.notApplied().get(0).address(), "the apply stopped at the action whose answer was lost");
    assertEquals(plan.pending().size(), report.applied().size() + report.notApplied().size());
    assertEquals(1, admin.requests("createPipelineAction").size(), "the POST was not re-sent");
    admin.faults();

    Plan replan = provisioner.plan(desired, false);
    assertEquals(Change.Action.UNCHANGED, replan.changes().stream().filter(c -> c.address().equals(build))
        .findFirst().orElseThrow().action(), "re-planning finds the action Buddy did create");
    assertTrue(provisioner.apply(replan, c -> { }).succeeded());
    assertFalse(provisioner.plan(desired, false).hasChanges());
    int pipelineId = (Integer) provisioner.live(PIPELINE_ADDR).orElseThrow().get("id");
    assertEquals(List.of("Build", "Test", "Deploy"), declaredActions(pipelineId), "nothing duplicated");
  }

  @Test
  void pruneDeletesOnlyUndeclaredItemsOfDeclaredKindsInDeclaredParents() {
    admin.seed(emptyWorkspace());
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    assertTrue(provisioner.apply(provisioner.plan(useCase("HIGH"), false), c -> { }).succeeded());
    // A workspace variable: of a declared kind, but in a parent (the workspace) where no variable is declared.
    buddy.workspace(WORKSPACE).variables().create(new org.buddy4j.core.generated.model.Variable().key("OUTSIDE").value("kept"));
    // Undeclared now: a project variable, an action, and the permission set (a kind no longer declared at all).
    Set<Address> dropped = Set.of(PROJECT_ADDR.child("variable", "APP_ENV"), PIPELINE_ADDR.child("action", "Deploy"),
        WS.child("permissionSet", "prov-role"));
    DesiredState less = new DesiredState();
    useCase("HIGH").resources().stream().filter(d -> !dropped.contains(d.address())).forEach(less::add);
    assertFalse(provisioner.plan(less, false).hasChanges(), "without prune, undeclared items are left alone");

    Plan plan = provisioner.plan(less, true);
    plan.pending().forEach(c -> assertEquals(Change.Action.DELETE, c.action()));
    // Innermost first.
    assertEquals(List.of(PIPELINE_ADDR.child("action", "Deploy"), PROJECT_ADDR.child("variable", "APP_ENV")),
        plan.pending().stream().map(Change::address).toList(), PlanText.text(plan));
    assertTrue(PlanText.text(plan).endsWith("0 to create, 0 to update, 2 to delete\n"));
    admin.clearRequests();
    assertTrue(provisioner.apply(plan, c -> { }).succeeded());
    assertEquals(List.of("DELETE", "DELETE"), writes().stream().map(r -> r.getString("method")).toList());
    assertFalse(provisioner.plan(less, true).hasChanges());
    assertTrue(provisioner.live(WS.child("variable", "OUTSIDE")).isPresent(), "an undeclared parent's items stay");
    assertTrue(provisioner.live(WS.child("permissionSet", "prov-role")).isPresent(), "an undeclared kind's items stay");
  }

  @Test
  void secretsAreAbsentFromPlansReportsErrorsLogsAndTheLedger() throws Exception {
    Path ledgerFile = dir.resolve("seed-use-case.buddy-ledger.json");
    List<String> printed = new ArrayList<>();
    try (CapturedLog log = new CapturedLog()) {
      BuddyClient verbose = client().logLevel(LogLevel.FULL).build();
      Provisioner provisioner = new Provisioner(verbose, FileSecretLedger.open(ledgerFile));
      Plan plan = provisioner.plan(useCase("HIGH"), false);
      printed.add(PlanText.text(plan));
      printed.add(PlanText.json(plan));
      printed.add(plan.toString());
      ApplyReport report = provisioner.apply(plan, c -> printed.add(c.toString()));
      assertTrue(report.succeeded(), () -> PlanText.text(report));
      printed.add(PlanText.text(report));
      printed.add(PlanText.json(report));

      // The ledger now compares the secrets: unchanged; another value is "changed", masked.
      Provisioner fresh = new Provisioner(verbose, FileSecretLedger.open(ledgerFile));
      assertFalse(fresh.plan(useCase("HIGH"), false).hasChanges(), () -> PlanText.text(fresh.plan(useCase("HIGH"), false)));
      DesiredState other = new DesiredState();
      useCase("HIGH").resources().forEach(d -> other.add(d.address().key().equals("DB_PASSWORD")
          ? declared(d.address(), "value", Secret.of("FAKE-SECRET-another-value-1"), "encrypted", true) : d));
      Plan changed = fresh.plan(other, false);
      assertEquals(List.of(new FieldChange("value", "***", "***", true, "changed")), changed.pending().get(0).fields());
      printed.add(PlanText.text(changed));

      // Without a ledger nothing is known: "cannot compare: will set".
      Plan unknown = new Provisioner(verbose, new InMemorySecretLedger()).plan(useCase("HIGH"), false);
      assertTrue(PlanText.text(unknown).contains("token: *** → *** (cannot compare: will set)"), PlanText.text(unknown));
      printed.add(PlanText.text(unknown));

      // A refused write's error, with Buddy quoting the body back.
      admin.faults(new JsonObject().put("method", "PATCH").put("status", 400).put("echoBody", true));
      ApplyReport refused = new Provisioner(verbose, new InMemorySecretLedger()).apply(unknown, c -> { });
      assertFalse(refused.succeeded());
      admin.faults();
      printed.add(PlanText.text(refused));
      printed.add(String.valueOf(refused.failure().orElseThrow()));
      java.io.StringWriter trace = new java.io.StringWriter();
      refused.failure().orElseThrow().printStackTrace(new java.io.PrintWriter(trace));
      printed.add(trace.toString());
      printed.add(Files.readString(ledgerFile));
      printed.add(provisioner.export(WORKSPACE, null).toString());
      printed.add(log.text());
      assertTrue(log.size() > 0, "FULL logging logged");
    }
    for (String text : printed) {
      for (String sentinel : SENTINELS) {
        assertFalse(text.contains(sentinel), () -> "a secret printed in: " + text);
      }
    }
    assertTrue(Files.readString(ledgerFile).contains("\"hashes\""));
    if (Files.getFileAttributeView(ledgerFile, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ledgerFile)));
    }
  }

  @Test
  void exportThenApplyOnAFreshEmulatorThenExportGivesTheSameDeclarations() {
    admin.seed(emptyWorkspace());
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    converge(provisioner, useCase("HIGH"));
    DesiredState exported = provisioner.export(WORKSPACE, null);
    assertTrue(exported.get(PROJECT_ADDR.child("variable", "DB_PASSWORD")).orElseThrow().fields().get("value")
        instanceof EnvRef e && e.name().equals("DB_PASSWORD"));
    assertEquals(new EnvRef("PROV_GITHUB_TOKEN"), exported.get(INTEGRATION_ADDR).orElseThrow().fields().get("token"));
    assertEquals(List.of("Build", "Test", "Deploy"), exported.resources().stream()
        .filter(d -> d.kind().word().equals("action")).map(Declared::key).toList());

    admin.seed(emptyWorkspace()); // a fresh Buddy
    Map<String, String> env = Map.of("DB_PASSWORD", DB_PASSWORD, "DEPLOY_SSH", SSH_KEY, "PROV_GITHUB_TOKEN", GITHUB_TOKEN,
        "HTTPS_HOOKS_EXAMPLE_COM_PROV_SECRET_KEY", WEBHOOK_KEY);
    DesiredState reapplied = new DesiredState();
    exported.resources().forEach(d -> reapplied.add(new Declared(d.address(), d.kind(), withSecrets(d.fields(), env), null)));
    Provisioner elsewhere = new Provisioner(buddy, new InMemorySecretLedger());
    converge(elsewhere, reapplied);
    DesiredState again = elsewhere.export(WORKSPACE, null);
    assertEquals(describe(exported), describe(again));
    assertEquals(describe(new Provisioner(buddy, new InMemorySecretLedger()).export(WORKSPACE, "prov-web")),
        describe(filter(again, "prov-web")), "one project's export is the workspace's, from the project down");
  }

  /** Apply, then apply with prune (which must find nothing more to do), then a plan with nothing left. */
  private static void converge(Provisioner provisioner, DesiredState desired) {
    ApplyReport created = provisioner.apply(provisioner.plan(desired, false), c -> { });
    assertTrue(created.succeeded(), () -> PlanText.text(created));
    ApplyReport pruned = provisioner.apply(provisioner.plan(desired, true), c -> { });
    assertTrue(pruned.succeeded(), () -> PlanText.text(pruned));
    assertFalse(provisioner.plan(desired, true).hasChanges());
  }

  @Test
  void buddysBuiltInPermissionSetsAreNeitherPrunedNorExported() {
    admin.seed(emptyWorkspace()); // the workspace still has Buddy's own sets: Developer, Read only, Project manager
    Provisioner provisioner = new Provisioner(buddy, new InMemorySecretLedger());
    DesiredState desired = new DesiredState().add(declared(WS.child("permissionSet", "prov-role"), "description", "provisioned",
        "type", "CUSTOM", "pipeline_access_level", "RUN_ONLY"));
    Plan plan = provisioner.plan(desired, true);
    assertEquals(List.of(Change.Action.CREATE), plan.pending().stream().map(Change::action).toList(), PlanText.text(plan));
    assertTrue(provisioner.apply(plan, c -> { }).succeeded());
    assertFalse(provisioner.plan(desired, true).hasChanges());
    assertEquals(List.of(WS.child("permissionSet", "prov-role")), provisioner.export(WORKSPACE, null).resources().stream()
        .map(Declared::address).filter(a -> a.kind().equals("permissionSet")).toList());
  }

  private static DesiredState filter(DesiredState state, String project) {
    DesiredState out = new DesiredState();
    state.resources().stream().filter(d -> project.equals(d.address().keyOf("project"))).forEach(out::add);
    return out;
  }

  private static Map<String, Object> withSecrets(Map<String, Object> fields, Map<String, String> env) {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((k, v) -> out.put(k, resolve(v, env)));
    return out;
  }

  private static Object resolve(Object v, Map<String, String> env) {
    if (v instanceof EnvRef e) {
      return Secret.of(env.getOrDefault(e.name(), "FAKE-SECRET-unset-" + e.name()));
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), resolve(x, env)));
      return out;
    }
    return v;
  }

  private static List<String> describe(DesiredState state) {
    return state.resources().stream().map(d -> d.address() + " " + d.kind() + " " + d.fields()).toList();
  }

  /** The default seed with workspace "buddy" emptied: no projects, integrations or other resources. */
  private static JsonObject emptyWorkspace() {
    JsonObject seed = DefaultSeed.load();
    JsonObject ws = seed.getJsonArray("workspaces").getJsonObject(0);
    ws.put("projects", new JsonArray()).put("integrations", new JsonArray()).put("resources", new JsonObject());
    return seed;
  }
}
