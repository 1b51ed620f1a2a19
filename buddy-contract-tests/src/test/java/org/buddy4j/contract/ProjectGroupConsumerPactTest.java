package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.PROJECT;
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
import org.buddy4j.core.generated.model.IdRef;
import org.buddy4j.core.generated.model.ProjectGroup;
import org.buddy4j.core.generated.model.ProjectGroupList;
import org.buddy4j.core.generated.model.ProjectGroupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project's groups, each with its permission set. The provider assigns the group's and the permission
 * set's IDs, so paths and bodies take them from the provider state ({@code groupId}, {@code permissionSetId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ProjectGroupConsumerPactTest {
  private static final String GROUPS = PROJECT_PATH + "/groups";
  private static final String GROUP = GROUPS + "/${groupId}";
  private static final String GROUP_EXAMPLE = GROUPS + "/1";
  private static final int PERMISSION_SET = 101;

  private static GroupsApi groups(MockServer server) {
    return Contract.client(server).api(GroupsApi.class);
  }

  private static void projectGroup(LambdaDslObject g) {
    links(g);
    g.integerType("id", 1);
    g.stringType("name", "Developers");
    g.object("permission_set", p -> {
      links(p);
      p.integerType("id", PERMISSION_SET);
      p.stringType("name", "Contract testers");
      p.stringType("type", "CUSTOM");
    });
  }

  private static void permissionSetRef(LambdaDslObject body) {
    body.object("permission_set", p -> p.valueFromProviderState("id", "${permissionSetId}", PERMISSION_SET));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProjectGroups(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers has permission set Contract testers in project company-website")
            .uponReceiving("getProjectGroups: list the groups of project company-website")
            .method("GET").path(GROUPS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("groups", 1, ProjectGroupConsumerPactTest::projectGroup);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProjectGroups")
  void listsProjectGroups(MockServer server) {
    ProjectGroupList list = groups(server).getProjectGroups(WS, PROJECT);
    assertEquals("Developers", list.getGroups().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact addProjectGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers and permission set Contract testers exist in workspace buddy")
            .uponReceiving("addProjectGroup: give group Developers permission set Contract testers in company-website")
            .method("POST").path(GROUPS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.valueFromProviderState("id", "${groupId}", 1);
              permissionSetRef(b);
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(ProjectGroupConsumerPactTest::projectGroup).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addProjectGroup")
  void addsProjectGroup(MockServer server) {
    ProjectGroup group = groups(server).addProjectGroup(WS, PROJECT,
        new ProjectGroupRequest().id(1).permissionSet(new IdRef().id(PERMISSION_SET)));
    assertEquals(PERMISSION_SET, group.getPermissionSet().getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProjectGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers has permission set Contract testers in project company-website")
            .uponReceiving("getProjectGroup: get group Developers of project company-website")
            .method("GET").pathFromProviderState(GROUP, GROUP_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(ProjectGroupConsumerPactTest::projectGroup).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProjectGroup")
  void getsProjectGroup(MockServer server) {
    assertEquals("Contract testers", groups(server).getProjectGroup(WS, PROJECT, 1).getPermissionSet().getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateProjectGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers has permission set Contract testers in project company-website")
            .uponReceiving("updateProjectGroup: set the permission set of group Developers in company-website")
            .method("PATCH").pathFromProviderState(GROUP, GROUP_EXAMPLE)
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(ProjectGroupConsumerPactTest::permissionSetRef).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(ProjectGroupConsumerPactTest::projectGroup).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateProjectGroup")
  void changesProjectGroupPermissionSet(MockServer server) {
    ProjectGroup group = groups(server).updateProjectGroup(WS, PROJECT, 1,
        new ProjectGroupRequest().permissionSet(new IdRef().id(PERMISSION_SET)));
    assertEquals(1, group.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteProjectGroup(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("group Developers has permission set Contract testers in project company-website")
            .uponReceiving("deleteProjectGroup: remove group Developers from company-website")
            .method("DELETE").pathFromProviderState(GROUP, GROUP_EXAMPLE))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteProjectGroup")
  void removesProjectGroup(MockServer server) {
    assertDoesNotThrow(() -> groups(server).deleteProjectGroup(WS, PROJECT, 1));
  }
}
