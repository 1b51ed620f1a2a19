package org.buddy4j.core;

import java.util.stream.Stream;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.VariablesApi;
import org.buddy4j.core.generated.api.WorkspacesApi;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectList;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.generated.model.Workspace;

/** One workspace: {@code /workspaces/{workspace}} and what lives under it. */
public final class WorkspaceClient {
  private final ClientContext context;
  private final String workspace;

  WorkspaceClient(ClientContext context, String workspace) {
    this.context = context;
    this.workspace = requireHandle(workspace, "workspace");
  }

  /** The workspace's URL handle. */
  public String name() {
    return workspace;
  }

  /** {@code GET /workspaces/{workspace}}. */
  public Workspace get() {
    return context.api(WorkspacesApi.class).getWorkspace(workspace);
  }

  /** {@code GET /workspaces/{workspace}/projects}, every page, lazily (20 per page). */
  public Stream<Project> projects() {
    return Pages.stream((page, perPage) -> {
      ProjectList list = context.api(ProjectsApi.class)
          .getProjects(workspace, null, null, null, null, page, perPage);
      return new Pages.Page<>(list.getProjects(), null);
    }, 20);
  }

  /** {@code GET /workspaces/{workspace}/projects?page&per_page}: one page (1-based), for callers that page themselves. */
  public ProjectList projectsPage(int page, int perPage) {
    return context.api(ProjectsApi.class).getProjects(workspace, null, null, null, null, page, perPage);
  }

  /** The project with this URL handle ({@code name}); nothing is fetched yet. */
  public ProjectClient project(String name) {
    return new ProjectClient(context, workspace, name);
  }

  /** The workspace's integrations ({@code /workspaces/{workspace}/integrations}). */
  public IntegrationsClient integrations() {
    return new IntegrationsClient(context, workspace);
  }

  /**
   * The workspace's own variables, {@code /workspaces/{workspace}/variables} (Buddy answers the list whole).
   * An encrypted variable's value comes back as Buddy masks it, and is redacted from logs on the way out.
   */
  public Resources<Variable, Integer, Variable, Variable> variables() {
    VariablesApi api = context.api(VariablesApi.class);
    return Resources.<Variable, Integer, Variable, Variable>at("/workspaces/" + workspace + "/variables")
        .whole(() -> api.getVariables(workspace, null, null, null, null, null, null, null, null).getVariables())
        .get(id -> api.getVariable(workspace, id))
        .create(body -> api.createVariable(workspace, body))
        .update((id, body) -> api.updateVariable(workspace, id, body))
        .delete(id -> api.deleteVariable(workspace, id))
        .build();
  }

  /** {@code value} checked against Buddy's handle rule ({@link Handles}), before anything is sent. */
  static String requireHandle(String value, String what) {
    return Handles.require(what, value);
  }

  @Override
  public String toString() {
    return "Workspace[" + workspace + "]";
  }

  /**
   * The workspace's sandboxes, {@code /workspaces/{workspace}/sandboxes}: list, get, update, delete, and
   * {@code sandbox(id)} to start, stop and wait for one. Create one in its project:
   * {@code project(name).sandboxes().create(…)}.
   */
  public Sandboxes sandboxes() {
    return new Sandboxes(context, workspace, null);
  }
}
