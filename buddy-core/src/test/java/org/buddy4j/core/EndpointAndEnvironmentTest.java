package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.LoopbackServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Endpoints parse us/eu/URLs and refuse bad ones clearly; the BUDDY_* variables configure a client; every request is authenticated and identified. */
class EndpointAndEnvironmentTest {
  private static final String TOKEN = "FAKE-token-env-0011";

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void regionsAndUrls() {
    assertSame(BuddyEndpoint.US, BuddyEndpoint.of("us"));
    assertSame(BuddyEndpoint.EU, BuddyEndpoint.of(" EU "));
    assertEquals("https://api.buddy.works", BuddyEndpoint.US.baseUrl());
    assertEquals("https://api.eu.buddy.works", BuddyEndpoint.EU.baseUrl());
    assertSame(BuddyEndpoint.AP, BuddyEndpoint.of("ap"));
    assertSame(BuddyEndpoint.AP, BuddyEndpoint.of("AP"));
    assertEquals("https://api.asia.buddy.works", BuddyEndpoint.AP.baseUrl());
    assertEquals("https://buddy.example.com/api", BuddyEndpoint.of("https://buddy.example.com/api/").baseUrl());
    assertEquals("http://127.0.0.1:8080/api", BuddyEndpoint.of("http://127.0.0.1:8080/api").baseUrl());
    assertEquals("https://buddy.example.com/api", BuddyEndpoint.selfHosted("buddy.example.com").baseUrl());
    assertEquals(BuddyEndpoint.of("https://buddy.example.com/api"), BuddyEndpoint.selfHosted("buddy.example.com"));
  }

  /** Every region the spec lists in servers (the self-hosted template aside) is one of BuddyEndpoint's regions, and back. */
  @Test
  void theRegionsAreTheSpecsServers() {
    java.util.Set<String> servers = new java.util.TreeSet<>();
    org.buddy4j.core.testing.SpecDocument.root().path("servers").forEach(s -> {
      if (!s.path("url").asText().contains("{")) {
        servers.add(s.path("url").asText());
      }
    });
    java.util.Set<String> regions = new java.util.TreeSet<>();
    for (String code : new String[] {"us", "eu", "ap"}) {
      regions.add(BuddyEndpoint.of(code).baseUrl());
    }
    assertEquals(servers, regions);
  }

  @ParameterizedTest(name = "endpoint ''{0}'' is refused")
  @ValueSource(strings = {"ftp://buddy.example.com/api", "buddy.example.com/api", "not a url", "https://", "asia"})
  void aBadEndpointIsRefusedWithAClearMessage(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuddyEndpoint.of(bad));

    assertTrue(e.getMessage().contains(bad.trim()), e.getMessage());
    assertTrue(e.getMessage().contains("us, eu, ap or https://host/api"), e.getMessage());
  }

  @Test
  void environmentConfiguresTokenEndpointWorkspaceAndProject() {
    server.always("GET", "/workspaces/acme/projects/web/pipelines/2", Answer.json(200, "{\"id\": 2, \"name\": \"Deploy\"}"));
    BuddyClient client = BuddyClient.builder().environment(Map.of(
        "BUDDY_TOKEN", TOKEN,
        "BUDDY_API_ENDPOINT", server.url(),
        "BUDDY_WORKSPACE", "acme",
        "BUDDY_PROJECT", "web")).build();

    assertEquals(server.url(), client.endpoint().baseUrl());
    assertEquals("acme", client.workspace().name());
    assertEquals("acme", client.project().workspace());
    assertEquals("web", client.project().name());
    assertEquals("Deploy", client.project().pipeline(2).get().getName());

    Recorded sent = server.requests().get(0);
    assertEquals("Bearer " + TOKEN, sent.header("Authorization"));
    assertFalse(client.toString().contains(TOKEN), client.toString());
  }

  @Test
  void environmentRegionsSelectTheInstallation() {
    assertSame(BuddyEndpoint.EU,
        BuddyClient.builder().environment(Map.of("BUDDY_TOKEN", TOKEN, "BUDDY_API_ENDPOINT", "eu")).build().endpoint());
    assertSame(BuddyEndpoint.US, BuddyClient.builder().environment(Map.of("BUDDY_TOKEN", TOKEN)).build().endpoint());
  }

  @Test
  void withoutATokenBuildingSaysToSetBuddyToken() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BuddyClient.builder().environment(Map.of("BUDDY_API_ENDPOINT", "eu", "BUDDY_TOKEN", "  ")).build());

    assertTrue(e.getMessage().contains("BUDDY_TOKEN"), e.getMessage());
  }

  @Test
  void withoutDefaultsWorkspaceAndProjectSayWhatToSet() {
    BuddyClient client = BuddyClient.builder().environment(Map.of("BUDDY_TOKEN", TOKEN)).build();

    assertTrue(assertThrows(IllegalStateException.class, client::workspace).getMessage().contains("BUDDY_WORKSPACE"));
    assertTrue(assertThrows(IllegalStateException.class, client::project).getMessage().contains("BUDDY_PROJECT"));
  }

  @Test
  void everyRequestCarriesTheBearerTokenAndABuddy4jUserAgent() {
    server.always("GET", "/user", Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));
    server.always("POST", "/workspaces/acme/projects/web/pipelines/2/executions",
        Answer.json(200, "{\"id\": 9, \"status\": \"ENQUEUED\"}"));
    server.always("PATCH", "/workspaces/acme/projects/web/pipelines/2/executions/9",
        Answer.json(200, "{\"id\": 9, \"status\": \"TERMINATING\"}"));
    BuddyClient client = BuddyClient.builder().token(TOKEN).endpoint(server.url()).userAgent("release-bot/2.1").build();

    client.user().get();
    client.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("main")).cancel();

    assertEquals(3, server.requests().size());
    for (Recorded r : server.requests()) {
      assertEquals("Bearer " + TOKEN, r.header("Authorization"), r.method() + " " + r.path());
      String agent = r.header("User-Agent");
      assertNotNull(agent, r.method() + " " + r.path());
      assertTrue(agent.contains("buddy4j/") && agent.contains("release-bot/2.1"), agent);
    }
  }

  @Test
  void theDefaultUserAgentStartsWithBuddy4j() {
    server.always("GET", "/user", Answer.json(200, "{\"id\": 1, \"name\": \"Mike\"}"));

    BuddyClient.builder().token(TOKEN).endpoint(server.url()).build().user().get();

    assertTrue(server.requests().get(0).header("User-Agent").startsWith("buddy4j/"),
        server.requests().get(0).header("User-Agent"));
  }
}
