package org.buddy4j.insights.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.insights.TimeWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One emulator per test class, loaded with {@code history-seed.yaml} (workspace {@code acme}, project
 * {@code shop}, pipelines 1 {@code deploy-prod} and 2 {@code tests} with seeded histories), frozen clock,
 * reset before every test, and the real client pointed at it.
 */
abstract class HistoryTestBase {
  static final String WS = "acme";
  static final String PROJECT = "shop";
  /** The window every metric test uses: three days, 2026-03-02 to 2026-03-05 (UTC). */
  static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-05T00:00:00Z"));

  static BuddyEmulator emulator;
  static BuddyClient buddy;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startEmulator() throws IOException {
    String seed;
    try (InputStream in = HistoryTestBase.class.getResourceAsStream("history-seed.yaml")) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    emulator = BuddyEmulator.start(EmulatorOptions.defaults().port(0).clockSpeed(0).seed(seed));
    buddy = BuddyClient.builder().endpoint(emulator.baseUrl()).token(emulator.token())
        .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100)).build();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void reset() {
    admin("POST", "/__emulator/reset", "{}");
  }

  static PipelineClient pipeline(int id) {
    return buddy.workspace(WS).project(PROJECT).pipeline(id);
  }

  /** Calls the emulator's admin API and returns the body. */
  static String admin(String method, String path, String body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).timeout(Duration.ofSeconds(10));
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = HTTP.send(b.header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How many requests with this method the API has answered since the last reset. */
  static long requestCount(String method) {
    io.vertx.core.json.JsonArray log = new io.vertx.core.json.JsonObject(admin("GET", "/__emulator/requests", null))
        .getJsonArray("requests");
    return log.stream().filter(r -> method.equals(((io.vertx.core.json.JsonObject) r).getString("method"))).count();
  }
}
