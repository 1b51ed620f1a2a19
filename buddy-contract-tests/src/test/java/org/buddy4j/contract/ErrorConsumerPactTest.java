package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.UNKNOWN_TOKEN;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.errors;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.errors.BuddyValidationException;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error answers a caller handles, each with Buddy's {@code {"errors":[{"message":…}]}} body and
 * the rate-limit headers, and the typed exception buddy4j turns it into: 401, 404, 400, 422, 429.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class ErrorConsumerPactTest {

  @Pact(consumer = Contract.CONSUMER)
  V4Pact unknownToken(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("the token is unknown")
            .uponReceiving("getAuthenticatedUser: 401 for an unknown token")
            .method("GET").path("/user"), UNKNOWN_TOKEN)
        .willRespondWith().status(401))
        .body(errors(LambdaDsl.newJsonBody(o -> { }), "Invalid token").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownToken")
  void unknownTokenIsAnAuthenticationError(MockServer server) {
    BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class,
        () -> Contract.client(server, UNKNOWN_TOKEN).user().get());
    assertEquals(401, e.status());
    assertEquals("Invalid token", e.messages().get(0));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact missingPipeline(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("pipeline 999 does not exist in project company-website")
            .uponReceiving("getPipeline: 404 for pipeline 999")
            .method("GET").path(PROJECT_PATH + "/pipelines/999"))
        .willRespondWith().status(404))
        .body(errors(LambdaDsl.newJsonBody(o -> { }), "Pipeline not found").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "missingPipeline")
  void missingPipelineIsNotFound(MockServer server) {
    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class,
        () -> Contract.client(server).workspace(WS).project(PROJECT).pipeline(999).get());
    assertEquals(404, e.status());
    assertFalse(e.messages().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact missingIntegration(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("no integration with hash_id no-such-integration exists")
            .uponReceiving("getIntegration: 404 for an unknown hash_id")
            .method("GET").path("/workspaces/" + WS + "/integrations/no-such-integration"))
        .willRespondWith().status(404))
        .body(errors(LambdaDsl.newJsonBody(o -> { }), "Integration not found").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "missingIntegration")
  void missingIntegrationIsNotFound(MockServer server) {
    BuddyNotFoundException e = assertThrows(BuddyNotFoundException.class,
        () -> Contract.client(server).workspace(WS).integrations().get("no-such-integration"));
    assertEquals("GET", e.method());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact duplicateProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createProject: 400 for a project name already taken")
            .method("POST").path("/workspaces/" + WS + "/projects")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("display_name", "Company Website");
              b.stringValue("name", PROJECT);
            }).build()))
        .willRespondWith().status(400))
        .body(errors(LambdaDsl.newJsonBody(o -> { }),
            "Project with name 'company-website' already exists in workspace 'buddy'").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "duplicateProject")
  void duplicateProjectIsAValidationError(MockServer server) {
    BuddyValidationException e = assertThrows(BuddyValidationException.class,
        () -> Contract.client(server).api(ProjectsApi.class)
            .createProject(WS, new ProjectCreateRequest().displayName("Company Website").name(PROJECT)));
    assertEquals(400, e.status());
    assertFalse(e.messages().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact integrationForUnknownProject(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy has no project no-such-project")
            .uponReceiving("createIntegration: 422 for a PROJECT-scoped integration of an unknown project")
            .method("POST").path("/workspaces/" + WS + "/integrations")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("type", "GIT_HUB");
              b.stringValue("name", "GitHub (unknown project)");
              b.stringValue("scope", "PROJECT");
              b.stringValue("project_name", "no-such-project");
              b.stringValue("token", "FAKE-pact-github-token");
            }).build()))
        .willRespondWith().status(422))
        .body(errors(LambdaDsl.newJsonBody(o -> { }), "Field 'project_name': project 'no-such-project' does not exist").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "integrationForUnknownProject")
  void unknownProjectIsAValidationError(MockServer server) {
    BuddyValidationException e = assertThrows(BuddyValidationException.class,
        () -> Contract.client(server).workspace(WS).integrations().create(Integrations.gitHub()
            .name("GitHub (unknown project)").projectScope("no-such-project").token("FAKE-pact-github-token")));
    assertEquals(422, e.status());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact rateLimited(PactDslWithProvider builder) {
    return authorized(builder
            .given("the rate limit is exhausted")
            .uponReceiving("runExecution: 429 when the rate limit is exhausted")
            .method("POST").path(PROJECT_PATH + "/pipelines/2/executions")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.object("branch", br -> br.stringValue("name", "master"));
              b.stringValue("comment", "rate limited");
            }).build()))
        .willRespondWith().status(429)
        .matchHeader("X-Rate-Limit-Limit", "\\d+", "1")
        .matchHeader("X-Rate-Limit-Remaining", "0", "0")
        .matchHeader("X-Rate-Limit-Reset", "\\d+", "1795000000")
        .matchHeader("Retry-After", "\\d+", "60")
        .body(errors(LambdaDsl.newJsonBody(o -> { }), "Rate limit exceeded").build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rateLimited")
  void exhaustedRateLimitFailsFastWithTheResetTime(MockServer server) {
    // The mock server adds its own Date header (whole seconds), and core moves the reset by the gap between
    // that Date and the local clock (a client whose clock is off still waits the server's time). So the reset
    // is 1795000000 plus that gap, which lies between 0 and the time from the whole second before the call
    // to its end: a bound from the clocks themselves, whatever the machine's speed.
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    BuddyRateLimitException e = assertThrows(BuddyRateLimitException.class,
        () -> Contract.client(server).workspace(WS).project(PROJECT).pipeline(2)
            .run(RunOptions.onBranch("master").comment("rate limited")));
    Instant after = Instant.now();
    assertEquals(429, e.status());
    assertNotNull(e.resetAt(), "the reset time comes from X-Rate-Limit-Reset");
    Instant reset = Instant.ofEpochSecond(1795000000L);
    Duration gap = Duration.between(reset, e.resetAt());
    assertTrue(!gap.isNegative() && gap.compareTo(Duration.between(before, after)) <= 0,
        () -> "reset " + e.resetAt() + " is not X-Rate-Limit-Reset (" + reset + ") moved by the Date gap, at most "
            + Duration.between(before, after));
  }
}
