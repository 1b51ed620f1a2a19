package org.buddy4j.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.generated.run.RunFieldData;

/**
 * The run-request catalogue: every field of {@code POST …/pipelines/{pipeline_id}/executions}, generated at
 * build time from the spec's {@code RunExecutionRequest} (and its {@code x-buddy-run}). {@link RunOptions},
 * batch files, {@code buddy runs start} and the DSL's run words all bind to it, so a field added to the
 * spec is settable everywhere without a hand edit.
 */
public final class RunFields {
  private static final RunFields INSTANCE = new RunFields(RunFieldData.fields());

  private final List<RunField> fields;
  private final Map<String, RunField> byName = new LinkedHashMap<>();

  private RunFields(List<RunField> fields) {
    this.fields = List.copyOf(fields);
    for (RunField f : fields) {
      byName.put(f.name(), f);
      byName.putIfAbsent(f.json(), f);
    }
  }

  /** The catalogue of the spec this library was built from. */
  public static RunFields get() {
    return INSTANCE;
  }

  /** Every field, in the spec's order. */
  public List<RunField> all() {
    return fields;
  }

  /** A field by the name a person writes ({@code revision}) or its JSON name ({@code to_revision}). */
  public Optional<RunField> field(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The fields of an exclusive group ({@code ref}: branch, tag, pull_request). */
  public List<RunField> group(String group) {
    return fields.stream().filter(f -> group.equals(f.group())).toList();
  }

  /** The field, or an error naming the nearest field and the valid ones. */
  RunField require(String name) {
    RunField f = byName.get(name);
    if (f == null) {
      List<String> names = fields.stream().map(RunField::name).toList();
      throw new IllegalArgumentException("unknown run field '" + name + "'"
          + Suggestions.nearest(name, names).map(n -> " (did you mean '" + n + "'?)").orElse("")
          + "; valid fields: " + String.join(", ", names));
    }
    return f;
  }
}
