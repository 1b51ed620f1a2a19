package org.buddy4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.testing.CapturedLog;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.HttpSelectorThreads;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.LoopbackServer.Recorded;
import org.buddy4j.core.testing.SimulatedTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CI job's identity token is exchanged for a Buddy token through {@code POST /user/oidc/tokens}, as
 * Buddy's login action does: no bearer on the exchange, the Buddy token on every call after, kept until it
 * runs out or Buddy answers 401, and neither token ever printed.
 */
class OidcTokenProviderTest {
  private static final String EXCHANGE = "/user/oidc/tokens";
  private static final String USER = "/user";
  private static final String PROVIDER = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String JWT = "FAKE-SECRET-identity-jwt-a1";
  private static final String BUDDY_TOKEN = "FAKE-SECRET-buddy-token-b2";

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.always("GET", USER, Answer.json(200, "{\"id\":1,\"name\":\"ci\"}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private BuddyClient client(Supplier<String> identity) {
    return FastClients.against(server, "FAKE-unused").oidc(PROVIDER, identity).build();
  }

  @Test
  void theIdentityTokenIsExchangedOnceAndTheBuddyTokenSentAsBearer() throws Exception {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"token\":\"" + BUDDY_TOKEN + "\"}"));
    AtomicInteger asked = new AtomicInteger();
    BuddyClient client = client(() -> {
      asked.incrementAndGet();
      return JWT;
    });

    client.user().get();
    client.user().get();

    List<Recorded> exchanges = server.requests("POST", EXCHANGE);
    assertEquals(1, exchanges.size(), "the Buddy token is kept between calls");
    assertEquals(1, asked.get());
    Recorded exchange = exchanges.get(0);
    assertNull(exchange.header("Authorization"), "the exchange carries no bearer token");
    assertTrue(exchange.header("Content-Type").startsWith("application/json"), exchange.header("Content-Type"));
    JsonNode body = BuddyJson.mapper().readTree(exchange.body());
    assertEquals(PROVIDER, body.path("provider_id").asText());
    assertEquals(JWT, body.path("web_identity_token").asText());
    assertEquals(2, body.size(), body.toString());
    for (Recorded call : server.requests("GET", USER)) {
      assertEquals("Bearer " + BUDDY_TOKEN, call.header("Authorization"));
    }
  }

  @ParameterizedTest(name = "answer {0}")
  @ValueSource(strings = {
      "{\"token\":\"%s\"}", "{\"access_token\":\"%s\"}", "{\"buddy_token\":\"%s\"}", "{\"token\":\"\",\"buddy_token\":\"%s\"}",
      "%s", "  %s\n"})
  void everyAnswerFormOfTheLoginActionIsRead(String answer) {
    String token = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    server.enqueue("POST", EXCHANGE, Answer.json(200, String.format(answer, token)));

    client(IdentityTokens.of(JWT)).user().get();

    assertEquals("Bearer " + token, server.requests("GET", USER).get(0).header("Authorization"));
  }

  /**
   * The exchange goes through a JDK client of its own (the client's transport needs the token first); closing
   * the BuddyClient that made the provider ends its selector thread too, or a short program would still wait
   * for it at exit.
   */
  @Test
  void closingTheClientEndsTheThreadsOfTheExchangeToo() {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"token\":\"" + BUDDY_TOKEN + "\"}"));
    Set<Thread> before = HttpSelectorThreads.alive();
    BuddyClient client = client(() -> JWT);
    client.user().get();
    Set<Thread> started = HttpSelectorThreads.alive();
    started.removeAll(before);
    assertEquals(2, started.size(), "the transport's JDK client and the exchange's: " + started);

    client.close();

    assertEquals(Set.of(), HttpSelectorThreads.stillAlive(started));
  }

  @Test
  void anAnswerWithoutATokenIsAnAuthenticationError() {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"expires_in\":3600}"));

    BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class, () -> client(IdentityTokens.of(JWT)).user().get());

    assertTrue(e.getMessage().contains("no token in the answer"), e.getMessage());
    assertEquals(0, server.requests("GET", USER).size());
  }

  @Test
  void a401IsFollowedByOneFreshExchangeWithAFreshIdentityToken() throws Exception {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"token\":\"FAKE-SECRET-buddy-1\"}"),
        Answer.json(200, "{\"token\":\"FAKE-SECRET-buddy-2\"}"));
    server.enqueue("GET", USER, Answer.json(401, "{\"errors\":[{\"message\":\"Token expired\"}]}"));
    AtomicInteger n = new AtomicInteger();
    BuddyClient client = client(() -> "FAKE-SECRET-jwt-" + n.incrementAndGet());

    client.user().get();

    List<Recorded> exchanges = server.requests("POST", EXCHANGE);
    assertEquals(2, exchanges.size());
    assertEquals("FAKE-SECRET-jwt-2", BuddyJson.mapper().readTree(exchanges.get(1).body()).path("web_identity_token").asText());
    List<Recorded> calls = server.requests("GET", USER);
    assertEquals(List.of("Bearer FAKE-SECRET-buddy-1", "Bearer FAKE-SECRET-buddy-2"),
        calls.stream().map(r -> r.header("Authorization")).toList());
  }

  @Test
  void withAMaxAgeTheTokenIsExchangedAgainOnceItIsThatOld() {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"token\":\"FAKE-SECRET-buddy-1\"}"),
        Answer.json(200, "{\"token\":\"FAKE-SECRET-buddy-2\"}"));
    SimulatedTime time = new SimulatedTime(Instant.parse("2026-06-01T10:00:00Z"));
    OidcTokenProvider provider = OidcTokenProvider.builder(PROVIDER, IdentityTokens.of(JWT))
        .endpoint(BuddyEndpoint.of(server.url())).maxAge(Duration.ofMinutes(10)).refreshBeforeExpiry(Duration.ofSeconds(30))
        .clock(time).build();

    assertEquals("FAKE-SECRET-buddy-1", provider.token());
    time.sleep(Duration.ofMinutes(9));
    assertEquals("FAKE-SECRET-buddy-1", provider.token());
    time.sleep(Duration.ofSeconds(31));
    assertEquals("FAKE-SECRET-buddy-2", provider.token());
    assertEquals(2, server.requests("POST", EXCHANGE).size());
  }

  @Test
  void aRefusedExchangeIsSentOnceAndReportedWithoutTheIdentityToken() {
    server.always("POST", EXCHANGE, Answer.json(403,
        "{\"errors\":[{\"message\":\"OIDC token " + JWT + " does not match the provider's conditions\"}]}"));

    BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class, () -> client(IdentityTokens.of(JWT)).user().get());

    assertEquals(403, e.status());
    assertEquals(1, server.requests("POST", EXCHANGE).size(), "an exchange is never repeated by itself");
    assertTrue(e.getMessage().contains("does not match the provider's conditions"), e.getMessage());
    assertFalse(describe(e).contains(JWT), describe(e));
  }

  @Test
  void neitherTokenPrintsAtTheMostVerboseLogLevel() {
    server.enqueue("POST", EXCHANGE, Answer.json(200, "{\"token\":\"" + BUDDY_TOKEN + "\"}"));
    server.enqueue("GET", USER, Answer.json(401, "{\"errors\":[{\"message\":\"token " + BUDDY_TOKEN + " expired\"}]}"));
    server.enqueue("POST", EXCHANGE, Answer.json(400, "{\"errors\":[{\"message\":\"bad token " + JWT + "\"}]}"));
    List<String> printed = new ArrayList<>();
    try (CapturedLog log = new CapturedLog()) {
      OidcTokenProvider provider = OidcTokenProvider.builder(PROVIDER, IdentityTokens.of(JWT))
          .endpoint(BuddyEndpoint.of(server.url())).build();
      BuddyClient client = FastClients.against(server, "FAKE-unused").tokenProvider(provider).logLevel(LogLevel.FULL).build();

      BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class, () -> client.user().get());

      printed.add(log.text());
      printed.add(describe(e));
      printed.add(provider.toString());
      printed.add(client.toString());
      assertTrue(log.text().contains("---> GET"), "the exchange of the call was logged:\n" + log.text());
    }
    for (String text : printed) {
      assertFalse(text.contains(JWT), "the identity token printed in:\n" + text);
      assertFalse(text.contains(BUDDY_TOKEN), "the Buddy token printed in:\n" + text);
    }
  }

  @Test
  void theBuilderExchangesOnTheClientsEndpoint() {
    server.enqueue("POST", EXCHANGE, Answer.json(200, BUDDY_TOKEN));

    BuddyClient.builder().endpoint(server.url()).oidc(PROVIDER, IdentityTokens.of(JWT)).build().user().get();

    assertEquals(1, server.requests("POST", EXCHANGE).size());
    assertEquals("Bearer " + BUDDY_TOKEN, server.requests("GET", USER).get(0).header("Authorization"));
  }

  @Test
  void identityTokensComeFromAFileReadAtEachExchangeOrFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "FAKE-SECRET-jwt-file-1\n");
    Supplier<String> fromFile = IdentityTokens.fromFile(file);
    assertEquals("FAKE-SECRET-jwt-file-1", fromFile.get());
    Files.writeString(file, "FAKE-SECRET-jwt-file-2");
    assertEquals("FAKE-SECRET-jwt-file-2", fromFile.get(), "read again at each exchange");

    assertEquals("FAKE-SECRET-jwt-env", IdentityTokens.fromEnvironment("CI_JOB_JWT", Map.of("CI_JOB_JWT", "FAKE-SECRET-jwt-env")).get());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> IdentityTokens.fromEnvironment("CI_JOB_JWT", Map.of()).get());
    assertTrue(missing.getMessage().contains("CI_JOB_JWT"), missing.getMessage());
    IllegalStateException noFile = assertThrows(IllegalStateException.class, () -> IdentityTokens.fromFile(dir.resolve("none")).get());
    assertTrue(noFile.getMessage().contains("none"), noFile.getMessage());
  }

  @Test
  void gitHubActionsIsAskedForAFreshTokenWithItsRequestTokenAndTheAudience() {
    server.enqueue("GET", "/_apis/token", Answer.json(200, "{\"value\":\"FAKE-SECRET-gh-jwt-1\"}"));
    Map<String, String> env = Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", server.url() + "/_apis/token?api-version=2.0",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "FAKE-SECRET-gh-request");

    assertEquals("FAKE-SECRET-gh-jwt-1", IdentityTokens.gitHubActions("https://buddy.works", env).get());

    Recorded r = server.requests("GET", "/_apis/token").get(0);
    assertEquals("Bearer FAKE-SECRET-gh-request", r.header("Authorization"));
    assertEquals("api-version=2.0&audience=https://buddy.works", r.query());
    IllegalStateException notGranted = assertThrows(IllegalStateException.class,
        () -> IdentityTokens.gitHubActions(null, Map.of()).get());
    assertTrue(notGranted.getMessage().contains("id-token: write"), notGranted.getMessage());
  }

  private static String describe(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return e.getMessage() + "\n" + w;
  }
}
