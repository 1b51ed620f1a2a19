package org.buddy4j.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.buddy4j.core.generated.api.SandboxesApi;
import org.buddy4j.core.generated.model.Sandbox;
import org.buddy4j.core.generated.model.SandboxRequest;

/**
 * A workspace's sandboxes, {@code /workspaces/{workspace}/sandboxes} (Buddy answers the list whole), or those
 * of one project ({@code ?project_name=}): list, get, create, update, delete by sandbox ID, and
 * {@link #sandbox(String)} for what one sandbox can do besides (start, stop, wait). A sandbox belongs to a
 * project, so only a project's sandboxes can {@link #create}.
 */
public final class Sandboxes {
  private final ClientContext context;
  private final String workspace;
  private final String project; // null: the whole workspace
  private final Resources<Sandbox, String, SandboxRequest, SandboxRequest> resources;

  Sandboxes(ClientContext context, String workspace, String project) {
    this.context = context;
    this.workspace = workspace;
    this.project = project;
    SandboxesApi api = context.api(SandboxesApi.class);
    this.resources = Resources.<Sandbox, String, SandboxRequest, SandboxRequest>at("/workspaces/" + workspace + "/sandboxes"
            + (project == null ? "" : "?project_name=" + project))
        .whole(() -> orEmpty(api.getSandboxes(workspace, project).getSandboxes()))
        .get(id -> api.getSandbox(workspace, checked(id)))
        .create(body -> api.createSandbox(workspace, project, context.sending(body)))
        .update((id, body) -> api.updateSandbox(workspace, checked(id), context.sending(body)))
        .delete(id -> api.deleteSandbox(workspace, checked(id)))
        .build();
  }

  /** {@code GET /workspaces/{workspace}/sandboxes[?project_name=]}: every sandbox (of the project). */
  public Stream<Sandbox> list() {
    return resources.list();
  }

  /** {@code GET /workspaces/{workspace}/sandboxes/{sandbox_id}}; a {@code BuddyNotFoundException} when there is none. */
  public Sandbox get(String sandboxId) {
    return resources.get(sandboxId);
  }

  /** {@code GET /workspaces/{workspace}/sandboxes/{sandbox_id}}, empty on 404. */
  public Optional<Sandbox> find(String sandboxId) {
    return resources.find(sandboxId);
  }

  /**
   * {@code POST /workspaces/{workspace}/sandboxes?project_name={project}} ({@code name} is required): the new
   * sandbox, STARTING. Follow it with {@code sandbox(created.getId()).waitUntilRunning(…)}.
   *
   * @throws UnsupportedOperationException on a workspace's sandboxes: Buddy creates a sandbox in a project
   */
  public Sandbox create(SandboxRequest body) {
    if (project == null) {
      throw new UnsupportedOperationException("a sandbox belongs to a project: create it with "
          + "workspace(\"" + workspace + "\").project(name).sandboxes().create(…)");
    }
    return resources.create(body);
  }

  /** {@code PATCH /workspaces/{workspace}/sandboxes/{sandbox_id}}: the sandbox as it is now. */
  public Sandbox update(String sandboxId, SandboxRequest body) {
    return resources.update(sandboxId, body);
  }

  /** {@code DELETE /workspaces/{workspace}/sandboxes/{sandbox_id}}. */
  public void delete(String sandboxId) {
    resources.delete(sandboxId);
  }

  /** One sandbox by its ID, for start, stop and waiting; nothing is fetched yet. */
  public SandboxClient sandbox(String sandboxId) {
    return new SandboxClient(context, workspace, checked(sandboxId));
  }

  private static String checked(String sandboxId) {
    return Handles.require("sandbox", sandboxId);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "Sandboxes[" + workspace + (project == null ? "" : "/" + project) + "]";
  }
}
