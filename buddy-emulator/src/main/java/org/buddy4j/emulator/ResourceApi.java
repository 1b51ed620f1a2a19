package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers every operation the spec marks with {@code x-buddy-resource} from the {@link ResourceStore}: list
 * (the family's envelope, {@code page}/{@code per_page} where the operation has them, filters from its query
 * parameters), get (404 when absent), create (201), update (PATCH merges) and delete (204). An answer is the
 * stored item with its {@code url}/{@code html_url}, {@code refs} and {@code copy} expanded to the items they
 * name, a {@code project} reference as the project's short form, and its secrets masked ({@link SecretMask}).
 * A family with behaviour beyond storage (sandboxes, tokens) adds it through a {@link Behaviour}.
 */
final class ResourceApi {
  /** Behaviour a family adds around the store; every hook is optional. */
  interface Behaviour {
    /** Before a new item is stored (may add fields). */
    default void creating(ApiRequest req, JsonObject item) {
    }

    /** Before an item is shown (e.g. a status that moves on the simulated clock). */
    default void showing(JsonObject item) {
    }

    /** The answer to the create request (e.g. a value Buddy returns only once). */
    default void created(JsonObject stored, JsonObject answer) {
    }

    default void deleted(JsonObject item) {
    }
  }

  private static final String HIDDEN_PREFIX = "__";
  private static final Behaviour NONE = new Behaviour() { };

  private final Emulation emulation;
  private final ResourceCatalog catalog;
  private final Map<String, Behaviour> behaviours = new HashMap<>();

  ResourceApi(Emulation emulation) {
    this.emulation = emulation;
    this.catalog = emulation.resources;
  }

  ResourceApi behaviour(String family, Behaviour behaviour) {
    behaviours.put(family, behaviour);
    return this;
  }

  void register(OperationRegistry registry) {
    catalog.bindings().forEach((operationId, binding) -> registry.on(operationId, req -> handle(req, binding)));
  }

  private ResourceStore store() {
    return emulation.state().resources;
  }

  private Behaviour behaviour(ResourceCatalog.Family family) {
    return behaviours.getOrDefault(family.name, NONE);
  }

  private void handle(ApiRequest req, ResourceCatalog.Binding binding) {
    ResourceCatalog.Family family = binding.family;
    List<String> scope = scope(req, family);
    switch (binding.action) {
      case ResourceCatalog.LIST:
        list(req, family, scope);
        return;
      case ResourceCatalog.CREATE:
        create(req, family, scope);
        return;
      case ResourceCatalog.GET:
        Replies.json(req.rc, 200, view(family, scope, existing(req, binding, scope)));
        return;
      case ResourceCatalog.UPDATE: {
        JsonObject item = existing(req, binding, scope);
        JsonObject patch = accepted(req, family);
        patch.remove(family.idField);
        checkRefs(family, scope, patch);
        Replies.json(req.rc, 200, view(family, scope, store().update(family, scope, item, patch)));
        return;
      }
      case ResourceCatalog.DELETE: {
        JsonObject item = existing(req, binding, scope);
        store().remove(family, scope, String.valueOf(item.getValue(family.idField)));
        behaviour(family).deleted(item);
        Replies.noContent(req.rc);
        return;
      }
      default:
        throw new IllegalStateException("Unknown action " + binding.action);
    }
  }

  /** The values of the family's scope variables; each parent must exist (404 naming it otherwise). */
  private List<String> scope(ApiRequest req, ResourceCatalog.Family family) {
    List<String> values = new ArrayList<>();
    for (String param : family.scope) {
      String value = req.path(param);
      if ("workspace".equals(param)) {
        emulation.state().workspace(value);
      } else if ("project_name".equals(param)) {
        emulation.state().project(values.get(0), value);
      } else {
        ResourceCatalog.Family parent = parentFamily(param);
        if (store().find(parent, values, value) == null) {
          throw ApiError.notFound(singular(parent) + " " + value + " not found");
        }
      }
      values.add(value);
    }
    return values;
  }

  /** The family whose item path ends in {@code {param}} ({@code group_id} → groups). */
  private ResourceCatalog.Family parentFamily(String param) {
    for (ResourceCatalog.Family f : catalog.families()) {
      if (f.itemPath != null && f.itemPath.endsWith("{" + param + "}")) {
        return f;
      }
    }
    throw new IllegalStateException("No family has the path variable " + param);
  }

  private JsonObject existing(ApiRequest req, ResourceCatalog.Binding binding, List<String> scope) {
    String id = req.path(binding.idParam);
    JsonObject item = store().find(binding.family, scope, id);
    if (item == null) {
      throw ApiError.notFound(singular(binding.family) + " " + id + " not found");
    }
    return item;
  }

  private void list(ApiRequest req, ResourceCatalog.Family family, List<String> scope) {
    List<JsonObject> items = new ArrayList<>();
    for (JsonObject item : store().all(family, scope)) {
      if (matches(req, family, item)) {
        items.add(item);
      }
    }
    if (family.paged) {
      items = Paging.of(items, req.queryInt("page", 1), req.queryInt("per_page", 20)).items;
    }
    JsonArray out = new JsonArray();
    items.forEach(item -> out.add(view(family, scope, item)));
    Replies.json(req.rc, 200, links(family, scope, null).put(family.envelope, out));
  }

  /**
   * Every filter given ({@code project_name=…}) equals the item's field ({@code project.name}); for a family
   * with scoped filters (variables), also every filter field the item has set was asked for, so a list holds
   * only the items of exactly the asked scope (a project's variables, not its pipelines').
   */
  private static boolean matches(ApiRequest req, ResourceCatalog.Family family, JsonObject item) {
    java.util.Set<String> asked = new java.util.HashSet<>();
    for (Map.Entry<String, String[]> filter : family.filters.entrySet()) {
      String wanted = req.queryString(filter.getKey());
      if (wanted != null) {
        if (!wanted.equals(String.valueOf(field(item, filter.getValue())))) {
          return false;
        }
        asked.add(String.join(".", filter.getValue()));
      }
    }
    if (family.scopedFilters) {
      for (String[] path : family.filters.values()) {
        if (field(item, path) != null && !asked.contains(String.join(".", path))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The value at {@code path} ({@code [project, name]}), or null. */
  static Object field(JsonObject item, String[] path) {
    Object value = item;
    for (String part : path) {
      value = value instanceof JsonObject ? ((JsonObject) value).getValue(part) : null;
    }
    return value;
  }

  private void create(ApiRequest req, ResourceCatalog.Family family, List<String> scope) {
    JsonObject item = accepted(req, family);
    family.createFields.forEach((query, path) -> {
      String value = req.queryString(query);
      if (value != null && path.length == 2 && !item.containsKey(path[0])) {
        item.put(path[0], new JsonObject().put(path[1], value));
      }
    });
    if (family.ids == ResourceCatalog.IdKind.GIVEN) {
      Object id = item.getValue(family.idField);
      if (id == null) {
        throw ApiError.badRequest("Field '" + family.idField + "' is required");
      }
      if (family.copy != null && base(family, scope, String.valueOf(id)) == null) {
        throw ApiError.notFound(singular(catalog.family(family.copy)) + " " + id + " not found");
      }
    } else {
      item.remove(family.idField);
    }
    checkRefs(family, scope, item);
    behaviour(family).creating(req, item);
    JsonObject stored = store().create(family, scope, item);
    JsonObject answer = view(family, scope, stored);
    behaviour(family).created(stored, answer);
    Replies.json(req.rc, 201, answer);
  }

  /** The request body without the links and read-only fields the server sets. */
  private static JsonObject accepted(ApiRequest req, ResourceCatalog.Family family) {
    JsonObject body = req.body().copy();
    body.remove("url");
    body.remove("html_url");
    body.fieldNames().removeIf(k -> k.startsWith(HIDDEN_PREFIX));
    return body;
  }

  private void checkRefs(ResourceCatalog.Family family, List<String> scope, JsonObject item) {
    family.refs.forEach((field, target) -> {
      JsonObject ref = item.getJsonObject(field);
      if (ref != null && ref.getValue("id") != null) {
        ResourceCatalog.Family to = catalog.family(target);
        if (store().find(to, scope.subList(0, to.scope.size()), String.valueOf(ref.getValue("id"))) == null) {
          throw ApiError.notFound(singular(to) + " " + ref.getValue("id") + " not found");
        }
      }
    });
    JsonObject project = item.getValue("project") instanceof JsonObject ? item.getJsonObject("project") : null;
    if (project != null && project.getString("name") != null && !scope.isEmpty()) {
      emulation.state().project(scope.get(0), project.getString("name"));
    }
  }

  private JsonObject base(ResourceCatalog.Family family, List<String> scope, String id) {
    ResourceCatalog.Family from = catalog.family(family.copy);
    return store().find(from, scope.subList(0, from.scope.size()), id);
  }

  /** What the API answers for a stored item. */
  JsonObject view(ResourceCatalog.Family family, List<String> scope, JsonObject item) {
    behaviour(family).showing(item);
    String id = String.valueOf(item.getValue(family.idField));
    JsonObject out = links(family, scope, id);
    if (family.copy != null) {
      JsonObject base = base(family, scope, id);
      if (base != null) {
        out.mergeIn(view(catalog.family(family.copy), scope.subList(0, catalog.family(family.copy).scope.size()), base));
        out.mergeIn(links(family, scope, id));
      }
    }
    item.forEach(e -> {
      if (!e.getKey().startsWith(HIDDEN_PREFIX)) {
        out.put(e.getKey(), e.getValue());
      }
    });
    family.refs.forEach((field, target) -> {
      JsonObject ref = item.getJsonObject(field);
      if (ref != null && ref.getValue("id") != null) {
        ResourceCatalog.Family to = catalog.family(target);
        List<String> toScope = scope.subList(0, to.scope.size());
        JsonObject referenced = store().find(to, toScope, String.valueOf(ref.getValue("id")));
        if (referenced != null) {
          out.put(field, view(to, toScope, referenced));
        }
      }
    });
    Object project = out.getValue("project");
    if (project instanceof JsonObject && !scope.isEmpty()) {
      ProjectRecord record = emulation.state().workspace(scope.get(0)).projects.get(((JsonObject) project).getString("name"));
      if (record != null) {
        out.put("project", record.toShortJson(emulation.links));
      }
    }
    return (JsonObject) family.mask.apply(out);
  }

  /** {@code url} and {@code html_url} of an item ({@code id} given) or of the family's list. */
  private JsonObject links(ResourceCatalog.Family family, List<String> scope, String id) {
    if (family.html == null && id != null) {
      return new JsonObject();
    }
    String api = id == null || family.itemPath == null ? family.listPath + (id == null ? "" : "/{id}") : family.itemPath;
    String html = family.html == null ? "/" : id == null ? family.html.replace("/{id}", "") : family.html;
    return emulation.links.of(fill(api, family, scope, id), fill(html, family, scope, id));
  }

  private static String fill(String template, ResourceCatalog.Family family, List<String> scope, String id) {
    String out = template;
    for (int i = 0; i < family.scope.size(); i++) {
      out = out.replace("{" + family.scope.get(i) + "}", scope.get(i));
    }
    if (id != null) {
      out = out.replaceAll("\\{[^}/]+}$", id).replace("{id}", id);
    }
    return out;
  }

  private static String singular(ResourceCatalog.Family family) {
    return family.singular();
  }
}
