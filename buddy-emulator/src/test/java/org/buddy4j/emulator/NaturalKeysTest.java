package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every natural key Buddy keeps unique, through the emulator's HTTP API: taken twice in one scope is refused
 * with 400 and {@code "<Thing> with <field> '<value>' already exists in <scope>"} (nothing stored), the same key
 * in another scope is accepted, an update that renames into a taken key is refused (the item unchanged), an
 * update that keeps its own key is not, and a deleted item's key is free again.
 */
class NaturalKeysTest extends EmulatorTestBase {
  private static final String OTHER_WS = "/workspaces/other";
  private static final String SANDBOXES = WS + "/sandboxes?project_name=company-website";

  /** One unique key: where to create, how the body carries the key, where its items are listed and addressed. */
  private record Key(String thing, String field, String collection, Function<String, JsonObject> body, String where,
      String list, String envelope, Function<JsonObject, String> item) {
    Key(String thing, String field, String collection, Function<String, JsonObject> body, String where,
        String list, String envelope) {
      this(thing, field, collection, body, where, list, envelope, created -> collection.replaceAll("\\?.*", "") + "/" + created.getValue("id"));
    }
  }

  private static void otherWorkspace() {
    assertEquals(201, api.post("/workspaces", new JsonObject().put("domain", "other")).status);
  }

  private static ApiClient.Reply created(String path, JsonObject body) {
    ApiClient.Reply reply = api.post(path, body);
    assertEquals(201, reply.status, () -> "POST " + path + " " + body.encode() + ": " + reply);
    return reply;
  }

  private static String message(Key key, String value) {
    return key.thing + " with " + key.field + " '" + value + "' already exists in " + key.where;
  }

  private static void assertTaken(Key key, String value, ApiClient.Reply reply) {
    assertEquals(400, reply.status, reply::toString);
    assertEquals(message(key, value), reply.errorMessage());
  }

  private static long holding(Key key, String value) {
    JsonArray items = api.get(key.list).json().getJsonArray(key.envelope);
    return items.stream().filter(i -> value.equals(String.valueOf(((JsonObject) i).getValue(key.field)))).count();
  }

  /** The whole walk for one key; {@code elsewhere} creates the same key in another scope (expected 201). */
  private static void isUnique(Key key, Function<String, ApiClient.Reply> elsewhere) {
    ApiClient.Reply one = api.post(key.collection, key.body.apply("TAKEN_1"));
    assertEquals(201, one.status, one::toString);
    assertTaken(key, "TAKEN_1", api.post(key.collection, key.body.apply("TAKEN_1")));
    assertEquals(1, holding(key, "TAKEN_1"), "the refused create stored nothing");

    ApiClient.Reply there = elsewhere.apply("TAKEN_1");
    assertEquals(201, there.status, () -> "the same " + key.field + " in another scope: " + there);

    String second = key.item.apply(created(key.collection, key.body.apply("FREE_2")).json());
    assertTaken(key, "TAKEN_1", api.patch(second, new JsonObject().put(key.field, "TAKEN_1")));
    assertEquals("FREE_2", String.valueOf(api.get(second).json().getValue(key.field)), "the refused rename changed nothing");
    ApiClient.Reply same = api.patch(second, new JsonObject().put(key.field, "FREE_2"));
    assertEquals(200, same.status, () -> "an item's own key is no conflict: " + same);

    assertEquals(204, api.delete(key.item.apply(one.json())).status);
    ApiClient.Reply freed = api.patch(second, new JsonObject().put(key.field, "TAKEN_1"));
    assertEquals(200, freed.status, () -> "a deleted item's key is free again: " + freed);
  }

  /** The store's keys (the spec's {@code x-buddy-resources} {@code unique}) are exactly the ones walked below. */
  @Test
  void everyUniqueKeyOfTheSpecIsWalkedHere() {
    ResourceCatalog catalog = new ResourceCatalog(YamlJson.parseObject(SpecContract.readResource(SpecContract.SPEC_RESOURCE)));
    Set<String> declared = new TreeSet<>();
    catalog.families().forEach(f -> f.unique.forEach(field -> declared.add(f.name + "." + field)));
    assertEquals(new TreeSet<>(Set.of("environments.identifier", "groups.name", "permissionSets.name", "sandboxes.identifier",
      "targets.identifier", "variables.key")), declared);
  }

  @Test
  void integrationIdentifierIsUniqueInItsWorkspace() {
    otherWorkspace();
    Function<String, JsonObject> gitHub = id -> new JsonObject().put("type", "GIT_HUB").put("name", "GitHub " + id)
      .put("scope", "WORKSPACE").put("token", "FAKE-SECRET-token").put("identifier", id);
    Key key = new Key("Integration", "identifier", WS + "/integrations", gitHub, "workspace 'buddy'",
      WS + "/integrations", "integrations", c -> WS + "/integrations/" + c.getString("hash_id"));
    isUnique(key, id -> api.post(OTHER_WS + "/integrations", gitHub.apply(id)));
    assertTaken(key, "github", api.post(WS + "/integrations", gitHub.apply("github").put("scope", "PROJECT")
      .put("project_name", "company-website")));
  }

  @Test
  void projectNameIsUniqueInItsWorkspace() {
    otherWorkspace();
    Function<String, JsonObject> project = name -> new JsonObject().put("display_name", "Project " + name).put("name", name);
    Key key = new Key("Project", "name", WS + "/projects", project, "workspace 'buddy'", WS + "/projects", "projects",
      c -> WS + "/projects/" + c.getString("name"));
    isUnique(key, name -> api.post(OTHER_WS + "/projects", project.apply(name)));
  }

  @Test
  void aProjectNameDerivedFromItsDisplayNameIsCheckedToo() {
    ApiClient.Reply reply = api.post(WS + "/projects", new JsonObject().put("display_name", "Company Website"));
    assertEquals(400, reply.status, reply::toString);
    assertEquals("Project with name 'company-website' already exists in workspace 'buddy'", reply.errorMessage());
  }

  @Test
  void pipelineNameIsUniqueInItsProject() {
    Function<String, JsonObject> pipeline = name -> new JsonObject().put("name", name);
    Key key = new Key("Pipeline", "name", PROJECT + "/pipelines", pipeline,
      "workspace 'buddy', project 'company-website'", PROJECT + "/pipelines?per_page=100", "pipelines");
    isUnique(key, name -> api.post(WS + "/projects/my-project/pipelines", pipeline.apply(name)));
  }

  @Test
  void pipelineIdentifierIsUniqueInItsProject() {
    Function<String, JsonObject> pipeline = id -> new JsonObject().put("name", "Pipeline " + id).put("identifier", id);
    Key key = new Key("Pipeline", "identifier", PROJECT + "/pipelines", pipeline,
      "workspace 'buddy', project 'company-website'", PROJECT + "/pipelines?per_page=100", "pipelines");
    isUnique(key, id -> api.post(WS + "/projects/my-project/pipelines", pipeline.apply(id)));
  }

  @Test
  void variableKeyIsUniqueInItsWorkspaceScope() {
    Function<String, JsonObject> variable = k -> new JsonObject().put("key", k).put("value", "v");
    Key key = new Key("Variable", "key", WS + "/variables", variable, "workspace 'buddy'", WS + "/variables", "variables");
    isUnique(key, k -> api.post(WS + "/variables", variable.apply(k).put("project", new JsonObject().put("name", "company-website"))));
    assertTaken(key, "DEPLOY_KEY", api.post(WS + "/variables", variable.apply("DEPLOY_KEY")));
  }

  @Test
  void variableKeyIsUniqueInItsPipelineScope() {
    Function<String, JsonObject> variable = k -> new JsonObject().put("key", k).put("value", "v")
      .put("project", new JsonObject().put("name", "company-website")).put("pipeline", new JsonObject().put("id", 2));
    Key key = new Key("Variable", "key", WS + "/variables", variable,
      "workspace 'buddy', project 'company-website', pipeline '2'",
      WS + "/variables?projectName=company-website&pipelineId=2", "variables");
    isUnique(key, k -> api.post(WS + "/variables", variable.apply(k).put("pipeline", new JsonObject().put("id", 3))));
  }

  @Test
  void environmentIdentifierIsUniqueInItsScope() {
    Function<String, JsonObject> environment = id -> new JsonObject().put("name", "Env " + id).put("identifier", id);
    Key key = new Key("Environment", "identifier", WS + "/environments", environment, "workspace 'buddy'",
      WS + "/environments", "environments");
    isUnique(key, id -> api.post(WS + "/environments", environment.apply(id)
      .put("project", new JsonObject().put("name", "company-website"))));
  }

  @Test
  void targetIdentifierIsUniqueInItsScope() {
    Function<String, JsonObject> target = id -> new JsonObject().put("name", "Target " + id).put("identifier", id)
      .put("type", "SSH").put("host", "example.com").put("auth", new JsonObject().put("method", "PASSWORD")
        .put("username", "deploy").put("password", "FAKE-SECRET-target"));
    Key key = new Key("Target", "identifier", WS + "/targets", target, "workspace 'buddy'", WS + "/targets", "targets");
    isUnique(key, id -> api.post(WS + "/targets", target.apply(id).put("project", new JsonObject().put("name", "company-website"))));
  }

  @Test
  void groupNameIsUniqueInItsWorkspace() {
    otherWorkspace();
    Function<String, JsonObject> group = name -> new JsonObject().put("name", name);
    Key key = new Key("Group", "name", WS + "/groups", group, "workspace 'buddy'", WS + "/groups", "groups");
    isUnique(key, name -> api.post(OTHER_WS + "/groups", group.apply(name)));
  }

  @Test
  void permissionSetNameIsUniqueInItsWorkspace() {
    otherWorkspace();
    Function<String, JsonObject> set = name -> new JsonObject().put("name", name);
    Key key = new Key("Permission set", "name", WS + "/permissions", set, "workspace 'buddy'", WS + "/permissions",
      "permission_sets");
    isUnique(key, name -> api.post(OTHER_WS + "/permissions", set.apply(name)));
    assertTaken(key, "Developer", api.post(WS + "/permissions", set.apply("Developer")));
  }

  @Test
  void sandboxIdentifierIsUniqueInItsProject() {
    Function<String, JsonObject> sandbox = id -> new JsonObject().put("name", "Box " + id).put("identifier", id)
      .put("project", new JsonObject().put("name", "company-website"));
    Key key = new Key("Sandbox", "identifier", SANDBOXES, sandbox, "workspace 'buddy', project 'company-website'",
      SANDBOXES, "sandboxes");
    isUnique(key, id -> api.post(WS + "/sandboxes?project_name=my-project", sandbox.apply(id)
      .put("project", new JsonObject().put("name", "my-project"))));
  }

  @Test
  void workspaceDomainIsUnique() {
    ApiClient.Reply reply = api.post("/workspaces", new JsonObject().put("domain", "buddy"));
    assertEquals(400, reply.status, reply::toString);
    assertEquals("Workspace with domain 'buddy' already exists in Buddy", reply.errorMessage());
  }
}
