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
import org.buddy4j.core.generated.api.MembersApi;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.PermissionSetList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reading, editing and deleting a workspace's permission sets (creating one is in
 * {@link MemberConsumerPactTest}). The provider assigns the set's ID: paths take it from the provider
 * state ({@code permissionSetId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class PermissionSetConsumerPactTest {
  private static final String SETS = "/workspaces/" + WS + "/permissions";
  private static final String SET = SETS + "/${permissionSetId}";
  private static final String SET_EXAMPLE = SETS + "/101";

  private static MembersApi members(MockServer server) {
    return Contract.client(server).api(MembersApi.class);
  }

  private static void permissionSet(LambdaDslObject p) {
    links(p);
    p.integerType("id", 101);
    p.stringType("name", "Contract testers");
    p.stringType("type", "CUSTOM");
    p.stringType("repository_access_level", "READ_ONLY");
    p.stringType("pipeline_access_level", "READ_ONLY");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPermissionSets(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("permission set Contract testers exists in workspace buddy")
            .uponReceiving("getPermissionSets: list the permission sets of workspace buddy")
            .method("GET").path(SETS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("permission_sets", 1, PermissionSetConsumerPactTest::permissionSet);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPermissionSets")
  void listsPermissionSets(MockServer server) {
    PermissionSetList list = members(server).getPermissionSets(WS);
    assertEquals("Contract testers", list.getPermissionSets().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getPermissionSet(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("permission set Contract testers exists in workspace buddy")
            .uponReceiving("getPermissionSet: get permission set Contract testers")
            .method("GET").pathFromProviderState(SET, SET_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          permissionSet(p);
          p.stringValue("name", "Contract testers");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getPermissionSet")
  void getsPermissionSet(MockServer server) {
    assertEquals("READ_ONLY", members(server).getPermissionSet(WS, 101).getPipelineAccessLevel());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updatePermissionSet(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("permission set Contract testers exists in workspace buddy")
            .uponReceiving("updatePermissionSet: let Contract testers run pipelines")
            .method("PATCH").pathFromProviderState(SET, SET_EXAMPLE)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Contract testers");
              b.stringValue("pipeline_access_level", "RUN_ONLY");
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          permissionSet(p);
          p.stringValue("pipeline_access_level", "RUN_ONLY");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updatePermissionSet")
  void letsRunPipelines(MockServer server) {
    PermissionSet set = members(server).updatePermissionSet(WS, 101,
        new PermissionSet().name("Contract testers").pipelineAccessLevel("RUN_ONLY"));
    assertEquals("RUN_ONLY", set.getPipelineAccessLevel());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deletePermissionSet(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("permission set Contract testers exists in workspace buddy")
            .uponReceiving("deletePermissionSet: delete permission set Contract testers")
            .method("DELETE").pathFromProviderState(SET, SET_EXAMPLE))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deletePermissionSet")
  void deletesPermissionSet(MockServer server) {
    assertDoesNotThrow(() -> members(server).deletePermissionSet(WS, 101));
  }
}
