package org.buddy4j.batch.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.buddy4j.core.Handles;
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
    for (String name : v.secrets.keySet()) {
      if (v.variables.containsKey(name)) {
        RawItem.Field at = raw.fields().getOrDefault("secret_variables", raw.fields().get("variables"));
        problems.accept(at != null ? at.line() : raw.line(), RunVariables.duplicate(name, false, true));
        v.failed = true;
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
    int refs = (v.branch != null ? 1 : 0) + (v.tag != null ? 1 : 0) + (v.pullRequest != null ? 1 : 0);
    if (refs > 1) {
      problems.accept(raw.line(), "give only one of 'branch', 'tag' and 'pull_request' per run");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    String key = raw.fields().containsKey("key") && v.key != null ? v.key : contentKey(workspace, project, v);
    return new BatchItem(key, raw.line(), workspace, project, v.pipeline, v.branch, v.tag, v.pullRequest, v.revision,
        v.comment, v.priority, Collections.unmodifiableMap(v.variables), Collections.unmodifiableMap(v.secrets),
        v.clearCache, v.refresh, v.environment, List.copyOf(v.actions), v.delayUntil);
  }

  /** Problems in the file's defaults (reported once for the file). */
  public void checkDefaults(BiConsumer<Integer, String> problems) {
    if (defaults != null) {
      new Values(problems).read(defaults);
    }
  }

  /** A key from the run's content: same run, same key (secret values are left out of it). */
  private static String contentKey(String workspace, String project, Values v) {
    StringBuilder s = new StringBuilder();
    s.append(workspace).append('\u0000').append(project).append('\u0000').append(v.pipeline)
        .append("\u0000b:").append(v.branch).append("\u0000t:").append(v.tag).append("\u0000p:").append(v.pullRequest)
        .append("\u0000r:").append(v.revision).append("\u0000c:").append(v.comment).append("\u0000P:").append(v.priority)
        .append("\u0000v:").append(new TreeMap<>(v.variables)).append("\u0000s:").append(new TreeMap<>(v.secrets).keySet())
        .append("\u0000cc:").append(v.clearCache).append("\u0000rf:").append(v.refresh).append("\u0000e:").append(v.environment)
        .append("\u0000a:").append(v.actions).append("\u0000d:").append(v.delayUntil);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return "r" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
    String branch;
    String tag;
    String pullRequest;
    String revision;
    String comment;
    String priority;
    Map<String, String> variables = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    Boolean clearCache;
    Boolean refresh;
    String environment;
    List<Integer> actions = new ArrayList<>();
    Instant delayUntil;

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
      v.branch = branch;
      v.tag = tag;
      v.pullRequest = pullRequest;
      v.revision = revision;
      v.comment = comment;
      v.priority = priority;
      v.variables = new LinkedHashMap<>(variables);
      v.secrets = new LinkedHashMap<>(secrets);
      v.clearCache = clearCache;
      v.refresh = refresh;
      v.environment = environment;
      v.actions = new ArrayList<>(actions);
      v.delayUntil = delayUntil;
      return v;
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
          case "branch" -> branch = text(name, value, line);
          case "tag" -> tag = text(name, value, line);
          case "pull_request" -> pullRequest = text(name, value, line);
          case "revision" -> revision = text(name, value, line);
          case "comment" -> comment = text(name, value, line);
          case "environment" -> environment = text(name, value, line);
          case "priority" -> {
            String p = text(name, value, line);
            if (p != null) {
              String upper = p.toUpperCase(Locale.ROOT);
              if (BatchFields.priorities().contains(upper)) {
                priority = upper;
              } else {
                fail(line, "field 'priority': '" + p + "' is not a priority; valid choices: LOW, NORMAL, HIGH");
              }
            }
          }
          case "clear_cache" -> clearCache = bool(name, value, line);
          case "refresh" -> refresh = bool(name, value, line);
          case "variables" -> map(name, value, line, variables);
          case "secret_variables" -> map(name, value, line, secrets);
          case "actions" -> actions(value, line);
          case "delay_until" -> {
            String d = text(name, value, line);
            if (d != null) {
              try {
                delayUntil = Instant.parse(d);
              } catch (DateTimeParseException ex) {
                fail(line, "field 'delay_until': '" + d + "' is not an ISO-8601 UTC time such as 2026-01-31T22:00:00Z");
              }
            }
          }
          default -> fail(line, BatchFields.unknownField(name, false));
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

    private Boolean bool(String name, JsonNode value, int line) {
      String s = text(name, value, line);
      if (s == null) {
        return null;
      }
      switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> {
          return true;
        }
        case "false", "no" -> {
          return false;
        }
        default -> {
          fail(line, "field '" + name + "': '" + s + "' is not a boolean; valid choices: true, false");
          return null;
        }
      }
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

    private void actions(JsonNode value, int line) {
      if (!value.isArray()) {
        fail(line, "field 'actions' needs a list of action IDs, e.g. [5, 6]");
        return;
      }
      List<Integer> ids = new ArrayList<>();
      for (JsonNode id : value) {
        Integer n = id.isValueNode() ? positiveInt("actions", id, line, "an action ID (a whole number)") : null;
        if (n == null && !id.isValueNode()) {
          fail(line, "field 'actions' needs a list of action IDs, e.g. [5, 6]");
        }
        if (n != null) {
          ids.add(n);
        }
      }
      actions = ids;
    }
  }
}
