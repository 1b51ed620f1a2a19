package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs' examples (api-spec's buddy4j/examples/*.json) against the emulator: every documented request
 * is accepted, and for every documented response the emulator produces an answer that validates against
 * the spec and carries at least the example's keys (recursively; first element of arrays).
 */
class DocsExamplesTest extends EmulatorTestBase {
  /** Where each example prefix is sent in the built-in seed. */
  private static final Map<String, String[]> TARGETS = Map.ofEntries(
    entry("actions-get", new String[] {"GET", ApiClient.pipeline(2) + "/actions/5"}),
    entry("executions-operation", new String[] {"PATCH", null}),
    entry("executions-run", new String[] {"POST", ApiClient.executions(2)}),
    entry("integrations-create", new String[] {"POST", WS + "/integrations"}),
    entry("members-add", new String[] {"POST", WS + "/members"}),
    entry("members-list", new String[] {"GET", WS + "/members"}),
    entry("members-projects", new String[] {"GET", WS + "/members/1/projects"}),
    entry("members-update", new String[] {"PATCH", WS + "/members/1"}),
    entry("oauth-register", new String[] {"POST", "/oauth2/register"}),
    entry("oauth-token", new String[] {"POST", "/oauth2/token"}),
    entry("permissions-create", new String[] {"POST", WS + "/permissions"}),
    entry("pipelines-clear-cache", new String[] {"PATCH", ApiClient.pipeline(2)}),
    entry("pipelines-create", new String[] {"POST", PROJECT + "/pipelines"}),
    entry("project-members-add", new String[] {"POST", PROJECT + "/members"}),
    entry("project-members-list", new String[] {"GET", PROJECT + "/members"}),
    entry("project-members-update", new String[] {"PATCH", PROJECT + "/members/1"}),
    entry("projects-create", new String[] {"POST", WS + "/projects"}),
    entry("projects-list", new String[] {"GET", WS + "/projects"}),
    entry("repository-contents", new String[] {"GET", PROJECT + "/repository/contents"}),
    entry("tags-create", new String[] {"POST", PROJECT + "/repository/tags"}),
    entry("tokens-create", new String[] {"POST", "/user/tokens"}),
    entry("user-get", new String[] {"GET", "/user"}),
    entry("variables-list", new String[] {"GET", WS + "/variables"}),
    entry("webhooks-create", new String[] {"POST", WS + "/webhooks"}),
    entry("webhooks-update", new String[] {"PATCH", WS + "/webhooks/101"}),
    entry("workspaces-list", new String[] {"GET", "/workspaces"}));

  /** Bodies for operations whose docs show a response but no request. */
  private static final Map<String, JsonObject> DEFAULT_REQUESTS = Map.of(
    "oauth-token", new JsonObject().put("grant_type", "client_credentials").put("client_id", "buddy4j-emulator-client")
      .put("client_secret", "buddy4j-emulator-client-secret"),
    "oauth-register", new JsonObject().put("client_name", "ci").put("redirect_uris", new JsonArray().add("http://localhost/cb"))
      .put("client_uri", "http://localhost").put("description", "CI client"));

  /** A docs example the emulator refuses on purpose, with the reason. */
  private static final Map<String, String> EXPECTED_REFUSALS = Map.of(
    // The docs' snippet shows only trigger_conditions; the spec requires `name` on create.
    "pipelines-create.request.trigger-conditions.json", "'name'");

  @Test
  void everyDocumentedRequestIsAccepted() throws Exception {
    List<String> requests = exampleFiles().stream().filter(f -> f.contains(".request")).toList();
    assertTrue(requests.size() >= 30, requests::toString);
    for (String file : requests) {
      api.reset();
      String prefix = file.substring(0, file.indexOf('.'));
      ApiClient.Reply reply = sendExample(prefix, read(file));
      if (EXPECTED_REFUSALS.containsKey(file)) {
        assertEquals(400, reply.status, () -> file + ": " + reply);
        assertTrue(reply.errorMessage().contains(EXPECTED_REFUSALS.get(file)), () -> file + ": " + reply);
      } else {
        assertTrue(reply.status >= 200 && reply.status < 300, () -> file + " was refused: " + reply);
      }
    }
  }

  @Test
  void everyDocumentedResponseCanBeProducedWithTheSameKeys() throws Exception {
    List<String> responses = exampleFiles().stream().filter(f -> f.contains(".response")).toList();
    assertTrue(responses.size() >= 20, responses::toString);
    for (String file : responses) {
      api.reset();
      String prefix = file.substring(0, file.indexOf('.'));
      JsonObject request = exampleFiles().stream().filter(f -> f.startsWith(prefix + ".request") && !f.contains("legacy"))
        .findFirst().map(DocsExamplesTest::read).orElse(DEFAULT_REQUESTS.getOrDefault(prefix, new JsonObject()));
      if (prefix.equals("integrations-create")) {
        request = read("integrations-create.request.github.json");
      }
      ApiClient.Reply reply = sendExample(prefix, request);
      assertTrue(reply.status >= 200 && reply.status < 300, () -> file + ": " + reply);
      if (file.contains(".legacy.")) {
        continue; // older generation of the docs: validated against the spec by ApiClient, keys differ.
      }
      Set<String> missing = new TreeSet<>(keys(read(file), ""));
      missing.removeAll(keys(reply.json(), ""));
      assertEquals(Collections.emptySet(), missing, () -> file + ": the emulator's answer lacks these keys: " + reply);
    }
  }

  /** The docs' ids that the built-in seed names otherwise: the docs add member 216, the seed has members 1 and 2… */
  private static final Map<String, JsonObject> SEED_IDS = Map.of(
    "project-members-add", new JsonObject().put("id", 2),
    // The docs tag a commit of their own repository; the emulator's is another.
    "tags-create", new JsonObject().put("commit", new JsonObject().put("revision", "HEAD")));

  private ApiClient.Reply sendExample(String prefix, JsonObject example) {
    JsonObject body = SEED_IDS.containsKey(prefix) ? example.copy().mergeIn(SEED_IDS.get(prefix)) : example;
    String[] target = TARGETS.get(prefix);
    assertTrue(target != null, "no target for " + prefix);
    if (prefix.equals("executions-operation")) {
      return operation(body);
    }
    if (prefix.equals("oauth-token") || prefix.equals("oauth-register")) {
      return api.exchange(target[0], target[1], body.encode(), "application/json", null);
    }
    return api.send(target[0], target[1], target[0].equals("GET") ? null : body);
  }

  /** APPLY_VARIABLES needs a run waiting for variables (pipeline 6), RUN_DELAYED a scheduled run. */
  private ApiClient.Reply operation(JsonObject body) {
    if ("APPLY_VARIABLES".equals(body.getString("operation"))) {
      int id = api.post(ApiClient.executions(6), new JsonObject()).json().getInteger("id");
      api.advance(1);
      return api.patch(ApiClient.executions(6) + "/" + id, body);
    }
    String now = api.get("/__emulator/clock").json().getString("now");
    String later = java.time.Instant.parse(now).plusSeconds(3600).toString();
    int id = api.post(ApiClient.executions(2), new JsonObject().put("delay_until", later)).json().getInteger("id");
    return api.patch(ApiClient.executions(2) + "/" + id, body);
  }

  static Set<String> keys(Object node, String prefix) {
    Set<String> out = new TreeSet<>();
    if (node instanceof JsonObject) {
      for (Map.Entry<String, Object> e : (JsonObject) node) {
        out.add(prefix + e.getKey());
        out.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
      }
    } else if (node instanceof JsonArray && !((JsonArray) node).isEmpty()) {
      out.addAll(keys(((JsonArray) node).getValue(0), prefix + "[]."));
    }
    return out;
  }

  private static JsonObject read(String file) {
    return new JsonObject(SpecContract.readResource("buddy4j/examples/" + file));
  }

  private static List<String> exampleFiles() throws IOException, URISyntaxException {
    URL url = DocsExamplesTest.class.getClassLoader().getResource("buddy4j/examples");
    assertTrue(url != null, "api-spec's examples are on the classpath");
    URI uri = url.toURI();
    List<String> names = new ArrayList<>();
    if ("jar".equals(uri.getScheme())) {
      try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of()); Stream<Path> files = Files.list(fs.getPath("buddy4j/examples"))) {
        files.forEach(p -> names.add(p.getFileName().toString()));
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(uri))) {
        files.forEach(p -> names.add(p.getFileName().toString()));
      }
    }
    names.removeIf(n -> !n.endsWith(".json"));
    Collections.sort(names);
    return names;
  }
}
