package org.buddy4j.batch.file;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunOptions;

/**
 * One run of a batch file: what {@code POST /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions}
 * will be sent, where it came from ({@code line}), and its stable {@code key} (the user's {@code key:}
 * field, or a hash of the run's content). The key names the run in the journal and in its marker.
 *
 * @param run the run fields given, by batch name ({@link BatchFields#runFields()}), as checked by the
 *     field's kind: String, Boolean, Integer, Instant, {@code List<Integer>}, or for variables a
 *     {@code Map<String, String>} (the encrypted ones under their own name, e.g. {@code secret_variables})
 */
public record BatchItem(String key, int line, String workspace, String project, int pipeline, Map<String, Object> run) {

  public BatchItem {
    run = Map.copyOf(run);
  }

  /** {@code workspace/project/pipeline}: the pipeline this run goes to. */
  public PipelineRef pipelineRef() {
    return new PipelineRef(workspace, project, pipeline);
  }

  /** A run field's value by its batch name, or null. */
  public Object get(String field) {
    return run.get(field);
  }

  public String branch() {
    return (String) run.get("branch");
  }

  public String tag() {
    return (String) run.get("tag");
  }

  public String pullRequest() {
    return (String) run.get("pull_request");
  }

  public String revision() {
    return (String) run.get("revision");
  }

  public String comment() {
    return (String) run.get("comment");
  }

  public String priority() {
    return (String) run.get("priority");
  }

  public Boolean clearCache() {
    return (Boolean) run.get("clear_cache");
  }

  public Boolean refresh() {
    return (Boolean) run.get("refresh");
  }

  public String environment() {
    return (String) run.get("environment");
  }

  public Instant delayUntil() {
    return (Instant) run.get("delay_until");
  }

  @SuppressWarnings("unchecked")
  public List<Integer> actions() {
    return (List<Integer>) run.getOrDefault("actions", List.of());
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> variables() {
    return (Map<String, String>) run.getOrDefault("variables", Map.of());
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> secretVariables() {
    return (Map<String, String>) run.getOrDefault("secret_variables", Map.of());
  }

  /** The ref in words: {@code branch master}, {@code tag v1.2}, {@code pull request pull/3} or {@code default ref}. */
  public String refText() {
    for (String ref : List.of("branch", "tag", "pull_request", "revision")) {
      if (run.get(ref) != null) {
        return ref.replace('_', ' ') + " " + run.get(ref);
      }
    }
    return "default ref";
  }

  /**
   * The options to send, with {@code marker} appended to the user's comment: the marker is how a
   * run whose POST lost its answer is found again, without ever sending it twice. Every other field goes
   * through {@link RunOptions#set}, by the catalogue.
   */
  @SuppressWarnings("unchecked")
  public RunOptions toRunOptions(String marker) {
    RunOptions o = RunOptions.defaults();
    String comment = comment();
    o.comment(comment == null || comment.isBlank() ? marker : comment + " " + marker);
    BatchFields.runFields().forEach((name, binding) -> {
      Object value = run.get(name);
      RunField f = binding.field();
      if (value == null || name.equals("comment")) {
        return;
      }
      if (f.kind() == RunField.Kind.VARIABLES) {
        ((Map<String, String>) value).forEach(binding.secret() ? o::encryptedVariable : o::variable);
      } else {
        o.set(f.name(), value);
      }
    });
    return o;
  }

  /** The run without secret values (an encrypted variable shows its name only). */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(", ", "BatchItem[", "]");
    s.add("key=" + key).add("line=" + line).add("pipeline=" + pipelineRef());
    BatchFields.runFields().forEach((name, binding) -> {
      Object value = run.get(name);
      if (value != null) {
        s.add(name + "=" + (binding.secret() || binding.field().sensitive()
            ? (value instanceof Map<?, ?> m ? m.keySet() : "***") : value));
      }
    });
    return s.toString();
  }
}
