package org.buddy4j.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.HttpSelectorThreads;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.buddy4j.core.testing.LoopbackServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth tokens are refreshed once on 401 (never in a loop), ahead of expiry, form-encoded; static tokens are not. */
class OAuth2RefreshTest {
  private static final String TOKEN_PATH = "/oauth2/token";
  private static final String USER = "/user";
  private static final String OK = "{\"id\": 1, \"name\": \"Mike\"}";
  private static final String UNAUTHORIZED = "{\"errors\":[{\"message\":\"Unauthorized\"}]}";
  private static final String CLIENT_ID = "FAKE-client-id-0005";
  private static final String CLIENT_SECRET = "FAKE-client-secret-0005";

  private LoopbackServer server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Answer tokenAnswer(String access, String refresh, long expiresIn) {
    return Answer.json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + ",\"refresh_token\":\"" + refresh + "\"}");
  }

  private BuddyClient clientWith(OAuth2TokenProvider provider) {
    return FastClients.against(server, "FAKE-token-unused").tokenProvider(provider).build();
  }

  private OAuth2TokenProvider.Builder provider() {
    return OAuth2TokenProvider.builder(CLIENT_ID, CLIENT_SECRET).endpoint(BuddyEndpoint.of(server.url()));
  }

  private static Map<String, String> form(Recorded r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.body().split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  /** A provider passed in is its owner's: closing the client leaves it working; closing it ends its JDK client. */
  @Test
  void aProviderPassedInOutlivesTheClientAndClosesItsOwnThreads() {
    server.enqueue("POST", TOKEN_PATH, tokenAnswer("FAKE-token-access-A", "FAKE-refresh-2", 28800));
    server.always("GET", USER, Answer.json(200, OK));
    Set<Thread> before = HttpSelectorThreads.alive();
    OAuth2TokenProvider provider = provider().refreshToken("FAKE-refresh-1").build();
    BuddyClient client = clientWith(provider);
    client.user().get();
    Set<Thread> started = HttpSelectorThreads.alive();
    started.removeAll(before);

    client.close();
    Set<Thread> left = HttpSelectorThreads.stillAlive(started);
    assertEquals(1, left.size(), "the provider's own client is left running: " + started);
    BuddyClient another = clientWith(provider);
    assertEquals("Mike", another.user().get().getName());
    another.close();

    provider.close();
    assertEquals(Set.of(), HttpSelectorThreads.stillAlive(left));
  }

  @Test
  void a401IsFollowedByExactlyOneRefreshAndOneRetryWithTheNewToken() {
    server.enqueue("POST", TOKEN_PATH,
        tokenAnswer("FAKE-token-access-A", "FAKE-refresh-2", 28800),
        tokenAnswer("FAKE-token-access-B", "FAKE-refresh-3", 28800));
    server.enqueue("GET", USER, Answer.json(401, UNAUTHORIZED));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = clientWith(provider().refreshToken("FAKE-refresh-1").build());

    assertEquals("Mike", client.user().get().getName());

    List<Recorded> tokenPosts = server.requests("POST", TOKEN_PATH);
    assertEquals(2, tokenPosts.size(), "one grant for the first token, exactly one refresh after the 401");
    for (Recorded post : tokenPosts) {
      assertTrue(post.header("Content-Type").startsWith("application/x-www-form-urlencoded"), post.header("Content-Type"));
      assertTrue(post.body().startsWith("grant_type=refresh_token&"), post.body());
      assertEquals(CLIENT_ID, form(post).get("client_id"));
      assertEquals(CLIENT_SECRET, form(post).get("client_secret"));
    }
    assertEquals("FAKE-refresh-1", form(tokenPosts.get(0)).get("refresh_token"));
    assertEquals("FAKE-refresh-2", form(tokenPosts.get(1)).get("refresh_token"), "the rotated refresh token is used");

    List<Recorded> calls = server.requests("GET", USER);
    assertEquals(2, calls.size(), "the 401 and exactly one retry");
    assertEquals("Bearer FAKE-token-access-A", calls.get(0).header("Authorization"));
    assertEquals("Bearer FAKE-token-access-B", calls.get(1).header("Authorization"));
  }

  @Test
  void aSecond401AfterTheRefreshIsAnAuthenticationErrorWithoutALoop() {
    server.enqueue("POST", TOKEN_PATH,
        tokenAnswer("FAKE-token-access-A", "FAKE-refresh-2", 28800),
        tokenAnswer("FAKE-token-access-B", "FAKE-refresh-3", 28800));
    server.always("POST", TOKEN_PATH, tokenAnswer("FAKE-token-access-C", "FAKE-refresh-4", 28800));
    server.always("GET", USER, Answer.json(401, UNAUTHORIZED));
    BuddyClient client = clientWith(provider().refreshToken("FAKE-refresh-1").build());

    BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class, () -> client.user().get());

    assertEquals(401, e.status());
    assertEquals(2, server.requests("GET", USER).size());
    assertEquals(2, server.requests("POST", TOKEN_PATH).size());
    assertFalse(e.getMessage().contains("FAKE-token-access"), e.getMessage());
  }

  @Test
  void aStaticTokenAnswered401FailsAfterExactlyOneRequest() {
    server.always("GET", USER, Answer.json(401, UNAUTHORIZED));
    BuddyClient client = FastClients.against(server, "FAKE-token-static-0005").build();

    BuddyAuthenticationException e = assertThrows(BuddyAuthenticationException.class, () -> client.user().get());

    assertEquals(1, server.requests("GET", USER).size());
    assertEquals(0, server.requests("POST", TOKEN_PATH).size());
    assertEquals("Unauthorized", e.messages().get(0));
    assertEquals("GET", e.method());
  }

  @Test
  void theTokenIsRefreshedBeforeItExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    server.enqueue("POST", TOKEN_PATH,
        tokenAnswer("FAKE-token-access-A", "FAKE-refresh-2", 3600),
        tokenAnswer("FAKE-token-access-B", "FAKE-refresh-3", 3600));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = clientWith(provider().refreshToken("FAKE-refresh-1").clock(clock).build());

    client.user().get();
    clock.advance(Duration.ofMinutes(30));
    client.user().get();
    assertEquals(1, server.requests("POST", TOKEN_PATH).size(), "half-way through its life the token is reused");

    clock.advance(Duration.ofMinutes(29).plusSeconds(10)); // 50 s before expiry: inside the 60 s margin
    client.user().get();

    List<Recorded> tokenPosts = server.requests("POST", TOKEN_PATH);
    assertEquals(2, tokenPosts.size(), "refreshed ahead of expiry");
    assertEquals("refresh_token", form(tokenPosts.get(1)).get("grant_type"));
    List<Recorded> calls = server.requests("GET", USER);
    assertEquals(3, calls.size(), "no request was spent on a 401");
    assertEquals("Bearer FAKE-token-access-A", calls.get(1).header("Authorization"));
    assertEquals("Bearer FAKE-token-access-B", calls.get(2).header("Authorization"));
  }

  @Test
  void clientCredentialsSendsTheScope() {
    server.enqueue("POST", TOKEN_PATH, Answer.json(200,
        "{\"access_token\":\"FAKE-token-access-CC\",\"token_type\":\"Bearer\",\"expires_in\":28800}"));
    server.always("GET", USER, Answer.json(200, OK));
    BuddyClient client = clientWith(provider().scope("WORKSPACE EXECUTION_RUN").build());

    client.user().get();

    List<Recorded> tokenPosts = server.requests("POST", TOKEN_PATH);
    assertEquals(1, tokenPosts.size());
    Map<String, String> form = form(tokenPosts.get(0));
    assertEquals("client_credentials", form.get("grant_type"));
    assertEquals("WORKSPACE EXECUTION_RUN", form.get("scope"));
    assertEquals(CLIENT_ID, form.get("client_id"));
    assertTrue(tokenPosts.get(0).header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    assertEquals("Bearer FAKE-token-access-CC", server.requests("GET", USER).get(0).header("Authorization"));
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
