package org.buddy4j.core.integrations;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.Integration;

/**
 * Checks an integration against the catalog before it is sent, so a mistake costs no request: a
 * missing required field, a field the type does not take, or scope PROJECT without
 * {@code project_name} is an {@link IllegalArgumentException} naming the type and the field.
 * Also rewrites documented aliases ({@code access_key_id} → {@code access_key}) to their canonical
 * names, keeping every other field as it was. A field of the catalog's {@code returnedFields} (what Buddy's
 * answers carry for any type) is never refused, so an integration read and sent back goes through.
 */
public final class IntegrationRules {
  /** Fields Buddy sets itself; a re-sent integration may carry them. */
  private static final Set<String> READ_ONLY = Set.of("url", "html_url", "hash_id");
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final IntegrationCatalog catalog;

  public IntegrationRules(IntegrationCatalog catalog) {
    this.catalog = catalog;
  }

  /** Rules over the built-in catalog. */
  public static IntegrationRules standard() {
    return new IntegrationRules(IntegrationCatalog.get());
  }

  /** Checks a body for {@code POST /workspaces/{workspace}/integrations}; returns it with aliases rewritten. */
  public Integration checkCreate(Integration integration) {
    Map<String, Object> fields = normalized(integration);
    String type = text(fields.get("type"));
    if (type == null) {
      throw new IllegalArgumentException("integration: 'type' is required; known types: " + new TreeSet<>(catalog.types().keySet()));
    }
    require(fields, type, "name");
    require(fields, type, "scope");
    checkScope(fields, type);
    catalog.type(type).ifPresent(spec -> checkFields(fields, spec));
    return BuddyJson.mapper().convertValue(fields, Integration.class);
  }

  /** Checks a body for {@code PATCH /workspaces/{workspace}/integrations/{hash_id}}; returns it with aliases rewritten. */
  public Integration checkUpdate(Integration integration) {
    Map<String, Object> fields = normalized(integration);
    String type = text(fields.get("type"));
    String label = type == null ? "integration" : type;
    require(fields, label, "name");
    checkScope(fields, label);
    if (type != null) {
      catalog.type(type).ifPresent(spec -> checkFieldsTaken(fields, spec));
    }
    return BuddyJson.mapper().convertValue(fields, Integration.class);
  }

  private Map<String, Object> normalized(Integration integration) {
    LinkedHashMap<String, Object> fields = BuddyJson.mapper().convertValue(integration, MAP);
    fields.values().removeIf(v -> v == null);
    String type = text(fields.get("type"));
    IntegrationCatalog.TypeSpec spec = type == null ? null : catalog.type(type).orElse(null);
    if (spec != null) {
      spec.aliases().forEach((alias, canonical) -> {
        Object value = fields.remove(alias);
        if (value != null) {
          if (fields.containsKey(canonical) && !fields.get(canonical).equals(value)) {
            throw new IllegalArgumentException(type + " integration: '" + alias + "' and '" + canonical
                + "' are the same field and differ; send only '" + canonical + "'");
          }
          fields.put(canonical, value);
        }
      });
    }
    return fields;
  }

  private void checkScope(Map<String, Object> fields, String label) {
    if ("PROJECT".equals(text(fields.get("scope"))) && isBlank(fields.get("project_name"))) {
      throw new IllegalArgumentException(label + " integration: 'project_name' is required when scope is PROJECT");
    }
  }

  private void checkFields(Map<String, Object> fields, IntegrationCatalog.TypeSpec spec) {
    checkFieldsTaken(fields, spec);
    String authType = text(fields.get("auth_type"));
    IntegrationCatalog.AuthMode mode;
    if (authType == null) {
      mode = spec.defaultMode();
    } else {
      mode = spec.mode(authType).orElseThrow(() -> new IllegalArgumentException(spec.type()
          + " integration: auth_type '" + authType + "' is not one of " + modeNames(spec)));
    }
    for (String field : mode.required()) {
      if (isBlank(fields.get(field))) {
        throw new IllegalArgumentException(spec.type() + " integration: '" + field + "' is required (auth_type "
            + mode.authType() + " needs " + String.join(", ", mode.required()) + ")");
      }
    }
  }

  private void checkFieldsTaken(Map<String, Object> fields, IntegrationCatalog.TypeSpec spec) {
    for (String field : fields.keySet()) {
      if (field.equals("type") || READ_ONLY.contains(field) || spec.takes(field, catalog.commonFields())
          || catalog.returnedFields().contains(field)) {
        continue;
      }
      List<String> valid = new ArrayList<>(spec.fields());
      throw new IllegalArgumentException(spec.type() + " integration does not take '" + field + "'; its fields are "
          + (valid.isEmpty() ? "only the common ones" : String.join(", ", valid)) + " (plus "
          + String.join(", ", new TreeSet<>(catalog.commonFields())) + ")");
    }
  }

  private static List<String> modeNames(IntegrationCatalog.TypeSpec spec) {
    return spec.modes().stream().map(IntegrationCatalog.AuthMode::authType).toList();
  }

  private static void require(Map<String, Object> fields, String label, String field) {
    if (isBlank(fields.get(field))) {
      throw new IllegalArgumentException(label + " integration: '" + field + "' is required");
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static boolean isBlank(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
  }
}
