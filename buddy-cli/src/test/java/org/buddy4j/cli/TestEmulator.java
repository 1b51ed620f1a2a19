package org.buddy4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.BuddyCli;

/**
 * A real emulator on loopback for a test, with its admin API (faults, rate limit, request log) and a
 * way to run the {@code buddy} CLI in-process against it.
 */
public final class TestEmulator implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final BuddyEmulator emulator;

  private TestEmulator(BuddyEmulator emulator) {
    this.emulator = emulator;
  }

  public static TestEmulator start(double clockSpeed) {
    return start(EmulatorOptions.defaults().clockSpeed(clockSpeed).requestLogCapacity(50_000));
  }

  public static TestEmulator start(EmulatorOptions options) {
    return new TestEmulator(BuddyEmulator.start(options));
  }

  public String baseUrl() {
    return emulator.baseUrl();
  }

  /** The environment a user of this emulator would have. */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BUDDY_TOKEN", emulator.token());
    env.put("BUDDY_API_ENDPOINT", emulator.baseUrl());
    env.put("BUDDY_WORKSPACE", "buddy");
    env.put("BUDDY_PROJECT", "company-website");
    return env;
  }

  public JsonNode admin(String method, String path, String body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/__emulator" + path))
          .header("Content-Type", "application/json");
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
      }
      return r.body().isEmpty() ? null : JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public void faults(String json) {
    admin("PUT", "/faults", json);
  }

  public void clearFaults() {
    admin("DELETE", "/faults", null);
  }

  public void rateLimit(int limit, int windowSeconds) {
    admin("PUT", "/rate-limit", "{\"limit\":" + limit + ",\"windowSeconds\":" + windowSeconds + "}");
  }

  public void clearRequests() {
    admin("DELETE", "/requests", null);
  }

  /** The request log: method, path, operationId, status, body… */
  public List<JsonNode> requests() {
    List<JsonNode> out = new ArrayList<>();
    admin("GET", "/requests", null).path("requests").forEach(out::add);
    return out;
  }

  /**
   * Whether the emulator provably did not apply a logged request: an injected error status (answered
   * before applying) or 429. Read from the log's {@code outcome}, what the emulator did, not from
   * {@code status}, what it managed to send: a client that went away during injected latency gets none.
   */
  public static boolean unapplied(JsonNode request) {
    String outcome = request.path("outcome").asText();
    return outcome.equals("refused-by-fault") || outcome.equals("rate-limited");
  }

  public long count(String operationId) {
    return requests().stream().filter(r -> operationId.equals(r.path("operationId").asText())).count();
  }

  /** Every execution's comment of a pipeline (newest first), straight from the API. */
  public List<String> comments(int pipeline) {
    return executions(pipeline).stream().map(e -> e.path("comment").asText("")).toList();
  }

  /** Every execution of a pipeline (newest first), straight from the API. */
  public List<JsonNode> executions(int pipeline) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      try {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl()
                + "/workspaces/buddy/projects/company-website/pipelines/" + pipeline + "/executions?page=" + page + "&per_page=100"))
            .header("Authorization", "Bearer " + emulator.token()).build();
        JsonNode list = JSON.readTree(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body());
        JsonNode items = list.path("executions");
        items.forEach(out::add);
        if (items.size() < 100) {
          return out;
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Runs {@code buddy args…} in this JVM with the given environment; returns code, stdout and stderr. */
  public static Result cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = BuddyCli.run(args, env, o, e);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What a CLI run printed and returned. */
  public record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
