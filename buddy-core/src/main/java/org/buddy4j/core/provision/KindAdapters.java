package org.buddy4j.core.provision;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Resources;
import org.buddy4j.core.WorkspaceClient;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.Pipeline;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.ProjectUpdateRequest;
import org.buddy4j.core.generated.model.SandboxRequest;
import org.buddy4j.core.generated.model.Target;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.generated.model.Webhook;

/**
 * One small adapter per declarable kind, all here: which of the client's families holds it at a scope, its
 * ID field, and the conversion between declared fields (Buddy's JSON names) and the generated models, both
 * ways through {@link BuddyJson#mapper()} (so a field the model does not name rides in its additional
 * properties). Nothing else in provisioning knows a family.
 */
final class KindAdapters {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Where a resource lives: its workspace, and its project and pipeline when it has them. */
  record Scope(String workspace, String project, Integer pipeline) {}

  /** The operations provisioning needs of one kind, on JSON maps. */
  interface Adapter {
    /** The live field Buddy addresses it by ({@code id}, {@code hash_id}, a project's {@code name}). */
    String idField();

    /** Every live item at exactly this scope. */
    List<Map<String, Object>> list(Scope scope);

    Map<String, Object> create(Scope scope, Map<String, Object> body);

    Map<String, Object> update(Scope scope, String id, Map<String, Object> body);

    void delete(Scope scope, String id);
  }

  private final BuddyClient client;

  KindAdapters(BuddyClient client) {
    this.client = client;
  }

  Adapter of(DeclaredKind kind) {
    return switch (kind.word()) {
      case "permissionSet" -> family("id", s -> ws(s).permissionSets(), PermissionSet.class, PermissionSet.class, Integer::valueOf, false);
      case "group" -> family("id", s -> ws(s).groups(), Group.class, Group.class, Integer::valueOf, false);
      case "integration" -> integrations();
      case "project" -> family("name", s -> ws(s).projects(), ProjectCreateRequest.class, ProjectUpdateRequest.class, id -> id, false);
      case "environment" -> family("id", s -> s.project() == null ? ws(s).environments() : ws(s).project(s.project()).environments(),
          Environment.class, Environment.class, id -> id, true);
      case "pipeline" -> family("id", s -> ws(s).project(s.project()).pipelines(), Pipeline.class, Pipeline.class, Integer::valueOf, false);
      case "target" -> targets();
      case "variable" -> family("id", s -> s.pipeline() != null ? ws(s).project(s.project()).pipeline(s.pipeline()).variables()
          : s.project() != null ? ws(s).project(s.project()).variables() : ws(s).variables(),
          Variable.class, Variable.class, Integer::valueOf, true);
      case "action" -> family("id", s -> ws(s).project(s.project()).pipeline(s.pipeline()).actions(), Action.class, Action.class,
          Integer::valueOf, false);
      case "webhook" -> family("id", s -> ws(s).webhooks(), Webhook.class, Webhook.class, Integer::valueOf, false);
      case "sandbox" -> sandboxes();
      default -> throw new IllegalArgumentException("no adapter for the kind " + kind);
    };
  }

  private WorkspaceClient ws(Scope s) {
    return client.workspace(s.workspace());
  }

  static Map<String, Object> json(Object model) {
    return BuddyJson.mapper().convertValue(model, MAP);
  }

  static <T> T model(Map<String, Object> body, Class<T> type) {
    return BuddyJson.mapper().convertValue(body, type);
  }

  /**
   * A kind one {@link Resources} family holds. {@code scoped}: Buddy keeps every scope in one workspace-wide
   * collection and filters it, so the list keeps only the items whose project and pipeline are the scope's.
   */
  private <T, K, N, P> Adapter family(String idField, Function<Scope, Resources<T, K, N, P>> at, Class<N> create,
                                      Class<P> update, Function<String, K> id, boolean scoped) {
    return new Adapter() {
      @Override
      public String idField() {
        return idField;
      }

      @Override
      public List<Map<String, Object>> list(Scope scope) {
        return keep(at.apply(scope).list().map(KindAdapters::json), scope, scoped);
      }

      @Override
      public Map<String, Object> create(Scope scope, Map<String, Object> body) {
        return json(at.apply(scope).create(model(body, create)));
      }

      @Override
      public Map<String, Object> update(Scope scope, String liveId, Map<String, Object> body) {
        return json(at.apply(scope).update(id.apply(liveId), model(body, update)));
      }

      @Override
      public void delete(Scope scope, String liveId) {
        at.apply(scope).delete(id.apply(liveId));
      }
    };
  }

  /** Targets: one workspace collection; a project's or pipeline's carries that reference, set here on create. */
  private Adapter targets() {
    Adapter all = family("id", s -> ws(s).targets(), Target.class, Target.class, id -> id, true);
    return new Delegate(all) {
      @Override
      public Map<String, Object> create(Scope scope, Map<String, Object> body) {
        Map<String, Object> scoped = new java.util.LinkedHashMap<>(body);
        if (scope.project() != null) {
          scoped.put("project", Map.of("name", scope.project()));
        }
        if (scope.pipeline() != null) {
          scoped.put("pipeline", Map.of("id", scope.pipeline()));
        }
        return all.create(scope, scoped);
      }
    };
  }

  private Adapter integrations() {
    return new Adapter() {
      @Override
      public String idField() {
        return "hash_id";
      }

      @Override
      public List<Map<String, Object>> list(Scope scope) {
        return ws(scope).integrations().list().stream().map(KindAdapters::json).toList();
      }

      @Override
      public Map<String, Object> create(Scope scope, Map<String, Object> body) {
        return json(ws(scope).integrations().create(model(body, Integration.class)));
      }

      @Override
      public Map<String, Object> update(Scope scope, String id, Map<String, Object> body) {
        return json(ws(scope).integrations().update(id, model(body, Integration.class)));
      }

      @Override
      public void delete(Scope scope, String id) {
        ws(scope).integrations().delete(id);
      }
    };
  }

  /** Sandboxes: listed and created in their project, changed and deleted by ID at the workspace. */
  private Adapter sandboxes() {
    return new Adapter() {
      @Override
      public String idField() {
        return "id";
      }

      @Override
      public List<Map<String, Object>> list(Scope scope) {
        return ws(scope).project(scope.project()).sandboxes().list().map(KindAdapters::json).toList();
      }

      @Override
      public Map<String, Object> create(Scope scope, Map<String, Object> body) {
        return json(ws(scope).project(scope.project()).sandboxes().create(model(body, SandboxRequest.class)));
      }

      @Override
      public Map<String, Object> update(Scope scope, String id, Map<String, Object> body) {
        return json(ws(scope).sandboxes().update(id, model(body, SandboxRequest.class)));
      }

      @Override
      public void delete(Scope scope, String id) {
        ws(scope).sandboxes().delete(id);
      }
    };
  }

  /** The items of a workspace-wide collection that belong to exactly this scope. */
  private static List<Map<String, Object>> keep(Stream<Map<String, Object>> items, Scope scope, boolean scoped) {
    if (!scoped) {
      return items.collect(Collectors.toList());
    }
    return items.filter(i -> Objects.equals(scope.project(), ref(i, "project", "name"))
            && Objects.equals(scope.pipeline() == null ? null : String.valueOf(scope.pipeline()), ref(i, "pipeline", "id")))
        .collect(Collectors.toList());
  }

  private static String ref(Map<String, Object> item, String field, String key) {
    return item.get(field) instanceof Map<?, ?> m && m.get(key) != null ? String.valueOf(m.get(key)) : null;
  }

  /** An adapter that changes one operation of another. */
  private abstract static class Delegate implements Adapter {
    private final Adapter inner;

    Delegate(Adapter inner) {
      this.inner = inner;
    }

    @Override
    public String idField() {
      return inner.idField();
    }

    @Override
    public List<Map<String, Object>> list(Scope scope) {
      return inner.list(scope);
    }

    @Override
    public Map<String, Object> create(Scope scope, Map<String, Object> body) {
      return inner.create(scope, body);
    }

    @Override
    public Map<String, Object> update(Scope scope, String id, Map<String, Object> body) {
      return inner.update(scope, id, body);
    }

    @Override
    public void delete(Scope scope, String id) {
      inner.delete(scope, id);
    }
  }
}
