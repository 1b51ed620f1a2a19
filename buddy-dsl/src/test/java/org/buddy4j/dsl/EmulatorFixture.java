package org.buddy4j.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * The emulator on loopback for DSL tests, with its admin API: the default seed plus a project
 * {@code my-project} (the docs' integration examples name it) and one successful past run of pipeline 4
 * (so it can be rolled back); runs at 200× speed.
 */
final class EmulatorFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BuddyEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String seed;
  private final BuddyClient client;

  EmulatorFixture() {
    this(seed());
  }

  /** The emulator with another seed (JSON). */
  EmulatorFixture(String seed) {
    this.seed = seed;
    this.emulator = BuddyEmulator.start(EmulatorOptions.defaults().seed(seed).clockSpeed(200));
    this.client = BuddyClient.builder().endpoint(emulator.baseUrl()).token(emulator.token())
        .pollInterval(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  BuddyClient client() {
    return client;
  }

  /** Back to the seed, with an empty request log. */
  void reset() {
    admin("POST", "/seed", seed);
    admin("DELETE", "/requests", null);
  }

  void clearRequests() {
    admin("DELETE", "/requests", null);
  }

  /** The API requests the emulator received since the last clear, oldest first. */
  List<JsonNode> requests() {
    JsonNode log = read(admin("GET", "/requests", null)).path("requests");
    List<JsonNode> out = new ArrayList<>();
    log.forEach(out::add);
    return out;
  }

  private String admin(String method, String path, String body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator" + path));
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        b.header("Content-Type", "application/json");
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The seed without its integrations (its GitHub integration has the identifier of the docs' example, which
   * an apply would update rather than create).
   */
  static String seedWithoutIntegrations() {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(seed());
      ((ObjectNode) root.path("workspaces").get(0)).putArray("integrations");
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String seed() {
    try (InputStream in = BuddyEmulator.class.getResourceAsStream("/buddy4j/emulator/default-seed.json")) {
      ObjectNode root = (ObjectNode) JSON.readTree(in);
      ObjectNode workspace = (ObjectNode) root.path("workspaces").get(0);
      ArrayNode projects = (ArrayNode) workspace.path("projects");
      for (JsonNode pipeline : projects.get(0).path("pipelines")) {
        if (pipeline.path("id").asInt() == 4) {
          ArrayNode history = ((ObjectNode) pipeline).putArray("history");
          history.addObject().put("status", "SUCCESSFUL").put("branch", "develop").put("comment", "last good release");
        }
      }
      ObjectNode mine = projects.addObject();
      mine.put("name", "my-project").put("display_name", "My Project");
      mine.putArray("branches").addObject().put("name", "master").put("default", true);
      mine.putArray("pipelines");
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
