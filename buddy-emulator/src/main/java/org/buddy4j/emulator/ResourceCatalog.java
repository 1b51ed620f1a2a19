package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource families of the spec's {@code x-buddy-resources} and the operations that act on them
 * ({@code x-buddy-resource: {name, action}}), read once when the emulator starts so that no request parses
 * the spec. Each {@link Family} knows its paths, id, envelope, defaults, list paging and filters (from the
 * list operation's query parameters) and the {@link SecretMask} of its item schema.
 */
final class ResourceCatalog {
  static final String LIST = "list";
  static final String GET = "get";
  static final String CREATE = "create";
  static final String UPDATE = "update";
  static final String DELETE = "delete";

  /** How a family makes ids: increasing integers, generated strings, or the id the request gives. */
  enum IdKind { INTEGER, STRING, GIVEN }

  /** One resource family, e.g. {@code variables}. */
  static final class Family {
    final String name;
    final List<String> scope;
    final String idField;
    final IdKind ids;
    final String envelope;
    final String html;
    final String copy;
    /** The list filters name an item's own scope: only items of exactly the asked scope match. */
    final boolean scopedFilters;
    final Map<String, String> refs;
    final JsonObject defaults;
    /** Fields no two items of one scope may share ({@code identifier}, {@code name}, {@code key}): {@link UniqueKeys}. */
    final List<String> unique;
    String listPath;
    String itemPath;
    boolean paged;
    /** The list operation's filter parameters: query name to the item's field path ({@code project_name} → project.name). */
    final Map<String, String[]> filters = new LinkedHashMap<>();
    /** The create operation's query parameters that set a field ({@code project_name} → project.name). */
    final Map<String, String[]> createFields = new LinkedHashMap<>();
    SecretMask mask = SecretMask.NONE;

    Family(String name, JsonObject def) {
      this.name = name;
      this.scope = strings(def.getJsonArray("scope", new JsonArray()));
      this.idField = def.getString("id", "id");
      this.ids = IdKind.valueOf(def.getString("ids", "integer").toUpperCase());
      this.envelope = def.getString("envelope", name);
      this.html = def.getString("html");
      this.copy = def.getString("copy");
      this.scopedFilters = def.getBoolean("scopedFilters", false);
      this.refs = new LinkedHashMap<>();
      def.getJsonObject("refs", new JsonObject()).forEach(e -> refs.put(e.getKey(), String.valueOf(e.getValue())));
      this.defaults = def.getJsonObject("defaults", new JsonObject());
      this.unique = strings(def.getJsonArray("unique", new JsonArray()));
    }

    /**
     * The item fields that name its own scope inside its collection: the distinct field paths of the list
     * filters ({@code project.name}, {@code pipeline.id}…). A unique key is unique among the items whose
     * fields all hold the same values (a project's variables apart from its pipelines').
     */
    List<String[]> ownScope() {
      Map<String, String[]> distinct = new LinkedHashMap<>();
      filters.values().forEach(path -> distinct.putIfAbsent(String.join(".", path), path));
      return new ArrayList<>(distinct.values());
    }

    /** {@code permissionSets} → "Permission set", {@code sandboxes} → "Sandbox", {@code proxies} → "Proxy". */
    String singular() {
      String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
      String one = words.endsWith("ies") ? words.substring(0, words.length() - 3) + "y"
        : words.endsWith("xes") ? words.substring(0, words.length() - 2)
        : words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
      return Character.toUpperCase(one.charAt(0)) + one.substring(1);
    }
  }

  /** What one operation does to which family; {@code idParam} is the item path's last variable. */
  static final class Binding {
    final Family family;
    final String action;
    final String idParam;

    Binding(Family family, String action, String idParam) {
      this.family = family;
      this.action = action;
      this.idParam = idParam;
    }
  }

  private static final java.util.Set<String> NOT_FILTERS = java.util.Set.of("page", "per_page", "sort_by", "sort_direction");

  private final Map<String, Family> families = new LinkedHashMap<>();
  private final Map<String, Binding> bindings = new LinkedHashMap<>();

  ResourceCatalog(JsonObject spec) {
    spec.getJsonObject("x-buddy-resources", new JsonObject())
      .forEach(e -> families.put(e.getKey(), new Family(e.getKey(), (JsonObject) e.getValue())));
    JsonObject paths = spec.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject)) {
          continue;
        }
        JsonObject op = item.getJsonObject(method);
        JsonObject ext = op.getJsonObject("x-buddy-resource");
        if (ext == null) {
          continue;
        }
        Family family = families.get(ext.getString("name"));
        if (family == null) {
          throw new IllegalStateException(op.getString("operationId") + ": unknown resource " + ext.getString("name"));
        }
        String action = ext.getString("action");
        bind(spec, family, action, path, item, op);
      }
    }
  }

  private void bind(JsonObject spec, Family family, String action, String path, JsonObject item, JsonObject op) {
    boolean onItem = GET.equals(action) || UPDATE.equals(action) || DELETE.equals(action);
    String idParam = null;
    if (onItem) {
      idParam = path.substring(path.lastIndexOf('{') + 1, path.lastIndexOf('}'));
      family.itemPath = path;
    } else {
      family.listPath = path;
    }
    List<JsonObject> params = parameters(spec, item, op);
    for (JsonObject p : params) {
      if (!"query".equals(p.getString("in"))) {
        continue;
      }
      String name = p.getString("name");
      if (LIST.equals(action)) {
        if ("page".equals(name)) {
          family.paged = true;
        } else if (!NOT_FILTERS.contains(name)) {
          family.filters.put(name, fieldPath(name));
        }
      } else if (CREATE.equals(action)) {
        family.createFields.put(name, fieldPath(name));
      }
    }
    if (GET.equals(action) || (CREATE.equals(action) && family.mask == SecretMask.NONE)) {
      JsonObject schema = responseSchema(op);
      if (schema != null) {
        family.mask = SecretMask.of(spec, schema);
      }
    }
    bindings.put(op.getString("operationId"), new Binding(family, action, idParam));
  }

  /** {@code project_name}/{@code projectName} → project.name, {@code pipeline_id}/{@code pipelineId} → pipeline.id. */
  static String[] fieldPath(String query) {
    String snake = query.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    int cut = snake.lastIndexOf('_');
    return cut < 0 ? new String[] {snake} : new String[] {snake.substring(0, cut), snake.substring(cut + 1)};
  }

  Binding binding(String operationId) {
    return bindings.get(operationId);
  }

  Map<String, Binding> bindings() {
    return bindings;
  }

  Family family(String name) {
    Family f = families.get(name);
    if (f == null) {
      throw new IllegalArgumentException("No resource family " + name);
    }
    return f;
  }

  Collection<Family> families() {
    return families.values();
  }

  private static JsonObject responseSchema(JsonObject op) {
    JsonObject responses = op.getJsonObject("responses", new JsonObject());
    for (String code : responses.fieldNames()) {
      if (code.startsWith("2")) {
        JsonObject content = responses.getJsonObject(code).getJsonObject("content");
        JsonObject json = content == null ? null : content.getJsonObject("application/json");
        if (json != null) {
          return json.getJsonObject("schema");
        }
      }
    }
    return null;
  }

  private static List<JsonObject> parameters(JsonObject spec, JsonObject item, JsonObject op) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonArray list : List.of(item.getJsonArray("parameters", new JsonArray()), op.getJsonArray("parameters", new JsonArray()))) {
      list.forEach(p -> out.add(SecretMask.resolve(spec, (JsonObject) p)));
    }
    return out;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(String.valueOf(v)));
    return out;
  }
}
