package org.buddy4j.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.generated.model.PassVariable;
import org.buddy4j.core.generated.model.Priority;
import org.buddy4j.core.generated.model.RefName;
import org.buddy4j.core.generated.model.RevisionRef;
import org.buddy4j.core.generated.model.RunExecutionRequest;

/**
 * What to run, for {@code POST /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions}:
 * a branch, tag, pull request or revision, with a comment, priority, cache and refresh switches,
 * variables (plain or encrypted), a subset of actions, a delay and an environment. Every field is
 * optional; with none, the pipeline's definition decides.
 *
 * <pre>{@code
 * RunOptions.onBranch("master").comment("release").priority(Priority.HIGH).variable("VERSION", "1.2")
 * RunOptions.defaults().set("package_version", "app:1.2")   // any field of the spec's run request
 * }</pre>
 *
 * <p>The typed methods are shortcuts; {@link #set} reaches every field of the run-request catalogue
 * ({@link RunFields}, generated from the spec), so a field the spec gains is settable with no edit here.
 */
public final class RunOptions {
  private final RunExecutionRequest request = new RunExecutionRequest();

  private RunOptions() {}

  /** No options: the pipeline's own refs decide. */
  public static RunOptions defaults() {
    return new RunOptions();
  }

  /** Run on a branch ({@code branch.name}). */
  public static RunOptions onBranch(String branch) {
    return new RunOptions().branch(branch);
  }

  /** Run on a tag ({@code tag.name}). */
  public static RunOptions onTag(String tag) {
    return new RunOptions().tag(tag);
  }

  /** Run on a pull request ({@code pull_request.name}, e.g. {@code pull/1}). */
  public static RunOptions onPullRequest(String pullRequest) {
    return new RunOptions().pullRequest(pullRequest);
  }

  /** Run at a revision ({@code to_revision.revision}: a SHA or {@code HEAD}). */
  public static RunOptions atRevision(String revision) {
    return new RunOptions().revision(revision);
  }

  public RunOptions branch(String branch) {
    request.setBranch(branch == null ? null : new RefName().name(branch));
    return this;
  }

  public RunOptions tag(String tag) {
    request.setTag(tag == null ? null : new RefName().name(tag));
    return this;
  }

  public RunOptions pullRequest(String pullRequest) {
    request.setPullRequest(pullRequest == null ? null : new RefName().name(pullRequest));
    return this;
  }

  /** {@code to_revision}: the commit to deploy. */
  public RunOptions revision(String revision) {
    request.setToRevision(revision == null ? null : new RevisionRef().revision(revision));
    return this;
  }

  /** {@code from_revision}: the commit to deploy changes from. */
  public RunOptions fromRevision(String revision) {
    request.setFromRevision(revision == null ? null : new RevisionRef().revision(revision));
    return this;
  }

  public RunOptions comment(String comment) {
    request.setComment(comment);
    return this;
  }

  /** {@code refresh}: deploy from scratch. */
  public RunOptions refresh(boolean refresh) {
    request.setRefresh(refresh);
    return this;
  }

  public RunOptions clearCache(boolean clearCache) {
    request.setClearCache(clearCache);
    return this;
  }

  public RunOptions priority(Priority priority) {
    request.setPriority(priority);
    return this;
  }

  /** {@code priority} by name: LOW, NORMAL or HIGH. */
  public RunOptions priority(String priority) {
    Priority p = Priority.fromValue(priority);
    if (p == null || p == Priority.UNKNOWN_DEFAULT_OPEN_API) {
      throw new IllegalArgumentException("priority '" + priority + "' is not one of LOW, NORMAL, HIGH");
    }
    return priority(p);
  }

  /** {@code delay_until}: start the run at this time (UTC). */
  public RunOptions delayUntil(Instant when) {
    request.setDelayUntil(when == null ? null : OffsetDateTime.ofInstant(when, ZoneOffset.UTC));
    return this;
  }

  public RunOptions environment(String environment) {
    request.setEnvironment(environment);
    return this;
  }

  /** {@code package_version}: {@code package_name:version}. */
  public RunOptions packageVersion(String packageVersion) {
    request.setPackageVersion(packageVersion);
    return this;
  }

  /**
   * Adds a variable to {@code variables}.
   *
   * @throws IllegalArgumentException when the name breaks {@link RunVariables}' rule or is already given
   */
  public RunOptions variable(String key, String value) {
    checkNew(key, false);
    request.addVariablesItem(new PassVariable().key(key).value(value));
    return this;
  }

  /**
   * Adds an encrypted variable ({@code "encrypted": true}); its value is never printed.
   *
   * @throws IllegalArgumentException when the name breaks {@link RunVariables}' rule or is already given
   */
  public RunOptions encryptedVariable(String key, String value) {
    checkNew(key, true);
    request.addVariablesItem(new PassVariable().key(key).value(value).encrypted(true));
    return this;
  }

  private void checkNew(String key, boolean encrypted) {
    String problem = RunVariables.nameProblem(key);
    if (problem != null) {
      throw new IllegalArgumentException(key == null || key.isEmpty() ? problem
          : (encrypted ? "a secret variable's name (" + key.length() + " characters) " : "variable '" + key + "' ") + problem);
    }
    if (request.getVariables() != null) {
      for (PassVariable v : request.getVariables()) {
        if (key.equals(v.getKey())) {
          throw new IllegalArgumentException(RunVariables.duplicate(key, Boolean.TRUE.equals(v.getEncrypted()), encrypted));
        }
      }
    }
  }

  /**
   * Sets a field of the run-request catalogue ({@link RunFields}) by the name a person writes
   * ({@code revision}, {@code clear_cache}) or its JSON name ({@code to_revision}). Text is checked by the
   * field's kind ({@code "HIGH"}, {@code "yes"}, {@code "2026-01-31T22:00:00Z"}); typed values (Boolean,
   * Integer, Instant, a list or {@code int[]} of IDs) are taken as they are; null unsets the field.
   * Variables go through {@link #variable} and {@link #encryptedVariable}.
   *
   * @throws IllegalArgumentException for an unknown field or a value its kind does not take
   */
  public RunOptions set(String field, Object value) {
    RunField f = RunFields.get().require(field);
    try {
      BuddyJson.mapper().updateValue(request, java.util.Map.of(f.json(), f.toJson(value)));
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new IllegalArgumentException(f.name() + ": the value does not fit " + f.json(), null);
    }
    return this;
  }

  /** {@code actions_to_run}: only these pipeline actions. */
  public RunOptions actions(int... actionIds) {
    List<Integer> ids = new ArrayList<>();
    for (int id : actionIds) {
      ids.add(id);
    }
    request.setActionsToRun(ids.isEmpty() ? null : ids);
    return this;
  }

  /** The comment set so far (the batch runner marks runs with it). */
  public String comment() {
    return request.getComment();
  }

  /** The request body (a copy: later changes to these options do not affect it). */
  public RunExecutionRequest toRequest() {
    return BuddyJson.mapper().convertValue(request, RunExecutionRequest.class);
  }

  /**
   * The request body itself, not a copy: for {@link PipelineClient#run}, which encodes it before it
   * returns (a copy cost a JSON round trip per run; buddy-bench, {@code ClientOverhead}).
   */
  RunExecutionRequest body() {
    return request;
  }

  /** The JSON body, with encrypted variable values masked. */
  @Override
  public String toString() {
    try {
      return "RunOptions" + Redactor.standard().redactJson(BuddyJson.mapper().writeValueAsString(request));
    } catch (Exception e) {
      return "RunOptions[unprintable]";
    }
  }
}
