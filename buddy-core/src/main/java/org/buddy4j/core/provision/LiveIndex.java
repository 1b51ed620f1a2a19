package org.buddy4j.core.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Buddy's live resources by {@link Address}, read lazily and once: a resource is found by listing its
 * parent's collection of its kind and matching the natural key; a parent that does not exist means its
 * children do not either, without a request. An apply tells it what it created, changed and deleted, so a
 * child finds its new parent's ID and a {@link Ref} its target's field.
 */
final class LiveIndex {
  private final KindAdapters adapters;
  private final Map<String, List<Map<String, Object>>> lists = new HashMap<>();
  private final Map<Address, Map<String, Object>> known = new HashMap<>();

  LiveIndex(KindAdapters adapters) {
    this.adapters = adapters;
  }

  static DeclaredKind kind(String word) {
    return DeclaredKind.of(word).orElseThrow(() -> new IllegalArgumentException("no declarable kind " + word));
  }

  /** The live resource at this address (the workspace always exists). */
  Optional<Map<String, Object>> find(Address address) {
    if (address.path().isEmpty()) {
      return Optional.of(Map.of("domain", address.workspace()));
    }
    if (known.containsKey(address)) {
      return Optional.ofNullable(known.get(address));
    }
    DeclaredKind kind = kind(address.kind());
    return children(address.parent(), kind).stream()
        .filter(item -> address.key().equals(String.valueOf(item.get(kind.keyField()))))
        .findFirst();
  }

  /** The scope children of this address live in, empty when it does not exist (yet). */
  Optional<KindAdapters.Scope> scope(Address parent) {
    if (parent.path().isEmpty()) {
      return Optional.of(new KindAdapters.Scope(parent.workspace(), null, null));
    }
    if (find(parent).isEmpty()) {
      return Optional.empty();
    }
    String project = parent.keyOf("project");
    Integer pipeline = null;
    if (parent.keyOf("pipeline") != null) {
      Address p = parent;
      while (!p.kind().equals("pipeline")) {
        p = p.parent();
      }
      Object id = find(p).map(m -> m.get("id")).orElse(null);
      if (id == null) {
        return Optional.empty();
      }
      pipeline = Integer.valueOf(String.valueOf(id));
    }
    return Optional.of(new KindAdapters.Scope(parent.workspace(), project, pipeline));
  }

  /** Every live resource of this kind directly in this parent (empty when the parent does not exist), in Buddy's order. */
  List<Map<String, Object>> children(Address parent, DeclaredKind kind) {
    String slot = parent + "\u0000" + kind.word();
    if (!lists.containsKey(slot)) {
      Optional<KindAdapters.Scope> scope = scope(parent);
      lists.put(slot, scope.isEmpty() ? new ArrayList<>() : new ArrayList<>(adapters.of(kind).list(scope.get())));
    }
    List<Map<String, Object>> items = lists.get(slot);
    // What an apply created or deleted since the list was read.
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Address a = parent.child(kind.word(), String.valueOf(item.get(kind.keyField())));
      if (!known.containsKey(a)) {
        out.add(item);
      } else if (known.get(a) != null) {
        out.add(known.get(a));
      }
    }
    known.forEach((a, live) -> {
      if (live != null && a.parent().equals(parent) && a.kind().equals(kind.word())
          && items.stream().noneMatch(i -> a.key().equals(String.valueOf(i.get(kind.keyField()))))) {
        out.add(live);
      }
    });
    return out;
  }

  /** The resource at this address is now {@code live} (created or changed by an apply). */
  void remember(Address address, Map<String, Object> live) {
    known.put(address, Objects.requireNonNull(live));
  }

  /** The resource at this address was deleted. */
  void forget(Address address) {
    known.put(address, null);
  }
}
