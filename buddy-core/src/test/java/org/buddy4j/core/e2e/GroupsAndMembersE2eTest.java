package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Resources;
import org.buddy4j.core.WorkspaceClient;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.GroupMemberRequest;
import org.buddy4j.core.generated.model.IdRef;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.MemberRequest;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectGroup;
import org.buddy4j.core.generated.model.ProjectGroupRequest;
import org.buddy4j.core.generated.model.ProjectMemberRequest;
import org.junit.jupiter.api.Test;

/** Who may do what: permission sets, groups and their members, workspace and project members, project groups. */
class GroupsAndMembersE2eTest extends E2eTestBase {
  /** Ann Smith, the seed's second workspace member (not an admin). */
  private static final int ANN = 2;

  private static WorkspaceClient ws() {
    return buddy.workspace(WORKSPACE);
  }

  @Test
  void aPermissionSetIsCreatedReadListedUpdatedAndDeleted() {
    Resources<PermissionSet, Integer, PermissionSet, PermissionSet> sets = ws().permissionSets();
    PermissionSet created = sets.create(developer());
    assertNotNull(created.getId());
    assertEquals("Deployer", sets.get(created.getId()).getName());
    assertTrue(sets.list().map(PermissionSet::getName).collect(Collectors.toList()).contains("Deployer"));
    assertEquals("Dev", sets.update(created.getId(), new PermissionSet().name("Dev")).getName());
    assertEquals("Dev", sets.get(created.getId()).getName());
    sets.delete(created.getId());
    assertThrows(BuddyNotFoundException.class, () -> sets.get(created.getId()));
  }

  @Test
  void aGroupAndItsMembersAreCreatedReadListedUpdatedAndDeleted() {
    Resources<Group, Integer, Group, Group> groups = ws().groups();
    Group created = groups.create(new Group().name("Developers").description("who ships"));
    assertEquals("Developers", groups.get(created.getId()).getName());
    assertTrue(groups.list().map(Group::getName).collect(Collectors.toList()).contains("Developers"));
    assertEquals("Devs", groups.update(created.getId(), new Group().name("Devs")).getName());

    Resources<Member, Integer, GroupMemberRequest, GroupMemberRequest> members = ws().group(created.getId()).members();
    assertEquals(ANN, members.create(new GroupMemberRequest().id(ANN)).getId());
    assertEquals("ann.smith@example.com", members.get(ANN).getEmail());
    assertEquals(List.of(ANN), members.list().map(Member::getId).collect(Collectors.toList()));
    assertEquals("MANAGER", members.update(ANN, new GroupMemberRequest().status("MANAGER")).getStatus());
    members.delete(ANN);
    assertTrue(members.list().findAny().isEmpty());

    groups.delete(created.getId());
    assertThrows(BuddyNotFoundException.class, () -> ws().group(created.getId()).get());
  }

  @Test
  void aWorkspaceMemberIsInvitedReadListedUpdatedAndRemoved() {
    Resources<Member, Integer, MemberRequest, MemberRequest> members = ws().members();
    Member invited = members.create(new MemberRequest().email("new.dev@example.com"));
    assertNotNull(invited.getId());
    assertEquals("new.dev@example.com", members.get(invited.getId()).getEmail());
    assertTrue(members.list().map(Member::getEmail).collect(Collectors.toList()).contains("new.dev@example.com"));
    assertEquals(Boolean.TRUE, members.update(invited.getId(), new MemberRequest().admin(true)).getAdmin());
    assertEquals(Boolean.TRUE, ws().member(invited.getId()).get().getAdmin());
    members.delete(invited.getId());
    assertTrue(members.find(invited.getId()).isEmpty());
  }

  @Test
  void aProjectMemberIsAddedWithAPermissionSetAndSeesTheProject() {
    PermissionSet developer = ws().permissionSets().create(developer());
    Resources<Member, Integer, ProjectMemberRequest, ProjectMemberRequest> members = project().members();
    members.create(new ProjectMemberRequest().id(ANN).permissionSet(new IdRef().id(developer.getId())));
    assertEquals("Deployer", members.get(ANN).getPermissionSet().getName());
    assertTrue(members.list().map(Member::getId).collect(Collectors.toList()).contains(ANN));
    assertTrue(ws().member(ANN).projects().list().map(Project::getName).collect(Collectors.toList()).contains(PROJECT));

    PermissionSet reader = ws().permissionSets().create(new PermissionSet().name("Reader").type("CUSTOM")
        .pipelineAccessLevel("READ_ONLY").repositoryAccessLevel("READ_ONLY"));
    members.update(ANN, new ProjectMemberRequest().permissionSet(new IdRef().id(reader.getId())));
    assertEquals("Reader", members.get(ANN).getPermissionSet().getName());
    members.delete(ANN);
    assertThrows(BuddyNotFoundException.class, () -> members.get(ANN));
  }

  /** A user onboards a team: a permission set, a group with a member, the group given access to a project. */
  @Test
  void aGroupIsGivenAccessToAProject() {
    PermissionSet developer = ws().permissionSets().create(developer());
    Group team = ws().groups().create(new Group().name("Web team"));
    ws().group(team.getId()).members().create(new GroupMemberRequest().id(ANN));

    Resources<ProjectGroup, Integer, ProjectGroupRequest, ProjectGroupRequest> groups = project().groups();
    groups.create(new ProjectGroupRequest().id(team.getId()).permissionSet(new IdRef().id(developer.getId())));
    ProjectGroup read = groups.get(team.getId());
    assertEquals("Web team", read.getName());
    assertEquals("Deployer", read.getPermissionSet().getName());
    assertEquals(List.of(team.getId()), groups.list().map(ProjectGroup::getId).collect(Collectors.toList()));

    PermissionSet reader = ws().permissionSets().create(new PermissionSet().name("Reader").type("CUSTOM")
        .pipelineAccessLevel("READ_ONLY").repositoryAccessLevel("READ_ONLY"));
    groups.update(team.getId(), new ProjectGroupRequest().permissionSet(new IdRef().id(reader.getId())));
    assertEquals("Reader", groups.get(team.getId()).getPermissionSet().getName());
    groups.delete(team.getId());
    assertFalse(groups.list().map(ProjectGroup::getId).anyMatch(id -> id.equals(team.getId())));
  }

  @Test
  void unknownGroupsMembersAndSetsAreTypedNotFounds() {
    assertThrows(BuddyNotFoundException.class, () -> ws().groups().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> ws().members().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> ws().permissionSets().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> project().groups().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> project().members().get(999999));
  }

  /** Not named "Developer": that is the built-in set's name, and a workspace's set names are unique. */
  private static PermissionSet developer() {
    return new PermissionSet().name("Deployer").type("CUSTOM").pipelineAccessLevel("RUN_ONLY")
        .repositoryAccessLevel("READ_WRITE");
  }
}
