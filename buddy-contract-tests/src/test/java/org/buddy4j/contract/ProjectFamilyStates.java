package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Provider states of the project families (repository, pipeline actions, run details, sandboxes, the
 * token's user, sign-in, workspace and project lifecycle). Each loads the provider seed, then creates what
 * its interactions need through the emulator's own Buddy API, and hands over the IDs the provider chose.
 */
final class ProjectFamilyStates {
  private static final String SANDBOXES = "/workspaces/" + Contract.WS + "/sandboxes";
  /** Enough simulated time for any sandbox transition; the loop guards against a state that never comes. */
  private static final int CLOCK_STEPS = 30;
  private final EmulatorCalls calls;

  ProjectFamilyStates(EmulatorCalls calls) {
    this.calls = calls;
  }

  /** What the seed already holds. */
  @State({
      "branch develop exists in project company-website",
      "workspace contract-tests does not exist",
      "OIDC provider " + SignInConsumerPactTest.OIDC_PROVIDER_ID + " trusts the CI job"})
  void seeded() {
    calls.loadSeed();
  }

  @State("tag v1.0 exists in project company-website")
  void tagExists() {
    calls.loadSeed();
    calls.api("POST", PROJECT_PATH + "/repository/tags",
        "{\"name\": \"v1.0\", \"message\": \"Release 1.0\", \"commit\": {\"revision\": \"master\"}}", 201);
  }

  /** The file is added on master; its commit's revision is the provider's. */
  @State("file docs/NOTES.md exists in project company-website")
  Map<String, Object> fileExists() {
    calls.loadSeed();
    JsonNode created = addFile("docs/NOTES.md", "master");
    return Map.of("revision", created.path("commit").path("revision").asText());
  }

  @State("branch develop is one commit ahead of master")
  void developAhead() {
    calls.loadSeed();
    addFile("docs/contracts/notes.md", "develop");
  }

  @State("workspace contract-tests exists")
  void workspaceExists() {
    calls.loadSeed();
    calls.api("POST", "/workspaces", "{\"name\": \"Contract tests\", \"domain\": \"contract-tests\"}", 201);
  }

  @State("project landing-page exists in workspace buddy")
  void projectExists() {
    calls.loadSeed();
    calls.api("POST", "/workspaces/" + Contract.WS + "/projects",
        "{\"name\": \"landing-page\", \"display_name\": \"Landing Page\"}", 201);
  }

  @State("sandbox contracts exists in project company-website")
  Map<String, Object> sandboxExists() {
    calls.loadSeed();
    String id = createSandbox();
    awaitSandbox(id, "RUNNING");
    return Map.of("sandboxId", id);
  }

  @State("sandbox contracts is running")
  Map<String, Object> sandboxRunning() {
    return sandboxExists();
  }

  @State("sandbox contracts is stopped")
  Map<String, Object> sandboxStopped() {
    calls.loadSeed();
    String id = createSandbox();
    awaitSandbox(id, "RUNNING");
    calls.api("POST", SANDBOXES + "/" + id + "/stop", "{}", 200);
    awaitSandbox(id, "STOPPED");
    return Map.of("sandboxId", id);
  }

  @State("user 1 has the e-mail address contracts@example.com")
  void emailExists() {
    calls.loadSeed();
    calls.api("POST", "/user/emails", "{\"email\": \"contracts@example.com\"}", 201);
  }

  @State("user 1 has the public key Contracts")
  Map<String, Object> publicKeyExists() {
    calls.loadSeed();
    JsonNode key = calls.api("POST", "/user/keys",
        "{\"title\": \"Contracts\", \"content\": \"ssh-ed25519 FAKE-pact-public-key contracts@example.com\"}", 201);
    return Map.of("keyId", key.path("id").asInt());
  }

  @State("user 1 has the personal access token ci")
  Map<String, Object> tokenExists() {
    calls.loadSeed();
    JsonNode token = calls.api("POST", "/user/tokens",
        "{\"name\": \"ci\", \"expires_in\": 30, \"scopes\": [\"WORKSPACE\"]}", 201);
    return Map.of("tokenId", token.path("id").asText());
  }

  private JsonNode addFile(String path, String branch) {
    String content = Base64.getEncoder().encodeToString("# Notes\n".getBytes(StandardCharsets.UTF_8));
    return calls.api("POST", PROJECT_PATH + "/repository/contents", "{\"path\": \"" + path + "\", \"content\": \""
        + content + "\", \"message\": \"Add contract notes\", \"branch\": \"" + branch + "\"}", 201);
  }

  private String createSandbox() {
    JsonNode sandbox = calls.api("POST", SANDBOXES + "?project_name=" + Contract.PROJECT,
        "{\"name\": \"Contracts\", \"identifier\": \"contracts\", \"os\": \"ubuntu:24.04\", \"resources\": \"2x4\"}", 201);
    return sandbox.path("id").asText();
  }

  /** Moves the frozen clock on until the sandbox reaches the status (a bounded loop, no waiting). */
  private void awaitSandbox(String id, String status) {
    String now = "";
    for (int step = 0; step < CLOCK_STEPS; step++) {
      now = calls.api("GET", SANDBOXES + "/" + id, null, 200).path("status").asText();
      if (status.equals(now)) {
        return;
      }
      calls.admin("POST", "/clock/advance", "{\"seconds\": 10}");
    }
    assertEquals(status, now, "sandbox " + id + " never reached " + status);
  }
}
