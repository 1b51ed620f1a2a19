package org.buddy4j.core.provision;

import java.util.List;
import java.util.Optional;
import org.buddy4j.core.generated.declare.DeclaredKindData;

/**
 * A kind of Buddy resource a script can declare (project, pipeline, action, variable, environment, target,
 * integration, webhook, group, permission set, sandbox): its DSL word, the natural key Buddy keeps unique
 * in its parent, where it may be nested and its declarable fields — generated from the spec's
 * {@code x-buddy-declare} (see {@code GenerateDeclaredKinds.groovy}).
 */
public final class DeclaredKind {
  private final String word;
  private final String keyField;
  private final List<String> parents;
  private final boolean ordered;
  private final List<FieldSpec> fields;
  private final String summary;
  private final List<String> createOnly;
  private final boolean open;
  private final List<String> readOnly;
  private final java.util.Map<String, List<String>> builtIn;

  public DeclaredKind(String word, String keyField, List<String> parents, boolean ordered, List<FieldSpec> fields,
                      String summary) {
    this(word, keyField, parents, ordered, fields, summary, List.of(), false);
  }

  /**
   * A kind with fields Buddy takes on create only ({@code createOnly}) and, when {@code open}, fields beyond
   * {@code fields} (an action type's own).
   */
  public DeclaredKind(String word, String keyField, List<String> parents, boolean ordered, List<FieldSpec> fields,
                      String summary, List<String> createOnly, boolean open) {
    this(word, keyField, parents, ordered, fields, summary, createOnly, open, List.of());
  }

  /** As above, with the schema's properties Buddy sets ({@code readOnly}: IDs, links, the scope's references). */
  public DeclaredKind(String word, String keyField, List<String> parents, boolean ordered, List<FieldSpec> fields,
                      String summary, List<String> createOnly, boolean open, List<String> readOnly) {
    this(word, keyField, parents, ordered, fields, summary, createOnly, open, readOnly, java.util.Map.of());
  }

  /**
   * As above, with the live items Buddy makes itself and keeps ({@code builtIn}: field → values, e.g. a permission
   * set's {@code type} DEVELOPER): never pruned, never exported.
   */
  public DeclaredKind(String word, String keyField, List<String> parents, boolean ordered, List<FieldSpec> fields,
                      String summary, List<String> createOnly, boolean open, List<String> readOnly,
                      java.util.Map<String, List<String>> builtIn) {
    this.builtIn = java.util.Map.copyOf(builtIn);
    this.readOnly = List.copyOf(readOnly);
    this.word = word;
    this.keyField = keyField;
    this.parents = List.copyOf(parents);
    this.ordered = ordered;
    this.fields = List.copyOf(fields);
    this.summary = summary;
    this.createOnly = List.copyOf(createOnly);
    this.open = open;
  }

  /** Whether a live item (Buddy's JSON fields) is one Buddy made itself and keeps, such as a built-in permission set. */
  public boolean isBuiltIn(java.util.Map<String, Object> live) {
    return builtIn.entrySet().stream().anyMatch(e -> e.getValue().contains(String.valueOf(live.get(e.getKey()))));
  }

  /** Every declarable kind, in dependency order (a kind comes after those it may refer to). */
  public static List<DeclaredKind> all() {
    return All.KINDS;
  }

  /** Built once, on first use: a kind is one instance, so lists of kinds compare and index by identity too. */
  private static final class All {
    static final List<DeclaredKind> KINDS = DeclaredKindData.kinds();
  }

  /** The kind with this DSL word. */
  public static Optional<DeclaredKind> of(String word) {
    return all().stream().filter(k -> k.word.equals(word)).findFirst();
  }

  /** The DSL word and the address segment's kind: {@code project}, {@code permissionSet}, … */
  public String word() {
    return word;
  }

  /** The API field that is the natural key ({@code name}, {@code key}, {@code identifier}, {@code target_url}). */
  public String keyField() {
    return keyField;
  }

  /** The kinds it may be declared in ({@code workspace}, {@code project}, {@code pipeline}). */
  public List<String> parents() {
    return parents;
  }

  /** Whether declaration order is kept in Buddy (a pipeline's actions). */
  public boolean ordered() {
    return ordered;
  }

  /** The declarable fields, in the spec's order. */
  public List<FieldSpec> fields() {
    return fields;
  }

  public Optional<FieldSpec> field(String apiName) {
    return fields.stream().filter(f -> f.apiName().equals(apiName)).findFirst();
  }

  /**
   * Fields Buddy takes when it creates the resource but not in an update (a project's repository): a plan
   * compares and an apply sends them on create only.
   */
  public List<String> createOnly() {
    return createOnly;
  }

  /**
   * Whether fields beyond {@link #fields()} may be declared (the spec's schema is open: an action's type takes
   * fields of its own, e.g. {@code execute_commands}); they are compared and sent like the others.
   */
  public boolean open() {
    return open;
  }

  /** The schema's properties a script cannot declare (Buddy sets them), so an open kind's export skips them. */
  public List<String> readOnly() {
    return readOnly;
  }

  /** One line of documentation. */
  public String summary() {
    return summary;
  }

  /** Kinds are equal by their word (one kind per word). */
  @Override
  public boolean equals(Object o) {
    return o instanceof DeclaredKind k && k.word.equals(word);
  }

  @Override
  public int hashCode() {
    return word.hashCode();
  }

  @Override
  public String toString() {
    return word;
  }
}
