package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.buddy4j.core.generated.api.GroupsApi;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.GroupList;
import org.buddy4j.core.generated.model.GroupMemberRequest;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.MemberList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workspace groups and their members. The provider assigns the group's ID, so paths take it from the
 * provider state ({@code groupId}, see {@link WorkspaceFamilyStates}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class GroupConsumerPactTest {
  private static final String GROUPS = "/workspaces/" + WS + "/groups";
  private static final String GROUP = GROUPS + "/${groupId}";
  private static final String GROUP_EXAMPLE = GROUPS + "/1";

  private static GroupsApi groups(MockServer server) {
    return Contract.client(server).api(GroupsApi.class);
  }

  private static void group(LambdaDslObject g, String name) {
    links(g);
    g.integerType("id", 1);
    g.stringType("name", name);
  }

  private static void groupMember(LambdaDslObject m) {
    links(m);
    m.numberValue("id", 2);
    m.stringType("name", "Ann Smith");
    m.stringType("email", "ann.smith@example.com");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getGroups(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers exists in workspace buddy")
            .uponReceiving("getGroups: list the groups of workspace buddy")
            .method("GET").path(GROUPS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("groups", 1, g -> group(g, "Developers"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroups")
  void listsGroups(MockServer server) {
    GroupList list = groups(server).getGroups(WS);
    assertEquals("Developers", list.getGroups().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createGroup: create group Developers")
            .method("POST").path(GROUPS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Developers");
              b.stringValue("description", "Everyone who ships code");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(g -> {
          group(g, "Developers");
          g.stringValue("name", "Developers");
          g.stringValue("description", "Everyone who ships code");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createGroup")
  void createsGroup(MockServer server) {
    Group group = groups(server).createGroup(WS, new Group().name("Developers").description("Everyone who ships code"));
    assertEquals("Everyone who ships code", group.getDescription());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers exists in workspace buddy")
            .uponReceiving("getGroup: get group Developers")
            .method("GET").pathFromProviderState(GROUP, GROUP_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(g -> {
          group(g, "Developers");
          g.stringValue("name", "Developers");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroup")
  void getsGroup(MockServer server) {
    assertEquals("Developers", groups(server).getGroup(WS, 1).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers exists in workspace buddy")
            .uponReceiving("updateGroup: rename group Developers to Maintainers")
            .method("PATCH").pathFromProviderState(GROUP, GROUP_EXAMPLE)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "Maintainers")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(g -> {
          group(g, "Maintainers");
          g.stringValue("name", "Maintainers");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateGroup")
  void renamesGroup(MockServer server) {
    assertEquals("Maintainers", groups(server).updateGroup(WS, 1, new Group().name("Maintainers")).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers exists in workspace buddy")
            .uponReceiving("deleteGroup: delete group Developers")
            .method("DELETE").pathFromProviderState(GROUP, GROUP_EXAMPLE))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteGroup")
  void deletesGroup(MockServer server) {
    assertDoesNotThrow(() -> groups(server).deleteGroup(WS, 1));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getGroupMembers(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to group Developers")
            .uponReceiving("getGroupMembers: list the members of group Developers")
            .method("GET").pathFromProviderState(GROUP + "/members", GROUP_EXAMPLE + "/members"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("members", 1, GroupConsumerPactTest::groupMember);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroupMembers")
  void listsGroupMembers(MockServer server) {
    MemberList list = groups(server).getGroupMembers(WS, 1);
    assertEquals(2, list.getMembers().get(0).getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addGroupMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers exists in workspace buddy")
            .uponReceiving("addGroupMember: add member 2 to group Developers")
            .method("POST").pathFromProviderState(GROUP + "/members", GROUP_EXAMPLE + "/members")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.numberValue("id", 2)).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(GroupConsumerPactTest::groupMember).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addGroupMember")
  void addsGroupMember(MockServer server) {
    Member member = groups(server).addGroupMember(WS, 1, new GroupMemberRequest().id(2));
    assertEquals(2, member.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getGroupMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to group Developers")
            .uponReceiving("getGroupMember: get member 2 of group Developers")
            .method("GET").pathFromProviderState(GROUP + "/members/2", GROUP_EXAMPLE + "/members/2"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(GroupConsumerPactTest::groupMember).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getGroupMember")
  void getsGroupMember(MockServer server) {
    assertEquals("Ann Smith", groups(server).getGroupMember(WS, 1, 2).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateGroupMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to group Developers")
            .uponReceiving("updateGroupMember: make member 2 a manager of group Developers")
            .method("PATCH").pathFromProviderState(GROUP + "/members/2", GROUP_EXAMPLE + "/members/2")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("status", "MANAGER")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(m -> {
          groupMember(m);
          m.stringValue("status", "MANAGER");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateGroupMember")
  void makesManager(MockServer server) {
    Member member = groups(server).updateGroupMember(WS, 1, 2, new GroupMemberRequest().status("MANAGER"));
    assertEquals("MANAGER", member.getStatus());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteGroupMember(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("member 2 belongs to group Developers")
            .uponReceiving("deleteGroupMember: remove member 2 from group Developers")
            .method("DELETE").pathFromProviderState(GROUP + "/members/2", GROUP_EXAMPLE + "/members/2"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteGroupMember")
  void removesGroupMember(MockServer server) {
    assertDoesNotThrow(() -> groups(server).deleteGroupMember(WS, 1, 2));
  }
}
