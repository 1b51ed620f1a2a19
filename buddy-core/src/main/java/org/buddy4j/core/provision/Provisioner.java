package org.buddy4j.core.provision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.buddy4j.core.BuddyClient;

/**
 * Provisioning as code over the client's resource families: {@link #plan} compares declared resources with
 * Buddy's, found by natural key ({@code GET} only); {@link #apply} creates and updates (and, with prune,
 * deletes) in dependency order, one request per change, stopping at the first failure; {@link #export}
 * reads a workspace (or one project) back as declarations, secrets as {@link EnvRef}s.
 */
public final class Provisioner {
  static final String CANNOT_COMPARE = "cannot compare: will set";
  static final String SECRET_CHANGED = "changed";

  private final BuddyClient client;
  private final SecretLedger ledger;
  private final KindAdapters adapters;

  public Provisioner(BuddyClient client, SecretLedger ledger) {
    this.client = Objects.requireNonNull(client, "client");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.adapters = new KindAdapters(client);
  }

  /**
   * The plan: one change per declared resource (create, update field by field, or unchanged), and with
   * {@code prune} a deletion for each live resource of a declared kind, inside a declared parent, that is
   * not declared. Sends only GETs.
   */
  public Plan plan(DesiredState desired, boolean prune) {
    LiveIndex index = new LiveIndex(adapters);
    List<DeclaredKind> order = DeclaredKind.all();
    List<Declared> resources = new ArrayList<>(desired.resources());
    resources.sort(Comparator.comparingInt(d -> order.indexOf(d.kind()))); // stable: declaration order within a kind
    List<Change> changes = new ArrayList<>();
    for (Declared d : resources) {
      Declared declared = normalized(d);
      Optional<Map<String, Object>> live = index.find(declared.address());
      if (live.isEmpty()) {
        List<FieldChange> fields = new ArrayList<>();
        declared.fields().forEach((f, v) -> fields.add(new FieldChange(f, null, Values.render(v), Values.hasSecret(v), null)));
        changes.add(new Change(Change.Action.CREATE, declared.address(), declared.kind(), fields, declared, null));
      } else {
        List<FieldChange> fields = diff(declared, live.get(), index);
        changes.add(new Change(fields.isEmpty() ? Change.Action.UNCHANGED : Change.Action.UPDATE, declared.address(),
            declared.kind(), fields, declared, liveId(declared.kind(), live.get())));
      }
    }
    if (prune) {
      changes.addAll(deletions(desired, index, order));
    }
    return new Plan(changes);
  }

  /**
   * Applies the plan's writing changes in order; {@code applied} hears of each as soon as it is done (so a
   * caller can report progress). Stops at the first failure; the report says what was and was not applied.
   */
  public ApplyReport apply(Plan plan, Consumer<Change> applied) {
    LiveIndex index = new LiveIndex(adapters);
    List<Change> pending = plan.pending();
    List<Change> done = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      Change change = pending.get(i);
      try {
        write(change, index);
      } catch (RuntimeException e) {
        return new ApplyReport(done, pending.subList(i, pending.size()), Optional.of(e));
      }
      done.add(change);
      applied.accept(change);
    }
    return new ApplyReport(done, List.of(), Optional.empty());
  }

  /** The live resource at this address, as Buddy's JSON fields (e.g. a pipeline's {@code id}), if it exists. */
  public Optional<Map<String, Object>> live(Address address) {
    return new LiveIndex(adapters).find(address);
  }

  /**
   * Every resource of the declarable kinds in the workspace (or, with a project, in that project and
   * below), as declarations that would reproduce it: declarable fields only, secrets as {@link EnvRef}s.
   */
  public DesiredState export(String workspace, String project) {
    return new Exporter(new LiveIndex(adapters), client.redactor()).export(workspace, project);
  }

  /** The declaration with every value the spec calls secret held as a {@link Secret}, checked against its kind. */
  private Declared normalized(Declared d) {
    DeclaredKind kind = d.kind();
    Object key = d.fields().get(kind.keyField());
    if (key != null && !d.key().equals(String.valueOf(key))) {
      throw new IllegalArgumentException(where(d) + ": " + kind.keyField() + " is the natural key \"" + d.key()
          + "\" of the address, not " + Values.render(key));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(kind.keyField(), d.key());
    d.fields().forEach((f, v) -> {
      Optional<FieldSpec> spec = kind.field(f);
      if (spec.isEmpty() && !(kind.open() && !kind.readOnly().contains(f))) {
        throw new IllegalArgumentException(where(d) + ": a " + kind + " has no declarable field '" + f + "'; valid: "
            + kind.fields().stream().map(FieldSpec::apiName).toList());
      }
      Values.map(v, leaf -> {
        if (leaf instanceof EnvRef e) {
          throw new IllegalArgumentException(where(d) + ": " + f + " is env(\"" + e.name() + "\"), not resolved to a secret");
        }
        return leaf;
      });
      boolean secret = spec.map(s -> s.secret() || (s.secretWhen() != null && Boolean.TRUE.equals(d.fields().get(s.secretWhen()))))
          .orElseGet(() -> client.redactor().isSecretField(f));
      fields.put(f, secret && v instanceof String s ? Secret.of(s) : nestedSecrets(v));
    });
    return new Declared(d.address(), kind, fields, d.source());
  }

  /**
   * A nested object's secret fields held as {@link Secret}s too (a target's {@code auth.password}, {@code auth.key}):
   * the spec marks only top-level fields per kind, and the client's secret field names are the one list.
   */
  private Object nestedSecrets(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, v instanceof String s && client.redactor().isSecretField(String.valueOf(k))
          ? Secret.of(s) : nestedSecrets(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::nestedSecrets).toList();
    }
    return value;
  }

  private static String where(Declared d) {
    return (d.source() != null ? d.source() + ": " : "") + d.address();
  }

  /** The declared fields that differ from the live resource; secrets through the ledger. */
  private List<FieldChange> diff(Declared declared, Map<String, Object> live, LiveIndex index) {
    List<FieldChange> out = new ArrayList<>();
    DeclaredKind kind = declared.kind();
    declared.fields().forEach((field, value) -> {
      if (field.equals(kind.keyField()) || kind.createOnly().contains(field)) {
        return;
      }
      boolean secret = Values.hasSecret(value);
      boolean[] unresolved = {false};
      Object resolved = Values.map(value, v -> {
        if (v instanceof Ref r) {
          Optional<Object> target = resolve(r, index);
          unresolved[0] |= target.isEmpty();
          return target.isPresent() ? target.get() : r;
        }
        return v;
      });
      Object before = live.get(field);
      if (unresolved[0] || !Values.sameIgnoringSecrets(resolved, before)) {
        out.add(new FieldChange(field, secret ? Values.MASK : Values.render(before),
            secret ? Values.MASK : Values.render(resolved), secret, null));
        return;
      }
      List<String> unknown = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      Values.eachSecret(field, value, (path, s) -> {
        if (!ledger.knows(declared.address(), path)) {
          unknown.add(path);
        } else if (!ledger.matches(declared.address(), path, s)) {
          changed.add(path);
        }
      });
      if (!unknown.isEmpty() || !changed.isEmpty()) {
        out.add(new FieldChange(field, Values.MASK, Values.MASK, true, unknown.isEmpty() ? SECRET_CHANGED : CANNOT_COMPARE));
      }
    });
    return out;
  }

  private Optional<Object> resolve(Ref ref, LiveIndex index) {
    return index.find(ref.target()).map(m -> m.get(ref.field()));
  }

  private List<Change> deletions(DesiredState desired, LiveIndex index, List<DeclaredKind> order) {
    Set<Address> parentsAndKinds = new LinkedHashSet<>(); // parent.child(kind, "") stands for "kind in parent"
    desired.resources().forEach(d -> parentsAndKinds.add(d.address().parent().child(d.kind().word(), "")));
    List<Change> out = new ArrayList<>();
    for (Address slot : parentsAndKinds) {
      DeclaredKind kind = LiveIndex.kind(slot.kind());
      for (Map<String, Object> item : index.children(slot.parent(), kind)) {
        Address a = slot.parent().child(kind.word(), String.valueOf(item.get(kind.keyField())));
        if (desired.get(a).isEmpty() && !kind.isBuiltIn(item)) {
          out.add(new Change(Change.Action.DELETE, a, kind, List.of(), null, liveId(kind, item)));
        }
      }
    }
    // Innermost first (an action before its pipeline), then against dependency order.
    out.sort(Comparator.<Change>comparingInt(c -> -c.address().path().size()).thenComparingInt(c -> -order.indexOf(c.kind())));
    return out;
  }

  private String liveId(DeclaredKind kind, Map<String, Object> live) {
    Object id = live.get(adapters.of(kind).idField());
    return id == null ? null : String.valueOf(id);
  }

  /** One change, one request; the index and the ledger learn of it as soon as Buddy answered. */
  private void write(Change change, LiveIndex index) {
    Address address = change.address();
    KindAdapters.Adapter adapter = adapters.of(change.kind());
    KindAdapters.Scope scope = index.scope(address.parent())
        .orElseThrow(() -> new IllegalStateException(address + ": its parent " + address.parent() + " does not exist"));
    switch (change.action()) {
      case CREATE -> index.remember(address, adapter.create(scope, body(change, true, index)));
      case UPDATE -> index.remember(address, adapter.update(scope, change.liveId(), body(change, false, index)));
      case DELETE -> {
        adapter.delete(scope, change.liveId());
        index.forget(address);
        ledger.forget(address);
        return;
      }
      default -> {
        return;
      }
    }
    change.declared().fields().forEach((field, value) ->
        Values.eachSecret(field, value, (path, secret) -> ledger.record(address, path, secret)));
  }

  private Map<String, Object> body(Change change, boolean create, LiveIndex index) {
    Declared declared = normalized(change.declared());
    DeclaredKind kind = declared.kind();
    Map<String, Object> body = new LinkedHashMap<>();
    declared.fields().forEach((field, value) -> {
      if (create || !kind.createOnly().contains(field)) {
        Values.eachSecret(field, value, (path, s) -> client.redactor().addSecret(s.reveal()));
        body.put(field, Values.body(value, ref -> resolve(ref, index).orElseThrow(() -> new IllegalStateException(
            where(declared) + ": " + field + " refers to " + ref + ", which does not exist"))));
      }
    });
    if (create && kind.word().equals("project")) {
      body.putIfAbsent("display_name", declared.key()); // the design: a project's display name defaults to its name
    }
    return body;
  }
}
