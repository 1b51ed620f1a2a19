package org.buddy4j.batch.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunFields;

/**
 * The fields a run may have in a batch file, with what each one takes: the batch file's own
 * ({@code key}, {@code workspace}, {@code project}, {@code pipeline}) and every field of core's
 * run-request catalogue ({@link RunFields}, generated from the spec), so a field the spec gains is a batch
 * field too. One list serves the three formats, the error messages ("valid fields: …", "did you mean …?"),
 * {@code buddy batch --help} and the README.
 */
public final class BatchFields {
  /** A batch field that is a run field: the field, and whether it is the encrypted form of its variables. */
  public record Binding(RunField field, boolean secret) {}

  private static final Map<String, Binding> RUN = new LinkedHashMap<>();

  /** Field name → what it takes (shown in error messages and {@code buddy batch --help}). */
  public static final Map<String, String> FIELDS;

  static {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("key", "a stable name for the run (letters, digits, . _ -; up to 64): names it in the journal and report");
    fields.put("workspace", "the workspace's URL handle (or BUDDY_WORKSPACE / --workspace)");
    fields.put("project", "the project's URL handle (or BUDDY_PROJECT / --project)");
    fields.put("pipeline", "the pipeline ID, a whole number such as 2");
    for (RunField f : RunFields.get().all()) {
      RUN.put(f.name(), new Binding(f, false));
      fields.put(f.name(), f.value());
      if (f.secret() != null) {
        RUN.put(f.secret().name(), new Binding(f, true));
        fields.put(f.secret().name(), f.secret().value());
      }
    }
    FIELDS = Collections.unmodifiableMap(fields);
  }

  private BatchFields() {}

  public static boolean isField(String name) {
    return FIELDS.containsKey(name);
  }

  /** The run field a batch field sets (empty for key, workspace, project and pipeline). */
  public static Optional<Binding> run(String name) {
    return Optional.ofNullable(RUN.get(name));
  }

  /** The batch fields that are run fields, in the catalogue's order. */
  public static Map<String, Binding> runFields() {
    return Collections.unmodifiableMap(RUN);
  }

  /** A CSV column: a field, or {@code variables.NAME} / {@code secret_variables.NAME}. */
  public static boolean isColumn(String name) {
    return (isField(name) && !isMap(name)) || mapOf(name) != null;
  }

  /** For a CSV column {@code variables.NAME}: the map field ({@code variables}), else null. */
  static String mapOf(String column) {
    int dot = column.indexOf('.');
    return dot > 0 && dot < column.length() - 1 && isMap(column.substring(0, dot)) ? column.substring(0, dot) : null;
  }

  /** Whether a field takes a list (in CSV: values separated by {@code ;}). */
  static boolean isList(String name) {
    Binding b = RUN.get(name);
    return b != null && b.field().kind() == RunField.Kind.NUMBERS;
  }

  private static boolean isMap(String name) {
    Binding b = RUN.get(name);
    return b != null && b.field().kind() == RunField.Kind.VARIABLES;
  }

  /** "unknown field 'brnch' (did you mean 'branch'?); valid fields: …". */
  public static String unknownField(String name, boolean csv) {
    String suggestion = org.buddy4j.core.Suggestions.nearest(name, FIELDS.keySet())
        .map(f -> " (did you mean '" + f + "'?)").orElse("");
    List<String> valid = FIELDS.keySet().stream().map(f -> csv && isMap(f) ? f + ".NAME" : f).toList();
    return (csv ? "unknown column '" : "unknown field '") + name + "'" + suggestion + "; valid "
        + (csv ? "columns: " : "fields: ") + String.join(", ", valid);
  }
}
