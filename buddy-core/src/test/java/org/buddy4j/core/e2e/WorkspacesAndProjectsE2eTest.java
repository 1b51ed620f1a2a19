package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Resources;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.ProjectUpdateRequest;
import org.buddy4j.core.generated.model.Workspace;
import org.buddy4j.core.generated.model.WorkspaceCreateRequest;
import org.buddy4j.core.generated.model.WorkspaceUpdateRequest;
import org.junit.jupiter.api.Test;

/** {@code buddy.workspaces()} and {@code workspace.projects()} through the facade: create, read, list, update, delete. */
class WorkspacesAndProjectsE2eTest extends E2eTestBase {

  @Test
  void aWorkspaceIsCreatedReadListedRenamedAndDeleted() {
    Resources<Workspace, String, WorkspaceCreateRequest, WorkspaceUpdateRequest> workspaces = buddy.workspaces();
    Workspace created = workspaces.create(new WorkspaceCreateRequest().name("Acme E2E").domain("acme-e2e"));
    assertEquals("acme-e2e", created.getDomain());
    assertNotNull(created.getId());

    assertEquals("Acme E2E", workspaces.get("acme-e2e").getName());
    assertEquals("Acme E2E", buddy.workspace("acme-e2e").get().getName());
    assertTrue(domains(workspaces).contains("acme-e2e"), domains(workspaces).toString());

    assertEquals("Acme Renamed", workspaces.update("acme-e2e", new WorkspaceUpdateRequest().name("Acme Renamed")).getName());
    assertEquals("Acme Renamed", workspaces.get("acme-e2e").getName());

    workspaces.delete("acme-e2e");
    assertThrows(BuddyNotFoundException.class, () -> workspaces.get("acme-e2e"));
    assertTrue(workspaces.find("acme-e2e").isEmpty());
    assertTrue(domains(workspaces).contains(WORKSPACE), "the seed's workspace is still there");
  }

  @Test
  void aProjectIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Project, String, ProjectCreateRequest, ProjectUpdateRequest> projects = buddy.workspace(WORKSPACE).projects();
    Project created = projects.create(new ProjectCreateRequest().displayName("Shop").name("shop").withoutRepository(true));
    assertEquals("shop", created.getName());

    assertEquals("Shop", projects.get("shop").getDisplayName());
    assertEquals("Shop", buddy.workspace(WORKSPACE).project("shop").get().getDisplayName());
    assertTrue(names(projects).contains("shop"), names(projects).toString());

    assertEquals("Shop 2", projects.update("shop", new ProjectUpdateRequest().displayName("Shop 2")).getDisplayName());
    assertEquals("Shop 2", projects.get("shop").getDisplayName());

    projects.delete("shop");
    assertThrows(BuddyNotFoundException.class, () -> projects.get("shop"));
    assertTrue(projects.find("shop").isEmpty());
  }

  /** A user with many projects reads them a page at a time, or lets the stream walk every page. */
  @Test
  void projectsArePagedAsTheListIsRead() {
    Resources<Project, String, ProjectCreateRequest, ProjectUpdateRequest> projects = buddy.workspace(WORKSPACE).projects();
    int before = (int) projects.list().count();
    for (int i = 1; i <= 3; i++) {
      projects.create(new ProjectCreateRequest().displayName("Paged " + i).name("paged-" + i).withoutRepository(true));
    }
    assertEquals(2, projects.page(1, 2).size());
    assertEquals(before + 3, projects.list().count());
    List<String> byPages = new java.util.ArrayList<>();
    for (int page = 1; byPages.size() < before + 3; page++) {
      List<Project> one = projects.page(page, 2);
      assertTrue(!one.isEmpty() && one.size() <= 2, "page " + page + " holds " + one.size());
      one.forEach(p -> byPages.add(p.getName()));
    }
    assertEquals(names(projects), byPages, "pages and the lazy list agree");
    assertTrue(byPages.containsAll(List.of("paged-1", "paged-2", "paged-3")), byPages.toString());
  }

  @Test
  void anUnknownWorkspaceOrProjectIsATypedNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspaces().get("no-such-workspace"));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).projects().get("no-such-project"));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).projects().delete("no-such-project"));
  }

  private static List<String> domains(Resources<Workspace, ?, ?, ?> workspaces) {
    return workspaces.list().map(Workspace::getDomain).collect(Collectors.toList());
  }

  private static List<String> names(Resources<Project, ?, ?, ?> projects) {
    return projects.list().map(Project::getName).collect(Collectors.toList());
  }
}
