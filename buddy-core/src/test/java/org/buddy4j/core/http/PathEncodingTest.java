package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.generated.api.IntegrationsApi;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.api.WorkspacesApi;
import org.buddy4j.core.testing.FastClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path parameter reaches the server as exactly one percent-encoded segment, even through the
 * generated interfaces (which skip the facade's handle check): the raw request path a JDK
 * {@link HttpServer} on loopback receives is compared byte for byte.
 */
class PathEncodingTest {
  private HttpServer server;
  private final List<String> rawPaths = new CopyOnWriteArrayList<>();
  private final List<String> rawQueries = new CopyOnWriteArrayList<>();
  private BuddyClient client;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      rawPaths.add(exchange.getRequestURI().getRawPath());
      rawQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    client = FastClients.against("http://127.0.0.1:" + server.getAddress().getPort(), "FAKE-token-path-0012").build();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a/b            | a%2Fb",
      "../../etc      | ..%2F..%2Fetc",
      "web/pipelines/3/executions?x= | web%2Fpipelines%2F3%2Fexecutions%3Fx%3D",
      "a?b            | a%3Fb",
      "a#b            | a%23b",
      "a%2Fb          | a%252Fb",
      "'a b'          | a%20b",
      "%2E%2E         | %252E%252E",
      "zażółć         | za%C5%BC%C3%B3%C5%82%C4%87",
      "plain-name_1.x | plain-name_1.x"})
  void aWorkspaceHandleIsOneEncodedSegment(String handle, String expected) {
    client.api(WorkspacesApi.class).getWorkspace(handle);

    assertEquals(List.of("/workspaces/" + expected), rawPaths);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a?b", "a#b", "a%2Fb", "a b"})
  void everyParameterOfAPathIsItsOwnSegmentAndQueriesStillWork(String handle) {
    client.api(ProjectsApi.class).getProject(handle, handle);
    client.api(IntegrationsApi.class).getIntegration("acme", handle);
    client.api(ProjectsApi.class).getProjects(handle, null, null, null, null, 2, 30);

    String enc = org.buddy4j.core.Handles.encodeSegment(handle);
    assertEquals(List.of("/workspaces/" + enc + "/projects/" + enc, "/workspaces/acme/integrations/" + enc,
        "/workspaces/" + enc + "/projects"), rawPaths);
    for (String path : rawPaths.subList(0, 2)) {
      assertEquals(5, path.split("/", -1).length, "five segments, no more: " + path);
    }
    assertEquals("page=2&per_page=30", rawQueries.get(2));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "README.md          | README.md",
      "dir/sub/a.txt      | dir/sub/a.txt",
      "'my dir/a b.txt'   | my%20dir/a%20b.txt",
      "a%2Fb/c?d#e        | a%252Fb/c%3Fd%23e",
      "zażółć/ü.md        | za%C5%BC%C3%B3%C5%82%C4%87/%C3%BC.md"})
  void aRepositoryPathKeepsItsSlashesAndEachSegmentIsEncoded(String path, String expected) {
    client.api(RepositoryApi.class).getRepositoryContentsAtPath("acme", "web", path, (String) null);
    client.api(RepositoryApi.class).getCommits("acme", "web", null, path, null, null, null, null, null);

    assertEquals(List.of("/workspaces/acme/projects/web/repository/contents/" + expected,
        "/workspaces/acme/projects/web/repository/commits"), rawPaths);
    assertTrue(rawQueries.get(1).startsWith("path="), "the commits filter of the same name stays a query: " + rawQueries);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../secrets", "dir/../../x", "/etc/passwd", "dir//a", "dir/", "./a", ""})
  void aRepositoryPathThatCouldLeaveTheContentsRouteIsRefused(String path) {
    assertThrows(IllegalArgumentException.class,
        () -> client.api(RepositoryApi.class).getRepositoryContentsAtPath("acme", "web", path, (String) null));
    // Beside a repository path, '/' is decoded on the way out: a '/' in the other parameters is refused.
    assertThrows(IllegalArgumentException.class,
        () -> client.api(RepositoryApi.class).getRepositoryContentsAtPath("ac/me", "web", "a.txt", (String) null));
    assertThrows(IllegalArgumentException.class,
        () -> client.api(RepositoryApi.class).deleteRepositoryFile("acme", "w%2Feb/x", "a.txt", null));

    assertEquals(List.of(), rawPaths, "nothing was sent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", ""})
  void dotSegmentsAreRefusedBeforeAnythingIsSent(String handle) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.api(WorkspacesApi.class).getWorkspace(handle));

    assertTrue(e.getMessage().contains("one path segment"), e.getMessage());
    assertEquals(List.of(), rawPaths, "nothing was sent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../../etc", "a/b", "a?b", "a#b", "a%2Fb", "a b", "-a", "a-", ""})
  void theFacadeRefusesWhatIsNotAHandle(String handle) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.workspace(handle).get());
    assertThrows(IllegalArgumentException.class, () -> client.workspace("acme").project(handle));
    assertThrows(IllegalArgumentException.class, () -> client.workspace("acme").integrations().get(handle));

    assertTrue(e.getMessage().startsWith("workspace "), e.getMessage());
    assertEquals(List.of(), rawPaths, "nothing was sent");
  }
}
