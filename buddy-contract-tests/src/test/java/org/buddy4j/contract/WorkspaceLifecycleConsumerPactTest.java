package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.DATE;
import static org.buddy4j.contract.Contract.DATE_EXAMPLE;
import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
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
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.WorkspacesApi;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectUpdateRequest;
import org.buddy4j.core.generated.model.Workspace;
import org.buddy4j.core.generated.model.WorkspaceCreateRequest;
import org.buddy4j.core.generated.model.WorkspaceUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creating, changing and deleting workspaces and projects (reading them is in WorkspaceConsumerPactTest
 * and ProjectConsumerPactTest). The encryption salt is write-only: sent as a sentinel, never answered.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class WorkspaceLifecycleConsumerPactTest {
  private static final String NEW_WS = "contract-tests";
  private static final String SALT = "FAKE-pact-encryption-salt";

  private static void workspace(LambdaDslObject w, String name, String domain) {
    links(w);
    w.integerType("id", 2);
    w.stringType("name", name);
    w.stringValue("domain", domain);
    w.integerType("owner_id", 1);
    w.booleanType("frozen", false);
    w.stringMatcher("create_date", DATE, DATE_EXAMPLE);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createWorkspace(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace " + NEW_WS + " does not exist")
            .uponReceiving("createWorkspace: create workspace " + NEW_WS + " with an encryption salt")
            .method("POST").path("/workspaces")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Contract tests");
              b.stringValue("domain", NEW_WS);
              b.stringValue("encryption_salt", SALT);
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(w -> {
          workspace(w, "Contract tests", NEW_WS);
          w.stringValue("name", "Contract tests");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createWorkspace")
  void createsWorkspace(MockServer server) {
    Workspace ws = Contract.client(server).api(WorkspacesApi.class).createWorkspace(
        new WorkspaceCreateRequest().name("Contract tests").domain(NEW_WS).encryptionSalt(SALT));
    assertEquals(NEW_WS, ws.getDomain());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateWorkspace(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("updateWorkspace: rename workspace buddy")
            .method("PATCH").path("/workspaces/" + WS)
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "Buddy (contracts)")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(w -> {
          workspace(w, "Buddy (contracts)", WS);
          w.integerType("id", 1);
          w.stringValue("name", "Buddy (contracts)");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateWorkspace")
  void renamesWorkspace(MockServer server) {
    Workspace ws = Contract.client(server).api(WorkspacesApi.class)
        .updateWorkspace(WS, new WorkspaceUpdateRequest().name("Buddy (contracts)"));
    assertEquals("Buddy (contracts)", ws.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteWorkspace(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace " + NEW_WS + " exists")
            .uponReceiving("deleteWorkspace: delete workspace " + NEW_WS)
            .method("DELETE").path("/workspaces/" + NEW_WS))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteWorkspace")
  void deletesWorkspace(MockServer server) {
    Contract.client(server).api(WorkspacesApi.class).deleteWorkspace(NEW_WS);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("updateProject: rename company-website and make it private")
            .method("PATCH").path(PROJECT_PATH)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("display_name", "Company Website (contracts)");
              b.stringValue("access", "PRIVATE");
              b.booleanValue("allow_pull_requests", true);
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          links(p);
          p.stringValue("name", PROJECT);
          p.stringValue("display_name", "Company Website (contracts)");
          p.stringType("status", "ACTIVE");
          p.stringValue("access", "PRIVATE");
          p.booleanValue("allow_pull_requests", true);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateProject")
  void updatesProject(MockServer server) {
    Project project = Contract.client(server).api(ProjectsApi.class).updateProject(WS, PROJECT,
        new ProjectUpdateRequest().displayName("Company Website (contracts)")
            .access(ProjectUpdateRequest.AccessEnum.PRIVATE).allowPullRequests(true));
    assertEquals("Company Website (contracts)", project.getDisplayName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project landing-page exists in workspace buddy")
            .uponReceiving("deleteProject: delete project landing-page")
            .method("DELETE").path("/workspaces/" + WS + "/projects/landing-page"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteProject")
  void deletesProject(MockServer server) {
    Contract.client(server).api(ProjectsApi.class).deleteProject(WS, "landing-page");
  }
}
