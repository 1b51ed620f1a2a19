package org.buddy4j.insights;

import java.util.Objects;

/**
 * What insights cover: one pipeline ({@code …/pipelines/{pipeline_id}}), every pipeline of a project
 * ({@code GET …/projects/{project_name}/pipelines}) or of a workspace ({@code GET …/projects}, then
 * each project's pipelines).
 */
public record InsightsScope(String workspace, String project, Integer pipelineId) {
  public InsightsScope {
    Objects.requireNonNull(workspace, "workspace");
    if (pipelineId != null && project == null) {
      throw new IllegalArgumentException("a pipeline scope needs its project");
    }
  }

  public static InsightsScope pipeline(String workspace, String project, int pipelineId) {
    return new InsightsScope(workspace, project, pipelineId);
  }

  public static InsightsScope project(String workspace, String project) {
    return new InsightsScope(workspace, Objects.requireNonNull(project, "project"), null);
  }

  public static InsightsScope workspace(String workspace) {
    return new InsightsScope(workspace, null, null);
  }

  /** {@code buddy}, {@code buddy/company-website} or {@code buddy/company-website/2}. */
  public String label() {
    return workspace + (project == null ? "" : "/" + project) + (pipelineId == null ? "" : "/" + pipelineId);
  }
}
