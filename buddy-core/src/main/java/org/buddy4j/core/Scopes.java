package org.buddy4j.core;

import org.buddy4j.core.generated.api.EnvironmentsApi;
import org.buddy4j.core.generated.api.VariablesApi;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.PipelineRef;
import org.buddy4j.core.generated.model.ProjectRef;
import org.buddy4j.core.generated.model.Variable;

/**
 * The families Buddy keeps in one workspace-wide collection and filters by project or pipeline
 * ({@code /workspaces/{workspace}/variables}, {@code …/environments}): built here once for every scope, so
 * {@code workspace.variables()}, {@code project.variables()} and {@code pipeline.variables()} differ only in
 * the filter they send and the reference a created item carries. An item is read, changed and deleted by its
 * ID at the workspace's URL whatever its scope, as Buddy addresses it.
 */
final class Scopes {
  private Scopes() {}

  /**
   * Variables at one scope: the workspace's own ({@code project} and {@code pipeline} null), a project's, or
   * a pipeline's. The list filters with the camelCase names {@code projectName} and {@code pipelineId}, which
   * Buddy's own clients send (docs/api-decisions.md, finding 2); a created variable's {@code project} and
   * {@code pipeline} are set to the scope.
   */
  static Resources<Variable, Integer, Variable, Variable> variables(ClientContext context, String workspace,
      String project, Integer pipeline) {
    VariablesApi api = context.api(VariablesApi.class);
    return Resources.<Variable, Integer, Variable, Variable>at(path(workspace, "variables", project == null ? null
        : "projectName=" + project + (pipeline == null ? "" : "&pipelineId=" + pipeline)))
        .whole(() -> api.getVariables(workspace, null, null, null, null, null, project, pipeline, null).getVariables())
        .get(id -> api.getVariable(workspace, id))
        .create(body -> api.createVariable(workspace, inScope(body, project, pipeline)))
        .update((id, body) -> api.updateVariable(workspace, id, body))
        .delete(id -> api.deleteVariable(workspace, id))
        .build();
  }

  /**
   * Environments of the whole workspace ({@code project} null) or of one project ({@code ?project_name=}); an
   * environment created for a project carries that project.
   */
  static Resources<Environment, String, Environment, Environment> environments(ClientContext context, String workspace,
      String project) {
    EnvironmentsApi api = context.api(EnvironmentsApi.class);
    return Resources.<Environment, String, Environment, Environment>at(path(workspace, "environments",
        project == null ? null : "project_name=" + project))
        .whole(() -> api.getEnvironments(workspace, project).getEnvironments())
        .get(id -> api.getEnvironment(workspace, id(id)))
        .create(body -> api.createEnvironment(workspace, project == null ? body : body.project(new ProjectRef().name(project))))
        .update((id, body) -> api.updateEnvironment(workspace, id(id), body))
        .delete(id -> api.deleteEnvironment(workspace, id(id)))
        .build();
  }

  private static Variable inScope(Variable body, String project, Integer pipeline) {
    if (project != null) {
      body.setProject(new ProjectRef().name(project));
    }
    if (pipeline != null) {
      body.setPipeline(new PipelineRef().id(pipeline));
    }
    return body;
  }

  private static String id(String id) {
    return Handles.require("environment_id", id);
  }

  /** The collection's path with the filter it sends, for messages. */
  private static String path(String workspace, String family, String query) {
    return "/workspaces/" + workspace + "/" + family + (query == null ? "" : "?" + query);
  }
}
