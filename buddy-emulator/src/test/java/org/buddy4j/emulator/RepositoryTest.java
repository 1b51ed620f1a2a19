package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A project's repository: files by paths with slashes, each change a commit; branches, tags and comparisons. */
class RepositoryTest extends EmulatorTestBase {
  private static final String REPO = PROJECT + "/repository";

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private ApiClient.Reply addFile(String path, String text, String branch) {
    JsonObject body = new JsonObject().put("path", path).put("content", b64(text)).put("message", "Add " + path);
    if (branch != null) {
      body.put("branch", branch);
    }
    return api.post(REPO + "/contents", body);
  }

  @Test
  void aFileInSubdirectoriesIsReadUpdatedAndDeletedByItsPath() {
    ApiClient.Reply added = addFile("dir/sub/file.txt", "one", null);
    assertEquals(201, added.status, added::toString);
    String path = REPO + "/contents/dir/sub/file.txt";
    ApiClient.Reply read = api.get(path);
    assertEquals(200, read.status, read::toString);
    assertEquals(b64("one"), read.json().getString("content"));
    assertEquals("dir/sub/file.txt", read.json().getString("path"));

    ApiClient.Reply dir = api.get(REPO + "/contents/dir");
    assertEquals("dir/sub", dir.json().getJsonArray("contents").getJsonObject(0).getString("path"));
    assertEquals("DIR", dir.json().getJsonArray("contents").getJsonObject(0).getString("content_type"));

    ApiClient.Reply updated = api.send("PUT", path, new JsonObject().put("content", b64("two")).put("message", "Edit"));
    assertEquals(200, updated.status, updated::toString);
    assertEquals(b64("two"), api.get(path).json().getString("content"));
    // The first version is still there at its commit.
    String first = added.json().getJsonObject("commit").getString("revision");
    assertEquals(b64("one"), api.get(path + "?revision=" + first).json().getString("content"));

    ApiClient.Reply deleted = api.send("DELETE", path, new JsonObject().put("message", "Remove"));
    assertEquals(204, deleted.status, deleted::toString);
    assertEquals(404, api.get(path).status);
  }

  @Test
  void everyChangeIsACommitNewestFirst() {
    addFile("a.txt", "a", null);
    addFile("b.txt", "b", null);
    JsonArray commits = api.get(REPO + "/commits").json().getJsonArray("commits");
    assertEquals(List.of("Add b.txt", "Add a.txt", "Initial commit"),
      commits.stream().map(c -> ((JsonObject) c).getString("message")).toList());
    JsonArray touchingA = api.get(REPO + "/commits?path=a.txt").json().getJsonArray("commits");
    assertEquals(1, touchingA.size(), touchingA::toString);
    String revision = commits.getJsonObject(0).getString("revision");
    assertEquals("Add b.txt", api.get(REPO + "/commits/" + revision).json().getString("message"));
  }

  @Test
  void aBranchFromTheDefaultDivergesAndTheComparisonShowsItsCommits() {
    ApiClient.Reply branch = api.post(REPO + "/branches", new JsonObject().put("name", "feature")
      .put("commit", new JsonObject().put("revision", "HEAD")));
    assertEquals(201, branch.status, branch::toString);
    addFile("feature.txt", "f", "feature");
    addFile("more.txt", "m", "feature");
    JsonObject comparison = api.get(REPO + "/comparison/master...feature").json();
    assertEquals(2, comparison.getJsonArray("commits").size(), comparison::toString);
    assertEquals("Initial commit", comparison.getJsonObject("base_commit").getString("message"));
    assertEquals(404, api.get(REPO + "/contents/feature.txt").status, "not on master");
    assertEquals(200, api.get(REPO + "/contents/feature.txt?revision=feature").status);

    assertEquals(204, api.delete(REPO + "/branches/feature").status);
    assertEquals(404, api.get(REPO + "/branches/feature").status);
    assertEquals(422, api.delete(REPO + "/branches/master").status, "the default branch stays");
  }

  @Test
  void aTagPointsAtItsCommit() {
    String revision = addFile("a.txt", "a", null).json().getJsonObject("commit").getString("revision");
    ApiClient.Reply tag = api.post(REPO + "/tags", new JsonObject().put("name", "v1.0")
      .put("message", "First").put("commit", new JsonObject().put("revision", revision)));
    assertEquals(201, tag.status, tag::toString);
    assertEquals(revision, api.get(REPO + "/tags/v1.0").json().getJsonObject("commit").getString("revision"));
    assertEquals("v1.0", api.get(REPO + "/tags").json().getJsonArray("tags").getJsonObject(0).getString("name"));
    assertTrue(api.get(REPO + "/branches/master").json().getJsonObject("commit").getString("revision").equals(revision));
    assertEquals(404, api.get(REPO + "/tags/v9").status);
  }
}
