package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * What the provisioning ITs share: an emulator whose workspace {@code buddy} starts empty (the default seed
 * without its projects, integrations and resources, so that an export holds exactly what a script declared),
 * {@code buddy.jar} run as a child process against it, the request log's writes, and Buddy's live lists.
 */
final class ProvisionFixture implements AutoCloseable {
  static final Path ROOT = Path.of(System.getProperty("buddy4j.repoRoot", "..")).toAbsolutePath().normalize();
  static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestEmulator buddy;
  final Path dir;

  ProvisionFixture(Path dir, double clockSpeed) {
    this.dir = dir;
    this.buddy = TestEmulator.start(EmulatorOptions.defaults().seed(emptyWorkspaceSeed()).clockSpeed(clockSpeed)
        .requestLogCapacity(50_000));
  }

  /** The default seed with workspace {@code buddy} emptied: its users and tokens, none of its resources. */
  static String emptyWorkspaceSeed() {
    try (InputStream in = EmulatorOptions.class.getResourceAsStream("/buddy4j/emulator/default-seed.json")) {
      ObjectNode seed = (ObjectNode) TestEmulator.JSON.readTree(in);
      for (JsonNode w : seed.withArray("workspaces")) {
        ObjectNode ws = (ObjectNode) w;
        ws.putArray("projects");
        ws.putArray("integrations");
        ws.remove("resources");
      }
      return seed.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The user's environment: the emulator's token and endpoint, workspace {@code buddy}, no default project. */
  Map<String, String> env(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(buddy.env());
    env.remove("BUDDY_PROJECT");
    env.putAll(more);
    return env;
  }

  /** What a child {@code buddy} printed (stdout and stderr, interleaved as written) and its exit code. */
  record Child(int code, String output) {
    @Override
    public String toString() {
      return "exit " + code + "\n" + output;
    }
  }

  /** Runs {@code java -jar buddy.jar args…} to its end (stdin is not a terminal). */
  Child run(Map<String, String> env, String... args) throws Exception {
    Path log = Files.createTempFile(dir, "buddy-", ".log");
    Process child = ChildRunner.start(env(env), List.of(), log, args);
    try {
      assertTrue(child.waitFor(5, TimeUnit.MINUTES), "buddy " + String.join(" ", args) + " ended"); // only a hang guard
      return new Child(child.exitValue(), Files.readString(log));
    } finally {
      child.destroyForcibly();
    }
  }

  /** Starts {@code buddy args…} and returns at once, its output going to {@code log}. */
  Process start(Map<String, String> env, Path log, String... args) throws IOException {
    return ChildRunner.start(env(env), List.of(), log, args);
  }

  /** The log's highest sequence number so far (0 when empty): writes after it are {@link #writesAfter}. */
  long lastSeq() {
    return buddy.requests().stream().mapToLong(r -> r.path("seq").asLong()).max().orElse(0);
  }

  /** Every write (POST, PUT, PATCH, DELETE) the emulator received after {@code seq}, as "METHOD operationId". */
  List<String> writesAfter(long seq) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : buddy.requests()) {
      if (r.path("seq").asLong() > seq && WRITES.contains(r.path("method").asText())) {
        out.add(r.path("method").asText() + " " + r.path("operationId").asText());
      }
    }
    return out;
  }

  /** Polls {@code condition} every few ms; fails after two minutes (a hang guard, never a verdict). */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(10);
    }
  }

  /** {@code GET path} on Buddy's API (the emulator), as JSON. */
  JsonNode get(String path) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(buddy.baseUrl() + path))
          .header("Authorization", "Bearer " + buddy.emulator.token()).build();
      HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
      }
      return TestEmulator.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The values of {@code field} of every item of the list at {@code path} (its array under {@code envelope}). */
  List<String> list(String path, String envelope, String field) {
    List<String> out = new ArrayList<>();
    String sep = path.contains("?") ? "&" : "?";
    for (int page = 1; ; page++) {
      JsonNode items = get(path + sep + "page=" + page + "&per_page=100").path(envelope);
      items.forEach(i -> out.add(i.path(field).asText()));
      if (items.size() < 100) {
        return out;
      }
    }
  }

  /** A copy of the example script in the test's directory (so that its state file lands there). */
  Path example(String name) throws IOException {
    return Files.copy(ROOT.resolve("examples").resolve(name), dir.resolve(name));
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    buddy.close();
  }
}
