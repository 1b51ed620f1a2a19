package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every resource family of the spec's {@code x-buddy-resources}, through the emulator's HTTP API: create → get →
 * list (found, in the family's envelope, paged where the list pages) → update → get (changed) → delete → get
 * (404), for the actions the spec has. Every answer is validated against the spec's response schema (by
 * {@link ApiClient}), and no answer carries the {@code FAKE-SECRET-} sentinels the requests send.
 */
class ResourceStoreTest extends EmulatorTestBase {
  private static final String SENTINEL = "FAKE-SECRET-";

  /** How to exercise one family: its collection path (set-up may create parents), a create body and a patch. */
  private static final class Walk {
    final Supplier<String> collection;
    final Supplier<JsonObject> create;
    final JsonObject patch;
    String createQuery = "";

    Walk(Supplier<String> collection, JsonObject create, JsonObject patch) {
      this(collection, () -> create, patch);
    }

    Walk(Supplier<String> collection, Supplier<JsonObject> create, JsonObject patch) {
      this.collection = collection;
      this.create = create;
      this.patch = patch;
    }

    Walk query(String query) {
      createQuery = query;
      return this;
    }
  }

  private static Map<String, Walk> walks() {
    Map<String, Walk> w = new LinkedHashMap<>();
    w.put("variables", new Walk(() -> WS + "/variables", new JsonObject().put("key", "FAKE_VAR")
      .put("value", SENTINEL + "variable").put("encrypted", true).put("project", new JsonObject().put("name", "company-website")),
      new JsonObject().put("description", "changed")));
    w.put("environments", new Walk(() -> WS + "/environments",
      new JsonObject().put("name", "Staging").put("identifier", "staging"), new JsonObject().put("name", "Staging 2")));
    w.put("targets", new Walk(() -> WS + "/targets", new JsonObject().put("name", "Prod").put("identifier", "prod")
      .put("type", "SSH").put("host", "example.com").put("auth", new JsonObject().put("method", "PASSWORD")
        .put("username", "deploy").put("password", SENTINEL + "target")), new JsonObject().put("host", "example.org")));
    w.put("groups", new Walk(() -> WS + "/groups", new JsonObject().put("name", "Developers"),
      new JsonObject().put("description", "changed")));
    w.put("groupMembers", new Walk(() -> WS + "/groups/" + created(WS + "/groups", new JsonObject().put("name", "G"))
      + "/members", new JsonObject().put("id", 2), new JsonObject().put("status", "MANAGER")));
    w.put("projectGroups", new Walk(() -> PROJECT + "/groups", () -> new JsonObject()
      .put("id", Integer.parseInt(created(WS + "/groups", new JsonObject().put("name", "P"))))
      .put("permission_set", new JsonObject().put("id", 1)), new JsonObject().put("permission_set", new JsonObject().put("id", 2))));
    w.put("webhooks", new Walk(() -> WS + "/webhooks", new JsonObject().put("target_url", "https://example.com/hook")
      .put("secret_key", SENTINEL + "webhook").put("events", new JsonArray().add("PUSH")),
      new JsonObject().put("target_url", "https://example.com/hook2")));
    w.put("permissionSets", new Walk(() -> WS + "/permissions", new JsonObject().put("name", "Testers"),
      new JsonObject().put("description", "changed")));
    w.put("members", new Walk(() -> WS + "/members", new JsonObject().put("email", "new.member@example.com"),
      new JsonObject().put("admin", true)));
    w.put("projectMembers", new Walk(() -> PROJECT + "/members", () -> new JsonObject()
      .put("id", Integer.parseInt(created(WS + "/members", new JsonObject().put("email", "third@example.com"))))
      .put("permission_set", new JsonObject().put("id", 1)), new JsonObject().put("permission_set", new JsonObject().put("id", 2))));
    w.put("domains", new Walk(() -> WS + "/domains", new JsonObject().put("name", "example.com"), null));
    w.put("sandboxes", new Walk(() -> WS + "/sandboxes", new JsonObject().put("name", "Box").put("identifier", "box")
      .put("project", new JsonObject().put("name", "company-website")), new JsonObject().put("name", "Box 2"))
      .query("?project_name=company-website"));
    w.put("publicKeys", new Walk(() -> "/user/keys", new JsonObject().put("title", "laptop")
      .put("content", "ssh-ed25519 AAAAFAKE laptop"), null));
    w.put("userEmails", new Walk(() -> "/user/emails", new JsonObject().put("email", "second@example.com"), null));
    w.put("tokens", new Walk(() -> "/user/tokens", new JsonObject().put("name", "ci")
      .put("scopes", new JsonArray().add("WORKSPACE")), null));
    return w;
  }

  private static String created(String path, JsonObject body) {
    ApiClient.Reply reply = api.post(path, body);
    assertEquals(201, reply.status, reply::toString);
    return String.valueOf(reply.json().getValue("id"));
  }

  private static ResourceCatalog catalog() {
    return new ResourceCatalog(YamlJson.parseObject(SpecContract.readResource(SpecContract.SPEC_RESOURCE)));
  }

  @TestFactory
  Stream<DynamicTest> everyFamilyCreatesReadsListsUpdatesAndDeletes() {
    ResourceCatalog catalog = catalog();
    Map<String, Walk> walks = walks();
    Stream<DynamicTest> everyFamilyHasAWalk = Stream.of(DynamicTest.dynamicTest("every family is walked",
      () -> catalog.families().forEach(f -> assertTrue(walks.containsKey(f.name), f.name))));
    return Stream.concat(everyFamilyHasAWalk, catalog.families().stream().map(f -> DynamicTest.dynamicTest(f.name, () -> {
      api.reset();
      walk(catalog, f, walks.get(f.name));
    })));
  }

  private void walk(ResourceCatalog catalog, ResourceCatalog.Family family, Walk walk) {
    List<String> actions = catalog.bindings().values().stream().filter(b -> b.family == family).map(b -> b.action).toList();
    String collection = walk.collection.get();
    ApiClient.Reply create = api.post(collection + walk.createQuery, walk.create.get());
    assertEquals(201, create.status, create::toString);
    if (!"tokens".equals(family.name)) {
      assertNoSecret(create);
    }
    String id = String.valueOf(create.json().getValue(family.idField));
    String item = collection + "/" + id;
    if (actions.contains(ResourceCatalog.GET)) {
      ApiClient.Reply got = api.get(item);
      assertEquals(200, got.status, got::toString);
      assertEquals(id, String.valueOf(got.json().getValue(family.idField)));
      assertNoSecret(got);
    }
    ApiClient.Reply list = api.get(collection);
    assertEquals(200, list.status, list::toString);
    JsonArray items = list.json().getJsonArray(family.envelope);
    assertNotNull(items, () -> "envelope " + family.envelope + " in " + list);
    assertTrue(items.stream().anyMatch(i -> id.equals(String.valueOf(((JsonObject) i).getValue(family.idField)))), list::toString);
    assertNoSecret(list);
    if (family.paged) {
      ApiClient.Reply page = api.get(collection + "?per_page=1&page=1");
      assertEquals(1, page.json().getJsonArray(family.envelope).size(), page::toString);
    }
    if (walk.patch != null && actions.contains(ResourceCatalog.UPDATE)) {
      ApiClient.Reply updated = api.patch(item, walk.patch);
      assertEquals(200, updated.status, updated::toString);
      assertNoSecret(updated);
      ApiClient.Reply again = api.get(item);
      walk.patch.forEach(e -> assertEquals(String.valueOf(e.getValue()), String.valueOf(pick(again.json().getValue(e.getKey()), e.getValue())),
        () -> e.getKey() + " after the update: " + again));
    }
    assertFalse(api.get("/__emulator/requests").body.contains(SENTINEL), "a secret reached the request log");
    if (actions.contains(ResourceCatalog.DELETE)) {
      ApiClient.Reply deleted = api.delete(item);
      assertEquals(204, deleted.status, deleted::toString);
      if (actions.contains(ResourceCatalog.GET)) {
        ApiClient.Reply gone = api.get(item);
        assertEquals(404, gone.status, gone::toString);
      } else {
        ApiClient.Reply after = api.get(collection);
        assertFalse(after.json().getJsonArray(family.envelope).stream()
          .anyMatch(i -> id.equals(String.valueOf(((JsonObject) i).getValue(family.idField)))), after::toString);
      }
    }
  }

  /** The part of an answer the patch set: {@code {"permission_set": {"id": 2}}} compares the id only. */
  private static Object pick(Object answered, Object patched) {
    if (patched instanceof JsonObject && answered instanceof JsonObject) {
      JsonObject out = new JsonObject();
      ((JsonObject) patched).fieldNames().forEach(k -> out.put(k, ((JsonObject) answered).getValue(k)));
      return out;
    }
    return answered;
  }

  private static void assertNoSecret(ApiClient.Reply reply) {
    assertFalse(reply.body.contains(SENTINEL), () -> "a secret came back: " + reply);
  }

  @Test
  void integerIdsIncrease() {
    int first = Integer.parseInt(created(WS + "/variables", new JsonObject().put("key", "A").put("value", "1")));
    int second = Integer.parseInt(created(WS + "/variables", new JsonObject().put("key", "B").put("value", "2")));
    assertTrue(first > 2, "after the seed's variables 1 and 2: " + first);
    assertEquals(first + 1, second);
  }

  @Test
  void anEncryptedVariableIsMaskedAndAPlainOneIsNot() {
    JsonArray variables = api.get(WS + "/variables").json().getJsonArray("variables");
    assertEquals("emulator", variables.getJsonObject(0).getString("value"));
    assertEquals(SecretMask.ENCRYPTED, variables.getJsonObject(1).getString("value"));
  }

  @Test
  void variablesFilterByProjectInBothSpellings() {
    created(WS + "/variables", new JsonObject().put("key", "P").put("value", "1")
      .put("project", new JsonObject().put("name", "company-website")));
    for (String query : List.of("project_name", "projectName")) {
      JsonArray found = api.get(WS + "/variables?" + query + "=company-website").json().getJsonArray("variables");
      assertEquals(List.of("ENVIRONMENT", "P"), found.stream().map(v -> ((JsonObject) v).getString("key")).toList(), query);
      assertEquals("company-website", found.getJsonObject(1).getJsonObject("project").getString("name"));
    }
    assertEquals(0, api.get(WS + "/variables?project_name=my-project").json().getJsonArray("variables").size());
  }

  @Test
  void aMissingItemIsBuddys404() {
    ApiClient.Reply reply = api.get(WS + "/variables/999");
    assertEquals(404, reply.status);
    assertEquals("Variable 999 not found", reply.errorMessage());
  }

  @Test
  void aVariableInAnUnknownProjectIsRefused() {
    ApiClient.Reply reply = api.post(WS + "/variables", new JsonObject().put("key", "X").put("value", "1")
      .put("project", new JsonObject().put("name", "no-such-project")));
    assertEquals(404, reply.status, reply::toString);
  }

  @Test
  void aProjectMemberShowsTheMemberAndItsPermissionSet() {
    JsonObject member = api.patch(PROJECT + "/members/2", new JsonObject().put("permission_set", new JsonObject().put("id", 1))).json();
    assertEquals("Ann Smith", member.getString("name"));
    assertEquals("DEVELOPER", member.getJsonObject("permission_set").getString("type"));
  }

  @Test
  void aSeedResetRemovesCreatedItems() {
    String id = created(WS + "/groups", new JsonObject().put("name", "Temporary"));
    api.reset();
    assertEquals(404, api.get(WS + "/groups/" + id).status);
  }
}
