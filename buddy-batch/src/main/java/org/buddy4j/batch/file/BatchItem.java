package org.buddy4j.batch.file;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.RunOptions;

/**
 * One run of a batch file: what {@code POST /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions}
 * will be sent, where it came from ({@code line}), and its stable {@code key} (the user's {@code key:}
 * field, or a hash of the run's content). The key names the run in the journal and in its marker.
 */
public record BatchItem(
    String key,
    int line,
    String workspace,
    String project,
    int pipeline,
    String branch,
    String tag,
    String pullRequest,
    String revision,
    String comment,
    String priority,
    Map<String, String> variables,
    Map<String, String> secretVariables,
    Boolean clearCache,
    Boolean refresh,
    String environment,
    List<Integer> actions,
    Instant delayUntil) {

  /** {@code workspace/project/pipeline}: the pipeline this run goes to. */
  public PipelineRef pipelineRef() {
    return new PipelineRef(workspace, project, pipeline);
  }

  /** The ref in words: {@code branch master}, {@code tag v1.2}, {@code pull request pull/3} or {@code default ref}. */
  public String refText() {
    if (branch != null) {
      return "branch " + branch;
    }
    if (tag != null) {
      return "tag " + tag;
    }
    if (pullRequest != null) {
      return "pull request " + pullRequest;
    }
    return revision != null ? "revision " + revision : "default ref";
  }

  /**
   * The options to send, with {@code marker} appended to the user's comment: the marker is how a
   * run whose POST lost its answer is found again, without ever sending it twice.
   */
  public RunOptions toRunOptions(String marker) {
    RunOptions o = RunOptions.defaults();
    if (branch != null) {
      o.branch(branch);
    }
    if (tag != null) {
      o.tag(tag);
    }
    if (pullRequest != null) {
      o.pullRequest(pullRequest);
    }
    if (revision != null) {
      o.revision(revision);
    }
    o.comment(comment == null || comment.isBlank() ? marker : comment + " " + marker);
    if (priority != null) {
      o.priority(priority);
    }
    variables.forEach(o::variable);
    secretVariables.forEach(o::encryptedVariable);
    if (clearCache != null) {
      o.clearCache(clearCache);
    }
    if (refresh != null) {
      o.refresh(refresh);
    }
    if (environment != null) {
      o.environment(environment);
    }
    if (!actions.isEmpty()) {
      o.actions(actions.stream().mapToInt(Integer::intValue).toArray());
    }
    if (delayUntil != null) {
      o.delayUntil(delayUntil);
    }
    return o;
  }
}
