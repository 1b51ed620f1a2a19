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
import java.util.List;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.RepositoryContents;
import org.buddy4j.core.generated.model.RevisionRef;
import org.buddy4j.core.generated.model.Tag;
import org.buddy4j.core.generated.model.TagCreateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Projects and their repository: list, get, create, branches, tags, contents. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ProjectConsumerPactTest {

  private static void projectSummary(LambdaDslObject p) {
    links(p);
    p.stringType("name", PROJECT);
    p.stringType("display_name", "Company Website");
    p.stringType("status", "ACTIVE");
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProjects(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("getProjects: list the projects of workspace buddy, first page")
            .method("GET").path("/workspaces/" + WS + "/projects").query("page=1&per_page=20"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("projects", 1, ProjectConsumerPactTest::projectSummary);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProjects")
  void listsProjects(MockServer server) {
    List<Project> projects = Contract.client(server).workspace(WS).projects().list().toList();
    assertEquals(PROJECT, projects.get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("getProject: get project company-website")
            .method("GET").path(PROJECT_PATH))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(p -> {
          projectSummary(p);
          p.stringMatcher("create_date", DATE, DATE_EXAMPLE);
          p.object("created_by", Contract::member);
          p.stringType("default_branch", "master");
          p.stringType("access", "PRIVATE");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getProject")
  void getsProject(MockServer server) {
    Project project = Contract.client(server).workspace(WS).project(PROJECT).get();
    assertEquals(PROJECT, project.getName());
    assertEquals("master", project.getDefaultBranch());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy has no project landing-page")
            .uponReceiving("createProject: create project landing-page")
            .method("POST").path("/workspaces/" + WS + "/projects")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("display_name", "Landing Page");
              b.stringValue("name", "landing-page");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(p -> {
          links(p);
          p.stringValue("name", "landing-page");
          p.stringValue("display_name", "Landing Page");
          p.stringType("status", "ACTIVE");
          p.stringMatcher("create_date", DATE, DATE_EXAMPLE);
          p.object("created_by", Contract::member);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createProject")
  void createsProject(MockServer server) {
    Project project = Contract.client(server).api(ProjectsApi.class)
        .createProject(WS, new ProjectCreateRequest().displayName("Landing Page").name("landing-page"));
    assertEquals("landing-page", project.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getBranches(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("getBranches: list the branches of project company-website")
            .method("GET").path(PROJECT_PATH + "/repository/branches"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("branches", 1, b -> {
            links(b);
            b.stringType("name", "master");
            b.booleanType("default", true);
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getBranches")
  void listsBranches(MockServer server) {
    List<Branch> branches = Contract.client(server).workspace(WS).project(PROJECT).branches();
    assertEquals("master", branches.get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createTag(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createTag: tag HEAD of company-website as v1.0")
            .method("POST").path(PROJECT_PATH + "/repository/tags")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "v1.0");
              b.stringValue("message", "Release 1.0");
              b.object("commit", c -> c.stringValue("revision", "HEAD"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(t -> {
          links(t);
          t.stringValue("name", "v1.0");
          t.stringType("message", "Release 1.0");
          t.object("commit", c -> {
            links(c);
            c.stringType("revision", "HEAD");
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createTag")
  void createsTag(MockServer server) {
    Tag tag = Contract.client(server).api(RepositoryApi.class).createTag(WS, PROJECT,
        new TagCreateRequest().name("v1.0").message("Release 1.0").commit(new RevisionRef().revision("HEAD")));
    assertEquals("v1.0", tag.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getRepositoryContents(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("getRepositoryContents: list the root of company-website at master")
            .method("GET").path(PROJECT_PATH + "/repository/contents").query("revision=master"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("contents", 1, e -> {
            links(e);
            e.stringType("content_type", "FILE");
            e.stringType("name", "README.md");
            e.stringType("path", "README.md");
            e.integerType("size", 42);
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryContents")
  void listsContents(MockServer server) {
    RepositoryContents contents = Contract.client(server).api(RepositoryApi.class)
        .getRepositoryContents(WS, PROJECT, "master");
    assertTrue(contents.getContents().stream().anyMatch(e -> "README.md".equals(e.getName())));
  }
}
