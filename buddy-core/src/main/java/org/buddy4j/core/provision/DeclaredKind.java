package org.buddy4j.core.provision;

import java.util.List;
import java.util.Optional;

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

  public DeclaredKind(String word, String keyField, List<String> parents, boolean ordered, List<FieldSpec> fields,
                      String summary) {
    this.word = word;
    this.keyField = keyField;
    this.parents = List.copyOf(parents);
    this.ordered = ordered;
    this.fields = List.copyOf(fields);
    this.summary = summary;
  }

  /** Every declarable kind, in dependency order (a kind comes after those it may refer to). */
  public static List<DeclaredKind> all() {
    throw new UnsupportedOperationException("p-core: generated from x-buddy-declare");
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

  /** One line of documentation. */
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return word;
  }
}
