package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code buddy api}'s bad input: one line saying what is wrong and what is valid, exit 2, nothing sent.
 * The configuration points at an endpoint nobody listens on, so a request that slipped through would
 * fail with exit 1, not 2.
 */
class RawApiCommandTest {
  private static final Map<String, String> NOWHERE = Map.of("BUDDY_TOKEN", "FAKE-token-raw-cli-0001",
      "BUDDY_API_ENDPOINT", "http://127.0.0.1:9");

  @TempDir
  Path dir;

  private static void assertUsage(Result r, String expected) {
    assertEquals(2, r.code(), r.toString());
    assertEquals(expected, r.err().strip(), r.toString());
    assertEquals("", r.out());
  }

  @Test
  void anUnknownMethodListsTheValidOnes() {
    assertUsage(TestEmulator.cli(NOWHERE, "api", "FETCH", "/workspaces"),
        "buddy api: unknown method 'FETCH': use one of GET, POST, PUT, PATCH, DELETE");
  }

  @Test
  void aPathMustStayUnderTheEndpoint() {
    Result url = TestEmulator.cli(NOWHERE, "api", "GET", "https://example.com/workspaces");
    Result dots = TestEmulator.cli(NOWHERE, "api", "GET", "/workspaces/../user");
    assertEquals(2, url.code(), url.toString());
    assertTrue(url.err().startsWith("buddy api: give a path relative to the endpoint"), url.err());
    assertEquals(2, dots.code(), dots.toString());
    assertTrue(dots.err().contains("'..' segments would leave the endpoint"), dots.err());
  }

  @Test
  void aMissingDataFileIsNamed() {
    Path missing = dir.resolve("nope.json");
    assertUsage(TestEmulator.cli(NOWHERE, "api", "POST", "/workspaces", "--data", "@" + missing), missing + ": no such file");
  }

  @Test
  void dataThatIsNotJsonSaysWhereWithoutQuotingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\n  \"token\": FAKE-SECRET-unquoted-0002\n}");
    Result fromFile = TestEmulator.cli(NOWHERE, "api", "POST", "/workspaces", "--data", "@" + file);
    Result inline = TestEmulator.cli(NOWHERE, "api", "POST", "/workspaces", "--data", "{oops");

    assertEquals(2, fromFile.code(), fromFile.toString());
    assertTrue(fromFile.err().startsWith(file + ": not JSON (line 2, column "), fromFile.err());
    assertFalse(fromFile.err().contains("FAKE-SECRET"), fromFile.err());
    assertEquals(2, inline.code(), inline.toString());
    assertTrue(inline.err().startsWith("--data: not JSON (line 1, column "), inline.err());
  }

  @Test
  void getTakesNoDataAndOnlyGetPaginates() {
    assertUsage(TestEmulator.cli(NOWHERE, "api", "GET", "/workspaces", "--data", "{}"),
        "buddy api: --data: a GET sends no body; use POST, PUT, PATCH or DELETE");
    assertUsage(TestEmulator.cli(NOWHERE, "api", "POST", "/workspaces", "--paginate"),
        "buddy api: --paginate follows the pages of a GET, not a POST");
  }

  @Test
  void aMisplacedDataValueIsDescribedByItsShape() {
    // Before the subcommand, --data is an unknown option of the root: picocli would quote its value.
    Result r = TestEmulator.cli(NOWHERE, "--data", "{\"password\":\"FAKE-SECRET-pos-0003\"}", "api", "POST", "/workspaces");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("a value of 35 characters"), r.err());
    assertFalse(r.err().contains("FAKE-SECRET"), r.err());
  }

  @Test
  void aMissingMethodOrPathIsAUsageError() {
    Result r = TestEmulator.cli(NOWHERE, "api", "GET");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("PATH"), r.err());
  }
}
