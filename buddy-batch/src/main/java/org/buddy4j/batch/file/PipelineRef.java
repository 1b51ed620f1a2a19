package org.buddy4j.batch.file;

/** A pipeline's address: {@code /workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}}. */
public record PipelineRef(String workspace, String project, int pipeline) {
  @Override
  public String toString() {
    return workspace + "/" + project + "/" + pipeline;
  }
}
