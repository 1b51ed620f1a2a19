package org.buddy4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the committed pacts (pacts/, so the order of test classes does not matter) against
 * buddy-emulator, started in this JVM on a free port with a frozen clock. Every provider state first
 * loads the provider seed through the admin API ({@code POST /__emulator/seed}: the emulator's default
 * seed with the pacts' sentinel token and OAuth client), then sets up the rest through the admin API
 * and the emulator's own Buddy API.
 */
@Provider(Contract.PROVIDER)
@PactFolder("pacts")
class ProviderVerificationTest {
  private static BuddyEmulator emulator;
  private static String seed;
  private static EmulatorCalls calls;

  @BeforeAll
  static void startEmulator() throws IOException {
    emulator = BuddyEmulator.start(EmulatorOptions.defaults().clockSpeed(0));
    seed = providerSeed();
    calls = new EmulatorCalls(emulator.baseUrl(), seed);
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    // No automatic retries: Apache HttpClient would otherwise wait out a 429's Retry-After and send again.
    // No redirects followed: a 302 (the OAuth authorize URL) is the provider's answer to verify.
    context.setTarget(new HttpTestTarget("127.0.0.1", emulator.port(), "/",
        () -> provider -> HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build()));
    // Each family's provider states live in their own class (context.addStateChangeHandlers(new …States(calls))),
    // beside the shared ones below, which stay on this class.
    context.addStateChangeHandlers(new WorkspaceFamilyStates(calls));
    context.addStateChangeHandlers(new ProjectFamilyStates(calls));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  /** The emulator's default seed, with the pacts' sentinel credentials as its only token, OAuth client and OIDC provider. */
  private static String providerSeed() throws IOException {
    try (InputStream in = BuddyEmulator.class.getClassLoader().getResourceAsStream("buddy4j/emulator/default-seed.json")) {
      ObjectNode json = (ObjectNode) PactFiles.JSON.readTree(in);
      json.putArray("tokens").add(Contract.TOKEN);
      json.putArray("oauthClients").addObject()
          .put("clientId", Contract.OAUTH_CLIENT_ID)
          .put("clientSecret", Contract.OAUTH_CLIENT_SECRET);
      json.putArray("oidcProviders").addObject()
          .put("providerId", SignInConsumerPactTest.OIDC_PROVIDER_ID)
          .put("webIdentityToken", SignInConsumerPactTest.IDENTITY_TOKEN);
      return json.toString();
    }
  }

  // ── provider states: the seed, plus what each state adds ──

  @State({
      "workspace buddy exists",
      "project company-website exists in workspace buddy",
      "workspace buddy has no project landing-page",
      "workspace buddy has no project no-such-project",
      "pipeline 2 exists in project company-website",
      "pipeline 4 exists in project company-website",
      "pipeline 999 does not exist in project company-website",
      "project company-website has no pipeline named Deploy to production",
      "an integration with hash_id " + Contract.INTEGRATION + " exists",
      "no integration with hash_id no-such-integration exists",
      "member 2 belongs to workspace buddy",
      "the token belongs to user 1",
      "OAuth client " + Contract.OAUTH_CLIENT_ID + " exists",
      "the token is unknown"})
  void seeded() {
    loadSeed();
  }

  /** The seed holds webhook 101, so the seed is all this state needs. */
  @State("webhook 101 exists in workspace buddy")
  void webhookExists() {
    loadSeed();
  }

  /** The seed gives pipeline 2 two finished runs; their action execution IDs are random, so inject one. */
  @State("pipeline 2 has finished executions 1 and 2")
  Map<String, Object> finishedRuns() {
    loadSeed();
    JsonNode run = api("GET", Contract.PROJECT_PATH + "/pipelines/2/executions/1", null, 200);
    return Map.of("actionExecutionId", run.path("action_executions").path(0).path("action_execution_id").asText());
  }

  /** Pipeline 3 waits for approval at its first action: run it and let the clock pass its queue time. */
  @State("pipeline 3 has execution 1 waiting for approval")
  void waitingForApproval() {
    loadSeed();
    JsonNode run = api("POST", Contract.PROJECT_PATH + "/pipelines/3/executions", "{}", 200);
    assertEquals(1, run.path("id").asInt(), "the seed's pipeline 3 has no runs yet");
    admin("POST", "/clock/advance", "{\"seconds\": 10}");
    JsonNode now = api("GET", Contract.PROJECT_PATH + "/pipelines/3/executions/1", null, 200);
    assertEquals("WAITING_FOR_APPLY", now.path("status").asText());
  }

  /** One request allowed per hour, and it is used up. */
  @State("the rate limit is exhausted")
  void rateLimitExhausted() {
    loadSeed();
    admin("PUT", "/rate-limit", "{\"limit\": 1, \"windowSeconds\": 3600}");
    api("GET", "/user", null, 200);
  }

  private static void loadSeed() {
    calls.loadSeed();
  }

  private static JsonNode admin(String method, String path, String body) {
    return calls.admin(method, path, body);
  }

  private static JsonNode api(String method, String path, String body, int expected) {
    return calls.api(method, path, body, expected);
  }
}
