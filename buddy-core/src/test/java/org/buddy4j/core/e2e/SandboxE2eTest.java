package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.SandboxClient;
import org.buddy4j.core.Sandboxes;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyTimeoutException;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.Sandbox;
import org.buddy4j.core.generated.model.SandboxRequest;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.Test;

/** Sandboxes through the facade: CRUD, the project filter, start/stop and the waits on simulated time, typed errors. */
class SandboxE2eTest extends E2eTestBase {

  private static SandboxRequest named(String name) {
    return new SandboxRequest().name(name).os("ubuntu:24.04").resources("2x4");
  }

  /** A client whose pauses move the emulator's clock too; polls every 1–10 simulated seconds. */
  private static BuddyClient onSharedTime(SharedTime time) {
    return client().pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(10)).clock(time).sleeper(time).build();
  }

  @Test
  void aSandboxIsCreatedReadListedUpdatedAndDeleted() {
    Sandboxes sandboxes = project().sandboxes();
    Sandbox created = sandboxes.create(named("e2e-crud"));
    String id = created.getId();
    assertNotNull(id);
    assertEquals("e2e-crud", sandboxes.get(id).getName());
    assertTrue(sandboxes.list().anyMatch(s -> id.equals(s.getId())), "the project lists it");
    assertTrue(buddy.workspace(WORKSPACE).sandboxes().list().anyMatch(s -> id.equals(s.getId())), "the workspace lists it");
    assertEquals("company-website", admin.requests("createSandbox").get(0).getString("query").replace("project_name=", ""));

    assertEquals("e2e-renamed", sandboxes.update(id, new SandboxRequest().name("e2e-renamed")).getName());
    assertEquals("e2e-renamed", sandboxes.sandbox(id).get().getName());

    sandboxes.sandbox(id).delete();
    assertEquals(Optional.empty(), sandboxes.find(id));
    assertThrows(BuddyNotFoundException.class, () -> sandboxes.get(id));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).sandboxes().sandbox(id).get());
  }

  @Test
  void aProjectListsOnlyItsOwnSandboxesAndTheWorkspaceAll() {
    buddy.api(ProjectsApi.class).createProject(WORKSPACE, new ProjectCreateRequest().name("e2e-other").displayName("e2e other")
        .withoutRepository(true));
    Sandbox mine = project().sandboxes().create(named("e2e-mine"));
    Sandbox other = buddy.workspace(WORKSPACE).project("e2e-other").sandboxes().create(named("e2e-other"));

    List<String> inProject = project().sandboxes().list().map(Sandbox::getId).toList();
    List<String> inWorkspace = buddy.workspace(WORKSPACE).sandboxes().list().map(Sandbox::getId).toList();
    assertTrue(inProject.contains(mine.getId()), inProject::toString);
    assertTrue(!inProject.contains(other.getId()), inProject::toString);
    assertTrue(inWorkspace.containsAll(List.of(mine.getId(), other.getId())), inWorkspace::toString);
  }

  @Test
  void aWorkspaceCannotCreateASandboxWithoutAProjectAndSendsNothing() {
    admin.clearRequests();
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> buddy.workspace(WORKSPACE).sandboxes().create(named("e2e-nowhere")));
    assertTrue(e.getMessage().contains("project(name).sandboxes().create"), e.getMessage());
    assertEquals(List.of(), admin.requests());
  }

  @Test
  void aSandboxStartsStopsAndStartsAgainOnTheSimulatedClock() {
    SharedTime time = new SharedTime(admin);
    BuddyClient client = onSharedTime(time);
    Sandbox created = client.workspace(WORKSPACE).project(PROJECT).sandboxes().create(named("e2e-life"));
    assertEquals("STARTING", created.getStatus());
    SandboxClient sandbox = client.workspace(WORKSPACE).sandboxes().sandbox(created.getId());

    assertEquals("RUNNING", sandbox.waitUntilRunning(Duration.ofMinutes(30)).getStatus());
    assertTrue(time.slept().compareTo(Duration.ZERO) > 0, "it took simulated time to start");

    Sandbox stopping = sandbox.stop();
    assertTrue(List.of("STOPPING", "STOPPED").contains(stopping.getStatus()), stopping::getStatus);
    assertEquals("STOPPED", sandbox.waitUntilStopped(Duration.ofMinutes(30)).getStatus());

    Sandbox starting = sandbox.start();
    assertTrue(List.of("STARTING", "RUNNING").contains(starting.getStatus()), starting::getStatus);
    assertEquals("RUNNING", sandbox.waitUntilRunning(Duration.ofMinutes(30)).getStatus());
    assertEquals(1, admin.requests("stopSandbox").size());
    assertEquals(1, admin.requests("startSandbox").size());
  }

  @Test
  void aSandboxThatDoesNotStartInTimeIsATypedTimeoutAtTheDeadline() {
    // Only the client's clock moves: the emulator's stays frozen, so the sandbox stays STARTING.
    SimulatedTime time = new SimulatedTime(admin.now());
    BuddyClient client = client().pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(10)).clock(time).sleeper(time).build();
    Sandbox created = client.workspace(WORKSPACE).project(PROJECT).sandboxes().create(named("e2e-slow"));

    BuddyTimeoutException e = assertThrows(BuddyTimeoutException.class,
        () -> client.workspace(WORKSPACE).sandboxes().sandbox(created.getId()).waitUntilRunning(Duration.ofMinutes(5)));
    assertEquals("sandbox " + created.getId() + " of workspace buddy is still STARTING after 300 s", e.getMessage());
    assertEquals(Duration.ofMinutes(5), time.slept(), "it waited exactly to the deadline");
  }

  @Test
  void aStartWhoseAnswerIsLostIsOutcomeUnknownAndNotSentAgain() {
    SharedTime time = new SharedTime(admin);
    BuddyClient client = onSharedTime(time);
    Sandbox created = client.workspace(WORKSPACE).project(PROJECT).sandboxes().create(named("e2e-once"));
    SandboxClient sandbox = client.workspace(WORKSPACE).sandboxes().sandbox(created.getId());
    sandbox.waitUntilRunning(Duration.ofMinutes(30));
    sandbox.stop();
    sandbox.waitUntilStopped(Duration.ofMinutes(30));
    admin.clearRequests();
    admin.faults(new JsonObject().put("method", "POST").put("operationId", "startSandbox").put("resetAfterApply", true));

    BuddyOutcomeUnknownException e = assertThrows(BuddyOutcomeUnknownException.class, sandbox::start);
    assertTrue(e.path().endsWith("/sandboxes/" + created.getId() + "/start"), e.path());
    assertEquals(1, admin.requests("startSandbox").size(), "one POST, although GETs would be retried");

    admin.faults();
    assertEquals("RUNNING", sandbox.waitUntilRunning(Duration.ofMinutes(30)).getStatus(), "the start was applied, once");
  }

  @Test
  void anEncryptedSandboxVariableIsPrintedNowhereEvenWithFullLogging() {
    String sentinel = "FAKE-SECRET-sandbox-var-7731";
    String printed;
    try (CapturedLog log = new CapturedLog()) {
      BuddyClient verbose = client().logLevel(LogLevel.FULL).build();
      Sandbox created = verbose.workspace(WORKSPACE).project(PROJECT).sandboxes().create(named("e2e-secret")
          .addVariablesItem(new Variable().key("API_KEY").value(sentinel).encrypted(true)));
      Sandbox read = verbose.workspace(WORKSPACE).sandboxes().get(created.getId());
      printed = log.text() + created + read;
      assertTrue(log.text().contains("e2e-secret"), "FULL logging logged the bodies");
      assertTrue(read.getVariables() == null || read.getVariables().stream().noneMatch(v -> sentinel.equals(v.getValue())),
          "Buddy does not return the value");
    }
    assertFalse(printed.contains(sentinel), "the encrypted value is in no log line and no toString");
  }

  @Test
  void anUnknownSandboxIsNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).sandboxes().sandbox("e2e-none").start());
    assertEquals(Optional.empty(), project().sandboxes().find("e2e-none"));
  }
}
