package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.buddy4j.core.generated.api.MembersApi;
import org.buddy4j.core.generated.model.IdRef;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.MemberList;
import org.buddy4j.core.generated.model.MemberRequest;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.ProjectList;
import org.buddy4j.core.generated.model.ProjectMemberRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Workspace and project members, and permission sets. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class MemberConsumerPactTest {
  private static final String MEMBERS = "/workspaces/" + WS + "/members";

  private static MembersApi members(MockServer server) {
    return Contract.client(server).api(MembersApi.class);
  }

  private static void member(LambdaDslObject m, int id, String name) {
    links(m);
    m.integerType("id", id);
    m.stringType("name", name);
    m.stringType("email", "ann.smith@example.com");
    m.booleanType("admin", false);
  }

  private static void permissionSet(LambdaDslObject p) {
    links(p);
    p.integerType("id", 1);
    p.stringType("name", "Developer");
    p.stringType("type", "DEVELOPER");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWorkspaceMembers(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("getWorkspaceMembers: list the members of workspace buddy")
            .method("GET").path(MEMBERS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("members", 1, m -> member(m, 1, "Mike Benson"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWorkspaceMembers")
  void listsMembers(MockServer server) {
    MemberList list = members(server).getWorkspaceMembers(WS, null, null, null, null);
    assertEquals(1, list.getMembers().get(0).getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addWorkspaceMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("addWorkspaceMember: invite new.member@example.com")
            .method("POST").path(MEMBERS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("email", "new.member@example.com")).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(m -> {
          // An invited user has no name yet (the spec's Member.name is nullable): only what the invite set.
          links(m);
          m.integerType("id", 101);
          m.stringValue("email", "new.member@example.com");
          m.booleanType("admin", false);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addWorkspaceMember")
  void addsMember(MockServer server) {
    Member added = members(server).addWorkspaceMember(WS, new MemberRequest().email("new.member@example.com"));
    assertEquals("new.member@example.com", added.getEmail());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateWorkspaceMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("updateWorkspaceMember: make member 2 an admin")
            .method("PATCH").path(MEMBERS + "/2")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.booleanValue("admin", true)).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(m -> {
          member(m, 2, "Ann Smith");
          m.numberValue("id", 2);
          m.booleanValue("admin", true);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateWorkspaceMember")
  void makesAdmin(MockServer server) {
    Member member = members(server).updateWorkspaceMember(WS, 2, new MemberRequest().admin(true));
    assertTrue(member.getAdmin());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getMemberProjects(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("getMemberProjects: list the projects of member 2")
            .method("GET").path(MEMBERS + "/2/projects"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("projects", 1, p -> {
            links(p);
            p.stringType("name", PROJECT);
            p.stringType("display_name", "Company Website");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getMemberProjects")
  void listsMemberProjects(MockServer server) {
    ProjectList list = members(server).getMemberProjects(WS, 2, null, null, null, null, null, null);
    assertEquals(PROJECT, list.getProjects().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProjectMembers(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("getProjectMembers: list the members of project company-website")
            .method("GET").path(PROJECT_PATH + "/members"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("members", 1, m -> member(m, 1, "Mike Benson"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProjectMembers")
  void listsProjectMembers(MockServer server) {
    MemberList list = members(server).getProjectMembers(WS, PROJECT, null, null, null, null);
    assertEquals(1, list.getMembers().size());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addProjectMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("addProjectMember: add member 2 to company-website with permission set 1")
            .method("POST").path(PROJECT_PATH + "/members")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.numberValue("id", 2);
              b.object("permission_set", p -> p.numberValue("id", 1));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(m -> {
          member(m, 2, "Ann Smith");
          m.numberValue("id", 2);
          m.object("permission_set", MemberConsumerPactTest::permissionSet);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addProjectMember")
  void addsProjectMember(MockServer server) {
    Member member = members(server).addProjectMember(WS, PROJECT,
        new ProjectMemberRequest().id(2).permissionSet(new IdRef().id(1)));
    assertEquals(1, member.getPermissionSet().getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateProjectMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("updateProjectMember: give member 2 permission set 1 in company-website")
            .method("PATCH").path(PROJECT_PATH + "/members/2")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.object("permission_set", p -> p.numberValue("id", 1))).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(m -> {
          member(m, 2, "Ann Smith");
          m.object("permission_set", MemberConsumerPactTest::permissionSet);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateProjectMember")
  void changesPermissionSet(MockServer server) {
    Member member = members(server).updateProjectMember(WS, PROJECT, 2,
        new ProjectMemberRequest().permissionSet(new IdRef().id(1)));
    assertEquals(2, member.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createPermissionSet(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createPermissionSet: create permission set Contract testers")
            .method("POST").path("/workspaces/" + WS + "/permissions")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Contract testers");
              b.stringValue("description", "Read-only access for contract tests");
              b.stringValue("repository_access_level", "READ_ONLY");
              b.stringValue("pipeline_access_level", "READ_ONLY");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(p -> {
          links(p);
          p.integerType("id", 101);
          p.stringValue("name", "Contract testers");
          p.stringType("type", "CUSTOM");
          p.stringValue("repository_access_level", "READ_ONLY");
          p.stringValue("pipeline_access_level", "READ_ONLY");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createPermissionSet")
  void createsPermissionSet(MockServer server) {
    PermissionSet set = members(server).createPermissionSet(WS, new PermissionSet().name("Contract testers")
        .description("Read-only access for contract tests").repositoryAccessLevel("READ_ONLY")
        .pipelineAccessLevel("READ_ONLY"));
    assertEquals("Contract testers", set.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWorkspaceMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("getWorkspaceMember: get member 2 of workspace buddy")
            .method("GET").path(MEMBERS + "/2"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(m -> {
          member(m, 2, "Ann Smith");
          m.numberValue("id", 2);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWorkspaceMember")
  void getsMember(MockServer server) {
    assertEquals("Ann Smith", members(server).getWorkspaceMember(WS, 2).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteWorkspaceMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to workspace buddy")
            .uponReceiving("deleteWorkspaceMember: remove member 2 from workspace buddy")
            .method("DELETE").path(MEMBERS + "/2"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteWorkspaceMember")
  void removesMember(MockServer server) {
    assertDoesNotThrow(() -> members(server).deleteWorkspaceMember(WS, 2));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProjectMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to project company-website")
            .uponReceiving("getProjectMember: get member 2 of company-website with its permission set")
            .method("GET").path(PROJECT_PATH + "/members/2"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(m -> {
          member(m, 2, "Ann Smith");
          m.numberValue("id", 2);
          m.object("permission_set", MemberConsumerPactTest::permissionSet);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProjectMember")
  void getsProjectMember(MockServer server) {
    Member member = members(server).getProjectMember(WS, PROJECT, 2);
    assertEquals("Developer", member.getPermissionSet().getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteProjectMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to project company-website")
            .uponReceiving("deleteProjectMember: remove member 2 from company-website")
            .method("DELETE").path(PROJECT_PATH + "/members/2"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteProjectMember")
  void removesProjectMember(MockServer server) {
    assertDoesNotThrow(() -> members(server).deleteProjectMember(WS, PROJECT, 2));
  }
}
