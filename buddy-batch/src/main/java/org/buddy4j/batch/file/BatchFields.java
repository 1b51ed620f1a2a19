package org.buddy4j.batch.file;

import java.util.List;
import java.util.Map;

/**
 * The fields a run may have in a batch file, with what each one takes. One list serves the three
 * formats, the error messages ("valid fields: …", "did you mean …?") and the README.
 */
public final class BatchFields {
  /** Field name → what it takes (shown in error messages and {@code buddy batch --help}). */
  public static final Map<String, String> FIELDS = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>() {{
      put("key", "a stable name for the run (letters, digits, . _ -; up to 64): names it in the journal and report");
      put("workspace", "the workspace's URL handle (or BUDDY_WORKSPACE / --workspace)");
      put("project", "the project's URL handle (or BUDDY_PROJECT / --project)");
      put("pipeline", "the pipeline ID, a whole number such as 2");
      put("branch", "the branch to run on");
      put("tag", "the tag to run on");
      put("pull_request", "the pull request to run on, e.g. pull/3");
      put("revision", "the commit to run (a SHA or HEAD)");
      put("comment", "the run's comment (buddy4j appends its marker)");
      put("priority", "LOW, NORMAL or HIGH");
      put("variables", "a mapping of variable names to values");
      put("secret_variables", "a mapping of variable names to values sent encrypted and never printed");
      put("clear_cache", "true or false");
      put("refresh", "true or false (deploy from scratch)");
      put("environment", "the environment's identifier");
      put("actions", "a list of action IDs to run, e.g. [5, 6]");
      put("delay_until", "an ISO-8601 UTC time such as 2026-01-31T22:00:00Z");
    }});

  private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH");

  private BatchFields() {}

  public static boolean isField(String name) {
    return FIELDS.containsKey(name);
  }

  /** A CSV column: a field, or {@code variables.NAME} / {@code secret_variables.NAME}. */
  public static boolean isColumn(String name) {
    return (isField(name) && !name.equals("variables") && !name.equals("secret_variables"))
        || (name.startsWith("variables.") && name.length() > 10)
        || (name.startsWith("secret_variables.") && name.length() > 17);
  }

  /** "unknown field 'brnch' (did you mean 'branch'?); valid fields: …". */
  public static String unknownField(String name, boolean csv) {
    String suggestion = org.buddy4j.core.Suggestions.nearest(name, FIELDS.keySet())
        .map(f -> " (did you mean '" + f + "'?)").orElse("");
    String valid = String.join(", ", FIELDS.keySet());
    return (csv ? "unknown column '" : "unknown field '") + name + "'" + suggestion + "; valid "
        + (csv ? "columns: " + valid.replace("variables, secret_variables", "variables.NAME, secret_variables.NAME")
            : "fields: " + valid);
  }

  static List<String> priorities() {
    return PRIORITIES;
  }
}
