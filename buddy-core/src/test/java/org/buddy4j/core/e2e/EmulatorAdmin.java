package org.buddy4j.core.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The emulator's admin API ({@code /__emulator/…}) over plain JDK HTTP, for arranging and inspecting e2e tests. */
final class EmulatorAdmin {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
    .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  EmulatorAdmin(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Back to the seed the emulator started with: state, clock, rate limit, faults, request log. */
  void reset() {
    send("POST", "/__emulator/reset?initial=true", "{}");
  }

  /** Replaces the loaded seed (JSON). */
  void seed(JsonObject seed) {
    send("POST", "/__emulator/seed", seed.encode());
  }

  void clockSpeed(double simulatedSecondsPerSecond) {
    send("PUT", "/__emulator/clock", new JsonObject().put("speed", simulatedSecondsPerSecond).encode());
  }

  /** The simulated clock's current time. */
  java.time.Instant now() {
    return java.time.Instant.parse(new JsonObject(send("GET", "/__emulator/clock", null)).getString("now"));
  }

  void advance(double seconds) {
    send("POST", "/__emulator/clock/advance", new JsonObject().put("seconds", seconds).encode());
  }

  void rateLimit(int limit, int windowSeconds) {
    send("PUT", "/__emulator/rate-limit", new JsonObject().put("limit", limit).put("windowSeconds", windowSeconds).encode());
  }

  void faults(JsonObject... rules) {
    send("PUT", "/__emulator/faults", new JsonArray(List.of((Object[]) rules)).encode());
  }

  void clearRequests() {
    send("DELETE", "/__emulator/requests", null);
  }

  /** Every logged API request, oldest first. */
  List<JsonObject> requests() {
    JsonArray all = new JsonObject(send("GET", "/__emulator/requests", null)).getJsonArray("requests");
    return all.stream().map(JsonObject.class::cast).collect(Collectors.toList());
  }

  /** Logged requests with this operationId, oldest first. */
  List<JsonObject> requests(String operationId) {
    return requests().stream().filter(r -> operationId.equals(r.getString("operationId"))).collect(Collectors.toList());
  }

  /** A raw API GET with the token, bypassing buddy-core, for checking the exact bytes the emulator sends. */
  String rawApiGet(String path, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
      .header("Authorization", "Bearer " + token).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
      .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException("admin " + method + " " + path + " → " + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("admin " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
