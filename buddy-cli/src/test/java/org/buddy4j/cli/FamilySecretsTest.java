package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secrets print as {@code ***} even when a server answers them: a JDK HttpServer on loopback plays a Buddy that
 * returns a target's password, a token's value and an encrypted variable's value in clear (the emulator, like
 * Buddy, leaves them out or masks them, so it cannot show that the CLI masks them itself).
 */
class FamilySecretsTest {
  private static final String SECRET = "FAKE-SECRET-answered-0003";
  private static final Map<String, String> ANSWERS = Map.of(
      "/workspaces/buddy/targets/T1", "{\"id\":\"T1\",\"name\":\"web\",\"type\":\"SSH\",\"host\":\"192.0.2.1\","
          + "\"auth\":{\"method\":\"PASSWORD\",\"username\":\"deploy\",\"password\":\"" + SECRET + "\"}}",
      "/user/tokens/K1", "{\"id\":\"K1\",\"name\":\"ci\",\"token\":\"" + SECRET + "\",\"scopes\":[\"WORKSPACE\"]}",
      "/workspaces/buddy/variables/7", "{\"id\":7,\"key\":\"API_KEY\",\"value\":\"" + SECRET + "\",\"encrypted\":true}",
      "/workspaces/buddy/webhooks/9", "{\"id\":9,\"target_url\":\"https://example.com/h\",\"secret_key\":\"" + SECRET + "\"}");

  static HttpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String body = ANSWERS.get(exchange.getRequestURI().getPath());
      byte[] bytes = (body == null ? "{\"errors\":[{\"message\":\"not here\"}]}" : body).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "{0} get {1} -o {2}")
  @CsvSource({"targets,T1,text,auth.password", "targets,T1,json,password", "tokens,K1,text,token", "tokens,K1,jsonl,token",
      "variables,7,text,value", "variables,7,json,value", "webhooks,9,text,secret_key", "webhooks,9,jsonl,secret_key"})
  void aSecretAnsweredInClearPrintsMasked(String family, String id, String format, String field) {
    Map<String, String> env = Map.of("BUDDY_TOKEN", "FAKE-SECRET-token-0004",
        "BUDDY_API_ENDPOINT", "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort(),
        "BUDDY_WORKSPACE", "buddy");

    Result r = TestEmulator.cli(env, family, "get", id, "-o", format);

    assertEquals(0, r.code(), r.toString());
    assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.toString());
    String masked = format.equals("text") ? field + ": +\\*\\*\\*" : "\"" + field + "\" ?: ?\"\\*\\*\\*\"";
    assertTrue(r.out().lines().anyMatch(l -> l.strip().matches(".*" + masked + ".*")), "no " + field + " ***: " + r);
  }
}
