package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plain JDK HTTP client for the emulator's tests (deliberately not buddy-core). Every API response it
 * receives is validated against the spec and must carry the X-Rate-Limit headers; admin calls under
 * /__emulator are not part of the spec and are only checked for success.
 */
final class ApiClient {
  /** One answer. */
  static final class Reply {
    final int status;
    final Map<String, List<String>> headers;
    final String body;

    Reply(int status, Map<String, List<String>> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElse(null);
    }

    String errorMessage() {
      return json().getJsonArray("errors").getJsonObject(0).getString("message");
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + body;
    }
  }

  static final String WS = "/workspaces/buddy";
  static final String PROJECT = WS + "/projects/company-website";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
    .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private String token;

  ApiClient(BuddyEmulator emulator) {
    this.baseUrl = emulator.baseUrl();
    this.token = emulator.token();
  }

  ApiClient withToken(String newToken) {
    this.token = newToken;
    return this;
  }

  static String pipeline(int id) {
    return PROJECT + "/pipelines/" + id;
  }

  static String executions(int pipelineId) {
    return pipeline(pipelineId) + "/executions";
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, Object body) {
    return send("POST", path, body);
  }

  Reply patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply send(String method, String path, Object body) {
    String text = body == null ? null : body instanceof String ? (String) body
      : body instanceof JsonObject ? ((JsonObject) body).encode() : ((JsonArray) body).encode();
    return exchange(method, path, text, "application/json", token);
  }

  /** Sends and validates; throws IOException wrapped as UncheckedIOException-like RuntimeException on transport errors. */
  Reply exchange(String method, String path, String body, String contentType, String bearer) {
    try {
      return exchangeOrThrow(method, path, body, contentType, bearer);
    } catch (IOException e) {
      throw new TransportFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply exchangeOrThrow(String method, String path, String body, String contentType, String bearer)
    throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
      .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
    String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (rawPath.startsWith("/__emulator")) {
      assertTrue(reply.status < 300, () -> "admin call " + method + " " + path + " failed: " + reply);
      return reply;
    }
    checkAgainstSpec(method, rawPath, reply);
    return reply;
  }

  private static void checkAgainstSpec(String method, String path, Reply reply) {
    Map<String, String> headers = new HashMap<>();
    reply.headers.forEach((k, v) -> headers.put(k, v.get(0)));
    for (String name : List.of("X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset")) {
      assertNotNull(reply.header(name), () -> name + " missing on " + method + " " + path + ": " + reply);
    }
    String contentType = reply.header("Content-Type");
    if (reply.status >= 400) {
      assertEquals(1, reply.json().getJsonArray("errors").size(), () -> "error body of " + reply);
    }
    SpecResponseValidator.get().validate(method, path, reply.status, headers, reply.body, contentType);
  }

  // ── admin API ──

  /** An admin call whose failure the test expects (not asserted to succeed). */
  Reply exchangeOrThrowAdmin(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
      .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
      .header("Content-Type", "application/json").build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.headers().map(), response.body());
  }

  void reset() {
    post("/__emulator/reset?initial=true", new JsonObject());
  }

  void advance(double seconds) {
    post("/__emulator/clock/advance", new JsonObject().put("seconds", seconds));
  }

  /** Thrown when no HTTP answer arrived (connection closed or reset). */
  static final class TransportFailure extends RuntimeException {
    TransportFailure(IOException cause) {
      super(cause);
    }
  }
}
