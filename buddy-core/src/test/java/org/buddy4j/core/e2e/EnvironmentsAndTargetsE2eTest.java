package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Resources;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.Target;
import org.buddy4j.core.generated.model.TargetAuth;
import org.junit.jupiter.api.Test;

/** Environments (workspace-wide and a project's) and deployment targets through the facade. */
class EnvironmentsAndTargetsE2eTest extends E2eTestBase {

  @Test
  void anEnvironmentIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Environment, String, Environment, Environment> environments = buddy.workspace(WORKSPACE).environments();
    Environment created = environments.create(new Environment().name("Staging").identifier("staging"));
    assertNotNull(created.getId());
    assertEquals("staging", environments.get(created.getId()).getIdentifier());
    assertTrue(identifiers(environments).contains("staging"), identifiers(environments).toString());

    assertEquals("Staging EU", environments.update(created.getId(), new Environment().name("Staging EU")).getName());
    assertEquals("Staging EU", environments.get(created.getId()).getName());

    environments.delete(created.getId());
    assertThrows(BuddyNotFoundException.class, () -> environments.get(created.getId()));
  }

  /** A user gives one project its own production environment and sees it listed with that project only. */
  @Test
  void aProjectEnvironmentBelongsToItsProject() {
    Resources<Environment, String, Environment, Environment> environments = project().environments();
    Environment created = environments.create(new Environment().name("Production").identifier("production"));
    assertEquals(PROJECT, created.getProject().getName());
    assertTrue(identifiers(environments).contains("production"), identifiers(environments).toString());
    assertFalse(identifiers(buddy.workspace(WORKSPACE).project("my-project").environments()).contains("production"));
    assertTrue(identifiers(buddy.workspace(WORKSPACE).environments()).contains("production"), "the workspace lists all");
    assertEquals(List.of("project_name=" + PROJECT), admin.requests("getEnvironments").stream()
        .map(r -> r.getString("query")).limit(1).collect(Collectors.toList()));
  }

  @Test
  void aTargetIsCreatedReadListedUpdatedAndDeletedWithoutItsPasswordComingBack() {
    Resources<Target, String, Target, Target> targets = buddy.workspace(WORKSPACE).targets();
    Target created = targets.create(new Target().name("Web server").identifier("web-server").type("SSH")
        .host("192.0.2.10").port("22")
        .auth(new TargetAuth().method("PASSWORD").username("deploy").password("FAKE-SECRET-target-password")));
    assertNotNull(created.getId());
    Target read = targets.get(created.getId());
    assertEquals("192.0.2.10", read.getHost());
    assertTrue(read.getAuth() == null || read.getAuth().getPassword() == null, "the password is write-only");
    assertTrue(targets.list().map(Target::getIdentifier).collect(Collectors.toList()).contains("web-server"));

    assertEquals("192.0.2.11", targets.update(created.getId(), new Target().host("192.0.2.11")).getHost());
    assertEquals("192.0.2.11", targets.get(created.getId()).getHost());

    targets.delete(created.getId());
    assertTrue(targets.find(created.getId()).isEmpty());
  }

  @Test
  void anUnknownEnvironmentOrTargetIsATypedNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).environments().get("no-such-env"));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).targets().get("no-such-target"));
  }

  private static List<String> identifiers(Resources<Environment, ?, ?, ?> environments) {
    return environments.list().map(Environment::getIdentifier).collect(Collectors.toList());
  }
}
