package org.buddy4j.batch.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.buddy4j.core.Handles;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunFields;
import org.buddy4j.core.RunVariables;

/**
 * Turns a {@link RawItem} into a {@link BatchItem}: every field is checked (known name, right kind of
 * value, allowed choice), file defaults and then the command line's workspace/project fill the gaps,
 * and the run gets its key. Each mistake is reported with the line it is on.
 */
public final class ItemParser {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final RawItem defaults;
  private final String defaultWorkspace;
  private final String defaultProject;

  /**
   * @param defaults the file's {@code defaults:} (or null)
   * @param defaultWorkspace from --workspace / BUDDY_WORKSPACE (or null)
   * @param defaultProject from --project / BUDDY_PROJECT (or null)
   */
  public ItemParser(RawItem defaults, String defaultWorkspace, String defaultProject) {
    this.defaults = defaults;
    this.defaultWorkspace = defaultWorkspace;
    this.defaultProject = defaultProject;
  }

  /** The run, or null when it has problems (each passed to {@code problems} with its line). */
  public BatchItem parse(RawItem raw, BiConsumer<Integer, String> problems) {
    int before = raw.problems().size();
    for (int i = 0; i < raw.problems().size(); i++) {
      problems.accept(raw.problemLines().get(i), raw.problems().get(i));
    }
    Values v = new Values(problems);
    if (defaults != null) {
      // Problems in the defaults are reported once, by checkDefaults(), not again for every run.
      Values quiet = new Values((line, msg) -> { });
      quiet.read(defaults);
      v = quiet.withProblems(problems);
    }
    v.read(raw);
    for (RunField f : RunFields.get().all()) {
      if (f.kind() != RunField.Kind.VARIABLES) {
        continue;
      }
      for (String name : v.map(f.secret().name()).keySet()) {
        if (v.map(f.name()).containsKey(name)) {
          RawItem.Field at = raw.fields().getOrDefault(f.secret().name(), raw.fields().get(f.name()));
          problems.accept(at != null ? at.line() : raw.line(), RunVariables.duplicate(name, false, true));
          v.failed = true;
        }
      }
    }
    if (v.failed || before > 0) {
      return null;
    }
    String workspace = v.workspace != null ? v.workspace : defaultWorkspace;
    String project = v.project != null ? v.project : defaultProject;
    boolean ok = true;
    if (workspace == null) {
      problems.accept(raw.line(), "no workspace for this run: set 'workspace', put it under 'defaults', or use --workspace / BUDDY_WORKSPACE");
      ok = false;
    }
    if (project == null) {
      problems.accept(raw.line(), "no project for this run: set 'project', put it under 'defaults', or use --project / BUDDY_PROJECT");
      ok = false;
    }
    if (v.pipeline == null) {
      problems.accept(raw.line(), "no pipeline for this run: set 'pipeline' to the pipeline ID, e.g. pipeline: 2");
      ok = false;
    }
    String exclusive = exclusiveProblem(v.run);
    if (exclusive != null) {
      problems.accept(raw.line(), exclusive);
      ok = false;
    }
    if (!ok) {
      return null;
    }
    String key = raw.fields().containsKey("key") && v.key != null ? v.key : ContentKey.of(workspace, project, v.pipeline, v.run);
    Map<String, Object> run = new LinkedHashMap<>();
    v.run.forEach((name, value) -> run.put(name, value instanceof Map<?, ?> m ? Collections.unmodifiableMap(m)
        : value instanceof List<?> l ? List.copyOf(l) : value));
    return new BatchItem(key, raw.line(), workspace, project, v.pipeline, run);
  }

  /** "give only one of 'branch', 'tag' and 'pull_request' per run", for each exclusive group of the catalogue. */
  private static String exclusiveProblem(Map<String, Object> run) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (RunField f : RunFields.get().all()) {
      if (f.group() != null) {
        groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f.name());
      }
    }
    for (List<String> names : groups.values()) {
      if (names.stream().filter(n -> run.get(n) != null).count() > 1) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return "give only one of " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and "
            + quoted.get(quoted.size() - 1) + " per run";
      }
    }
    return null;
  }

  /** Problems in the file's defaults (reported once for the file). */
  public void checkDefaults(BiConsumer<Integer, String> problems) {
    if (defaults != null) {
      new Values(problems).read(defaults);
    }
  }

  /** The fields of defaults and run, merged (the run wins), with problems reported as found. */
  private static final class Values {
    final BiConsumer<Integer, String> problems;
    boolean failed;
    String key;
    String workspace;
    String project;
    Integer pipeline;
    /** Run fields by batch name, as checked by {@link RunField#parse}. */
    Map<String, Object> run = new LinkedHashMap<>();

    Values(BiConsumer<Integer, String> problems) {
      this.problems = problems;
    }

    /** These values (read from the defaults) reporting to {@code other} from now on. */
    Values withProblems(BiConsumer<Integer, String> other) {
      Values v = new Values(other);
      v.key = key;
      v.workspace = workspace;
      v.project = project;
      v.pipeline = pipeline;
      run.forEach((name, value) -> v.run.put(name, value instanceof Map<?, ?> m ? new LinkedHashMap<>(m)
          : value instanceof List<?> l ? new ArrayList<>(l) : value));
      return v;
    }

    @SuppressWarnings("unchecked")
    Map<String, String> map(String name) {
      return (Map<String, String>) run.getOrDefault(name, Map.of());
    }

    void read(RawItem raw) {
      for (Map.Entry<String, RawItem.Field> e : raw.fields().entrySet()) {
        String name = e.getKey();
        JsonNode value = e.getValue().value();
        int line = e.getValue().line();
        if (value == null || value.isNull()) {
          continue; // "branch:" with no value means not set
        }
        switch (name) {
          case "key" -> {
            String k = text(name, value, line);
            if (k != null && !KEY.matcher(k).matches()) {
              fail(line, "field 'key': '" + k + "' is not a valid key; use 1 to 64 letters, digits, '.', '_' or '-'");
            } else {
              key = k;
            }
          }
          case "workspace" -> workspace = handle(name, value, line);
          case "project" -> project = handle(name, value, line);
          case "pipeline" -> pipeline = positiveInt(name, value, line, "the pipeline ID, a whole number such as 2");
          default -> {
            BatchFields.Binding b = BatchFields.run(name).orElse(null);
            if (b == null) {
              fail(line, BatchFields.unknownField(name, false));
            } else {
              runField(name, b.field(), value, line);
            }
          }
        }
      }
    }

    /** One run field, checked by its kind (the catalogue's rule and message). */
    private void runField(String name, RunField f, JsonNode value, int line) {
      switch (f.kind()) {
        case VARIABLES -> {
          Map<String, String> into = new LinkedHashMap<>(map(name));
          map(name, value, line, into);
          run.put(name, into);
        }
        case NUMBERS -> {
          List<Integer> ids = list(name, f, value, line);
          if (ids != null && ids.isEmpty()) {
            run.remove(name); // actions: [] means all of them, as when not given
          } else if (ids != null) {
            run.put(name, ids);
          }
        }
        default -> {
          String s = text(name, value, line);
          if (s != null) {
            try {
              run.put(name, f.parse(s));
            } catch (IllegalArgumentException ex) {
              fail(line, "field '" + name + "': " + ex.getMessage());
            }
          }
        }
      }
    }

    private void fail(int line, String message) {
      failed = true;
      problems.accept(line, message);
    }

    private String text(String name, JsonNode value, int line) {
      if (!value.isValueNode()) {
        fail(line, "field '" + name + "' needs a plain value (" + BatchFields.FIELDS.get(name) + "), not a "
            + (value.isArray() ? "list" : "mapping"));
        return null;
      }
      String s = value.asText().trim();
      if (s.isEmpty()) {
        fail(line, "field '" + name + "' is empty; give " + BatchFields.FIELDS.get(name) + ", or leave the field out");
        return null;
      }
      return s;
    }

    /** A workspace or project: a URL handle by Buddy's rule ({@link Handles}), never a path. */
    private String handle(String name, JsonNode value, int line) {
      String s = text(name, value, line);
      String problem = s == null ? null : Handles.problem("field '" + name + "':", s);
      if (problem != null) {
        fail(line, problem);
        return null;
      }
      return s;
    }

    private Integer positiveInt(String name, JsonNode value, int line, String what) {
      String s = text(name, value, line);
      if (s == null) {
        return null;
      }
      try {
        int n = Integer.parseInt(s);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      fail(line, "field '" + name + "': '" + s + "' is not " + what);
      return null;
    }

    private void map(String name, JsonNode value, int line, Map<String, String> into) {
      if (!value.isObject()) {
        fail(line, "field '" + name + "' needs a mapping of names to values, e.g. {VERSION: \"1.2\"}");
        return;
      }
      value.fields().forEachRemaining(e -> {
        String problem = RunVariables.nameProblem(e.getKey());
        if (problem != null) {
          fail(line, "field '" + name + "': " + (e.getKey().isEmpty() ? problem : "'" + e.getKey() + "' " + problem));
        } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
          fail(line, "field '" + name + "': variable '" + e.getKey() + "' needs a plain value");
        } else {
          into.put(e.getKey(), e.getValue().asText());
        }
      });
    }

    /** A list of IDs ({@code actions: [5, 6]}), each checked by the field's rule. */
    private List<Integer> list(String name, RunField f, JsonNode value, int line) {
      if (!value.isArray()) {
        fail(line, "field '" + name + "' needs " + f.value());
        return null;
      }
      List<Integer> ids = new ArrayList<>();
      for (JsonNode id : value) {
        if (!id.isValueNode()) {
          fail(line, "field '" + name + "' needs " + f.value());
          continue;
        }
        try {
          ids.add((Integer) f.parse(id.asText()));
        } catch (IllegalArgumentException ex) {
          fail(line, "field '" + name + "': " + ex.getMessage());
        }
      }
      return ids;
    }
  }
}
