package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.generated.api.ExecutionsApi;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.api.VariablesApi;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.RepositoryFileRequest;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.core.integrations.IntegrationRules;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.LoopbackServer.Recorded;
import org.buddy4j.core.testing.SpecDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The coverage page's findings §1a 1–7 (docs/api-decisions.md), each as what core sends to a loopback server:
 * the calls that Buddy's own clients make and buddy4j used to refuse or send differently.
 * {@code e2e.FindingsE2eTest} has the emulator accept them too.
 */
class FindingsTest {
  private static final String WS = "/workspaces/acme";
  private LoopbackServer server;
  private BuddyClient client;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    client = FastClients.against(server, "FAKE-token-findings-14").build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode body(Recorded r) throws Exception {
    return BuddyJson.mapper().readTree(r.body());
  }

  /** 1: the Go SDK's live test creates an OIDC Google integration with google_project and config only. */
  @Test
  void finding1_aGoogleOidcIntegrationIsBuiltAndSentWithoutAudience() throws Exception {
    server.always("POST", WS + "/integrations", Answer.json(201, "{\"hash_id\":\"g1\",\"type\":\"GOOGLE_SERVICE_ACCOUNT\"}"));

    client.workspace("acme").integrations().create(Integrations.googleServiceAccount().name("gcp").workspaceScope()
        .authType("OIDC").googleProject("my-project").config("FAKE-SECRET-google-config"));

    JsonNode sent = body(server.requests().get(0));
    assertEquals("OIDC", sent.path("auth_type").asText());
    assertEquals("my-project", sent.path("google_project").asText());
    assertFalse(sent.has("audience"), sent.toString());
  }

  /** 2: Buddy's Go SDK, a .NET client and a 2026 CLI filter variables with camelCase names (environment_id stays snake). */
  @Test
  void finding2_theVariablesListSendsTheFiltersBuddysClientsSend() {
    server.always("GET", WS + "/variables", Answer.json(200, "{\"variables\":[]}"));

    client.api(VariablesApi.class).getVariables("acme", null, null, "7", null, null, "web", 2, 3);

    assertEquals("environment_id=7&projectName=web&pipelineId=2&actionId=3", server.requests().get(0).query());
    List<String> declared = new ArrayList<>();
    SpecDocument.root().at("/paths/~1workspaces~1{workspace}~1variables/get/parameters").forEach(p -> declared.add(p.path("name").asText()));
    assertTrue(declared.containsAll(List.of("project_name", "pipeline_id", "action_id", "projectName", "pipelineId", "actionId")),
        "both forms are accepted: " + declared);
  }

  /** 3: project create sends without_repository (Go SDK ProjectCreateOps, Terraform); without_repo stays only deprecated. */
  @Test
  void finding3_projectCreateSendsWithoutRepository() throws Exception {
    server.always("POST", WS + "/projects", Answer.json(201, "{\"name\":\"site\",\"without_repository\":true}"));

    client.api(ProjectsApi.class).createProject("acme", new ProjectCreateRequest().displayName("Site").withoutRepository(true));

    JsonNode sent = body(server.requests().get(0));
    assertTrue(sent.path("without_repository").asBoolean(), sent.toString());
    assertFalse(sent.has("without_repo"), sent.toString());
    JsonNode schema = SpecDocument.root().at("/components/schemas/ProjectCreateRequest/properties");
    assertTrue(schema.path("without_repo").path("deprecated").asBoolean(), "without_repo is the deprecated docs name");
  }

  /** 4: Buddy's answers carry app_id, google_project, … for any type; a read, modify, re-send is not refused. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"app_id", "google_project", "host_url", "webhook_address", "audience", "atop_url"})
  void finding4_aReSentIntegrationCarryingAReturnedFieldIsNotRefused(String field) throws Exception {
    assertTrue(IntegrationCatalog.get().returnedFields().contains(field), IntegrationCatalog.get().returnedFields().toString());
    server.always("PATCH", WS + "/integrations/h1", Answer.json(200, "{\"hash_id\":\"h1\",\"type\":\"GIT_HUB_APP\"}"));
    Integration read = BuddyJson.mapper().readValue("{\"hash_id\":\"h1\",\"url\":\"u\",\"type\":\"GIT_HUB_APP\",\"name\":\"app\","
        + "\"scope\":\"WORKSPACE\",\"" + field + "\":\"value-" + field + "\"}", Integration.class);

    client.workspace("acme").integrations().update("h1", read.name("renamed"));

    assertEquals("value-" + field, body(server.requests().get(0)).path(field).asText());
  }

  /** 4, the other side: a field no type takes and Buddy does not return is still refused before sending. */
  @Test
  void finding4_aFieldNobodyReturnsIsStillRefused() {
    Integration unknown = new Integration().type("GIT_HUB_APP").name("app").scope("WORKSPACE");
    unknown.putAdditionalProperty("made_up_field", "x");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntegrationRules.standard().checkUpdate(unknown));

    assertTrue(e.getMessage().contains("made_up_field"), e.getMessage());
  }

  /** 5: no client sends an auth_type for Cloudflare; Terraform sends token, email and api_key together. */
  @Test
  void finding5_cloudflareIsSentWithoutAuthTypeWithATokenOrAnEmailAndKey() throws Exception {
    server.always("POST", WS + "/integrations", Answer.json(201, "{\"hash_id\":\"c1\",\"type\":\"CLOUDFLARE\"}"));

    client.workspace("acme").integrations().create(Integrations.cloudflare().name("cf").workspaceScope().token("FAKE-SECRET-cf-token"));
    client.workspace("acme").integrations().create(Integrations.cloudflare().name("cf2").workspaceScope()
        .email("ops@example.com").apiKey("FAKE-SECRET-cf-key"));

    for (Recorded r : server.requests()) {
      assertFalse(body(r).has("auth_type"), r.body());
    }
    IntegrationCatalog.TypeSpec cloudflare = IntegrationCatalog.get().type("CLOUDFLARE").orElseThrow();
    assertEquals(1, cloudflare.modes().size(), "one mode, never sent: " + cloudflare.modes());
    assertSame(cloudflare.defaultMode(), cloudflare.modes().get(0));
  }

  /** 6: the docs' (2024) action details route, singular action and the pipeline action's id, answering log[]. */
  @Test
  void finding6_theLegacyActionDetailsRouteIsCallableAndReadsTheLog() {
    String path = WS + "/projects/web/pipelines/2/executions/5/action/7";
    server.always("GET", path, Answer.json(200,
        "{\"id\":\"ae1\",\"status\":\"SUCCESSFUL\",\"action\":{\"id\":7,\"name\":\"Build\"},\"log\":[\"npm ci\",\"done\"]}"));

    ActionExecution details = client.api(ExecutionsApi.class).getExecutionActionDetails("acme", "web", 2, 5, 7);

    assertEquals(List.of("npm ci", "done"), details.getLog());
    assertEquals(path, server.requests().get(0).rawPath());
  }

  /** 7: a repository file path goes out with its slashes unescaped, as Buddy's Go, PHP and Node SDKs send it. */
  @Test
  void finding7_aRepositoryFilePathGoesOutUnescaped() {
    String base = WS + "/projects/web/repository/contents/";
    server.always("GET", base + "a/b/c.txt", Answer.json(200, "{\"name\":\"c.txt\",\"path\":\"a/b/c.txt\",\"type\":\"FILE\"}"));
    server.always("GET", base + "docs/read me.md", Answer.json(200, "{\"name\":\"read me.md\",\"type\":\"FILE\"}"));

    client.api(RepositoryApi.class).getRepositoryContentsAtPath("acme", "web", "a/b/c.txt", (String) null);
    client.api(RepositoryApi.class).getRepositoryContentsAtPath("acme", "web", "docs/read me.md", (String) null);

    assertEquals(base + "a/b/c.txt", server.requests().get(0).rawPath());
    assertEquals(base + "docs/read%20me.md", server.requests().get(1).rawPath(), "each segment is still encoded");
  }

  /** 7, the guard: a path that would leave the repository (or is not a path) is refused before sending. */
  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"../../etc/passwd", "a/../../b", "/abs", "a//b", "a/", "a/./b", ""})
  void finding7_aPathThatIsNotAFilePathIsRefusedBeforeSending(String bad) {
    RepositoryApi api = client.api(RepositoryApi.class);

    assertThrows(IllegalArgumentException.class, () -> api.getRepositoryContentsAtPath("acme", "web", bad, (String) null));
    assertThrows(IllegalArgumentException.class, () -> api.getRepositoryContentsAtPath("acme", "web/../x", "ok.txt", (String) null),
        "beside a file path, a project handle still cannot hold '/'");

    assertEquals(0, server.requests().size());
  }

  /** 7, every operation on a file: GET, PUT and DELETE all send the path with its slashes. */
  @Test
  void finding7_everyContentsOperationOnAFileKeepsItsSlashes() {
    String file = WS + "/projects/web/repository/contents/src/main/App.java";
    server.always("PUT", file, Answer.json(200, "{\"content\":{\"path\":\"src/main/App.java\"}}"));
    server.always("DELETE", file, Answer.json(204, ""));
    RepositoryApi api = client.api(RepositoryApi.class);
    RepositoryFileRequest change = new RepositoryFileRequest().message("edit").content("Y2xhc3M=");

    api.updateRepositoryFile("acme", "web", "src/main/App.java", change);
    api.deleteRepositoryFile("acme", "web", "src/main/App.java", new RepositoryFileRequest().message("remove"));

    assertEquals(List.of("PUT " + file, "DELETE " + file),
        server.requests().stream().map(r -> r.method() + " " + r.rawPath()).toList());
  }
}
