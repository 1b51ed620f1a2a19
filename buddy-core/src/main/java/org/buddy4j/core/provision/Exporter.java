package org.buddy4j.core.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.integrations.IntegrationCatalog;

/**
 * A workspace (or one project and below) read back as declarations: every live resource of the declarable
 * kinds, in dependency order, then by parent, then by natural key (actions in their pipeline's order);
 * declarable fields only; every secret an {@link EnvRef} named predictably — a variable's key, else
 * {@code <KEY>_<FIELD>} upper-snake — so that export, apply elsewhere, export gives the same declarations.
 */
final class Exporter {
  private final LiveIndex index;
  private final Redactor redactor;

  Exporter(LiveIndex index, Redactor redactor) {
    this.index = index;
    this.redactor = redactor;
  }

  DesiredState export(String workspace, String project) {
    DesiredState out = new DesiredState();
    Map<String, List<Address>> found = new HashMap<>();
    Address ws = Address.workspace(workspace);
    found.put("workspace", List.of(ws));
    for (DeclaredKind kind : DeclaredKind.all()) {
      List<Address> mine = new ArrayList<>();
      for (String parentKind : kind.parents()) {
        if (project != null && parentKind.equals("workspace") && !kind.word().equals("project")) {
          continue; // one project: the workspace's own resources are not its
        }
        for (Address parent : found.getOrDefault(parentKind, List.of())) {
          List<Map<String, Object>> items = new ArrayList<>(index.children(parent, kind));
          if (!kind.ordered()) {
            items.sort(Comparator.comparing(i -> String.valueOf(i.get(kind.keyField()))));
          }
          for (Map<String, Object> item : items) {
            String key = String.valueOf(item.get(kind.keyField()));
            if (kind.word().equals("project") && project != null && !project.equals(key)) {
              continue;
            }
            Address address = parent.child(kind.word(), key);
            out.add(new Declared(address, kind, fields(kind, address, item), null));
            mine.add(address);
          }
        }
      }
      found.put(kind.word(), mine);
    }
    return out;
  }

  private Map<String, Object> fields(DeclaredKind kind, Address address, Map<String, Object> item) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(kind.keyField(), address.key());
    for (FieldSpec f : kind.fields()) {
      Object v = item.get(f.apiName());
      if (f.apiName().equals(kind.keyField()) || empty(v) || !fits(f.type(), v)) {
        continue;
      }
      boolean secret = f.secret() || (f.secretWhen() != null && Boolean.TRUE.equals(item.get(f.secretWhen())));
      out.put(f.apiName(), secret ? envRef(kind, address, f.apiName()) : nestedSecrets(kind, address, f.apiName(), v));
    }
    if (kind.open()) {
      item.forEach((k, v) -> {
        if (kind.field(k).isEmpty() && !kind.readOnly().contains(k) && !empty(v)) {
          out.put(k, redactor.isSecretField(k) && v instanceof String ? envRef(kind, address, k)
              : nestedSecrets(kind, address, k, v));
        }
      });
    }
    if (kind.word().equals("integration")) {
      requiredSecrets(kind, address, item, out);
    }
    return out;
  }

  /** Secrets Buddy never returns but the integration's type and auth mode require: references to be filled in. */
  private void requiredSecrets(DeclaredKind kind, Address address, Map<String, Object> item, Map<String, Object> out) {
    IntegrationCatalog catalog = IntegrationCatalog.get();
    catalog.type(String.valueOf(item.get("type"))).ifPresent(type -> {
      Object auth = item.get("auth_type");
      IntegrationCatalog.AuthMode mode = auth == null ? type.defaultMode() : type.mode(String.valueOf(auth)).orElse(type.defaultMode());
      if (mode != null) {
        mode.required().stream().filter(catalog.secretFields()::contains).filter(f -> !out.containsKey(f))
            .forEach(f -> out.put(f, envRef(kind, address, f)));
      }
    });
  }

  /** A live object's secret-named members (a target's {@code auth.password}, when Buddy returns one) as references. */
  private Object nestedSecrets(DeclaredKind kind, Address address, String field, Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return value;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), redactor.isSecretField(String.valueOf(k)) && v instanceof String
        ? envRef(kind, address, field + "_" + k) : nestedSecrets(kind, address, field + "_" + k, v)));
    return out;
  }

  private static EnvRef envRef(DeclaredKind kind, Address address, String field) {
    if (kind.word().equals("variable") && field.equals("value")) {
      return new EnvRef(Values.upperSnake(address.key()));
    }
    return new EnvRef(Values.upperSnake(address.key()) + "_" + Values.upperSnake(field));
  }

  /**
   * Whether the live value has the shape the declaration takes: where Buddy answers in another shape than it
   * is told (a sandbox's {@code apps}: commands sent, objects returned), the field is not exported.
   */
  private static boolean fits(FieldSpec.Type type, Object v) {
    return switch (type) {
      case TEXTS, CHOICES -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
      case NUMBERS -> v instanceof List<?> l && l.stream().allMatch(Number.class::isInstance);
      case OBJECTS -> v instanceof List<?> l && l.stream().allMatch(Map.class::isInstance);
      case OBJECT -> v instanceof Map<?, ?>;
      default -> !(v instanceof List<?>) && !(v instanceof Map<?, ?>);
    };
  }

  private static boolean empty(Object v) {
    return v == null || (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
  }
}
