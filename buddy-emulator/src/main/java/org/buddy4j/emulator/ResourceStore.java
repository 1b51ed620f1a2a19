package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of every {@link ResourceCatalog.Family}, one collection per parent (the values of the family's
 * scope path variables, e.g. the workspace), in creation order. Items are stored as accepted (secrets
 * included, so that nothing is lost on a merge); {@link ResourceApi} masks them on the way out. Part of
 * {@link EmulatorState}, so a seed or reset rebuilds it, and like it only touched from the event loop.
 */
final class ResourceStore {
  private final Ids ids;
  private final Map<String, Map<String, Map<String, JsonObject>>> collections = new HashMap<>();
  private final Map<String, Integer> nextIds = new HashMap<>();

  ResourceStore(Ids ids) {
    this.ids = ids;
  }

  private Map<String, JsonObject> collection(ResourceCatalog.Family family, List<String> scope) {
    return collections.computeIfAbsent(family.name, k -> new HashMap<>())
      .computeIfAbsent(String.join("/", scope), k -> new LinkedHashMap<>());
  }

  /** The item, or null. */
  JsonObject find(ResourceCatalog.Family family, List<String> scope, String id) {
    return collection(family, scope).get(id);
  }

  List<JsonObject> all(ResourceCatalog.Family family, List<String> scope) {
    return new ArrayList<>(collection(family, scope).values());
  }

  /**
   * Stores a new item: the family's defaults under the fields given, and an id (the next integer, a new
   * string, or for a {@code given} family the one in {@code item}). A given id already present is merged.
   */
  JsonObject create(ResourceCatalog.Family family, List<String> scope, JsonObject item) {
    JsonObject stored = family.defaults.copy().mergeIn(item, true);
    Object id;
    if (family.ids == ResourceCatalog.IdKind.GIVEN) {
      id = item.getValue(family.idField);
      JsonObject existing = find(family, scope, String.valueOf(id));
      if (existing != null) {
        checkUnique(family, scope, existing.copy().mergeIn(item, true), existing);
        return existing.mergeIn(item, true);
      }
    }
    // Refused before an id is taken, so a refusal leaves no gap in the integer ids.
    checkUnique(family, scope, stored, null);
    switch (family.ids) {
      case INTEGER:
        id = nextIds.merge(family.name, 1, Integer::sum);
        break;
      case STRING:
        id = ids.resourceId();
        break;
      default:
        id = item.getValue(family.idField);
    }
    stored.put(family.idField, id);
    collection(family, scope).put(String.valueOf(id), stored);
    return stored;
  }

  /** Stores a seed item with its own id (integer ids continue after the largest seen). */
  JsonObject seed(ResourceCatalog.Family family, List<String> scope, JsonObject item) {
    JsonObject stored = family.defaults.copy().mergeIn(item.copy(), true);
    Object id = stored.getValue(family.idField);
    if (id == null) {
      return create(family, scope, item);
    }
    if (id instanceof Number) {
      nextIds.merge(family.name, ((Number) id).intValue(), Math::max);
    }
    collection(family, scope).put(String.valueOf(id), stored);
    return stored;
  }

  /**
   * Merges {@code patch} into the item (nested objects too; the id stays), unless the result would take a
   * unique key another item of its scope holds.
   */
  JsonObject update(ResourceCatalog.Family family, List<String> scope, JsonObject existing, JsonObject patch) {
    Object id = existing.getValue(family.idField);
    checkUnique(family, scope, existing.copy().mergeIn(patch, true).put(family.idField, id), existing);
    return existing.mergeIn(patch, true).put(family.idField, id);
  }

  /**
   * Refuses (400, {@link UniqueKeys}) a {@code candidate} whose {@code unique} field (spec: {@code x-buddy-resources})
   * another item of the same collection and the same own scope ({@link ResourceCatalog.Family#ownScope}) holds;
   * {@code self} is the item being updated (null on create). Seeds are not checked: they are the operator's state.
   */
  private void checkUnique(ResourceCatalog.Family family, List<String> scope, JsonObject candidate, JsonObject self) {
    if (family.unique.isEmpty()) {
      return;
    }
    List<String[]> own = family.ownScope();
    List<JsonObject> peers = new ArrayList<>();
    for (JsonObject other : collection(family, scope).values()) {
      if (other != self && own.stream().allMatch(path -> sameValue(ResourceApi.field(other, path), ResourceApi.field(candidate, path)))) {
        peers.add(other);
      }
    }
    for (String field : family.unique) {
      UniqueKeys.check(family.singular(), field, candidate.getValue(field), where(family, scope, own, candidate), peers,
        peer -> peer.getValue(field), peer -> false);
    }
  }

  private static boolean sameValue(Object a, Object b) {
    return a == null ? b == null : b != null && String.valueOf(a).equals(String.valueOf(b));
  }

  /** "workspace 'buddy', project 'company-website', pipeline '2'": the path scope, then the item's own. */
  private static String where(ResourceCatalog.Family family, List<String> scope, List<String[]> own, JsonObject item) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < family.scope.size(); i++) {
      parts.add(family.scope.get(i).replaceAll("_(id|name)$", "").replace('_', ' ') + " '" + scope.get(i) + "'");
    }
    for (String[] path : own) {
      Object value = ResourceApi.field(item, path);
      if (value != null) {
        parts.add(path[0].replace('_', ' ') + " '" + value + "'");
      }
    }
    return parts.isEmpty() ? "your account" : String.join(", ", parts);
  }

  JsonObject remove(ResourceCatalog.Family family, List<String> scope, String id) {
    return collection(family, scope).remove(id);
  }

  /**
   * Moves every collection under the parent {@code from} (e.g. {@code [buddy, old-name]}) to {@code to}, or drops
   * them when {@code to} is null: a renamed or deleted workspace or project takes its items along.
   */
  void moveScope(List<String> from, List<String> to) {
    String prefix = String.join("/", from);
    for (Map<String, Map<String, JsonObject>> byScope : collections.values()) {
      for (String key : new ArrayList<>(byScope.keySet())) {
        if (key.equals(prefix) || key.startsWith(prefix + "/")) {
          Map<String, JsonObject> items = byScope.remove(key);
          if (to != null) {
            byScope.put(String.join("/", to) + key.substring(prefix.length()), items);
          }
        }
      }
    }
  }
}
