package org.buddy4j.core;

import java.util.List;
import org.buddy4j.core.generated.api.GroupsApi;
import org.buddy4j.core.generated.api.MembersApi;
import org.buddy4j.core.generated.api.PipelinesApi;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.BranchList;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.Pipeline;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectGroup;
import org.buddy4j.core.generated.model.ProjectGroupRequest;
import org.buddy4j.core.generated.model.ProjectMemberRequest;
import org.buddy4j.core.generated.model.Variable;

/** One project: {@code /workspaces/{workspace}/projects/{project_name}}. */
public final class ProjectClient {
  private final ClientContext context;
  private final String workspace;
  private final String project;

  ProjectClient(ClientContext context, String workspace, String project) {
    this.context = context;
    this.workspace = workspace;
    this.project = WorkspaceClient.requireHandle(project, "project");
  }

  public String workspace() {
    return workspace;
  }

  public String name() {
    return project;
  }

  /** {@code GET /workspaces/{workspace}/projects/{project_name}}. */
  public Project get() {
    return context.api(ProjectsApi.class).getProject(workspace, project);
  }

  /**
   * The project's variables: {@code /workspaces/{workspace}/variables?projectName=…}; one created here belongs
   * to this project. Read, changed and deleted by ID like the workspace's.
   */
  public Resources<Variable, Integer, Variable, Variable> variables() {
    return Scopes.variables(context, workspace, project, null);
  }

  /** The project's environments: {@code /workspaces/{workspace}/environments?project_name=…}; one created here belongs to it. */
  public Resources<Environment, String, Environment, Environment> environments() {
    return Scopes.environments(context, workspace, project);
  }

  /**
   * The workspace groups given access to this project, {@code …/projects/{project_name}/groups}, by group ID:
   * {@code create} adds one with a permission set ({@code {"id": …, "permission_set": {"id": …}}}).
   */
  public Resources<ProjectGroup, Integer, ProjectGroupRequest, ProjectGroupRequest> groups() {
    GroupsApi api = context.api(GroupsApi.class);
    return Resources.<ProjectGroup, Integer, ProjectGroupRequest, ProjectGroupRequest>at(
            "/workspaces/" + workspace + "/projects/" + project + "/groups")
        .whole(() -> api.getProjectGroups(workspace, project).getGroups())
        .get(id -> api.getProjectGroup(workspace, project, id))
        .create(body -> api.addProjectGroup(workspace, project, body))
        .update((id, body) -> api.updateProjectGroup(workspace, project, id, body))
        .delete(id -> api.deleteProjectGroup(workspace, project, id))
        .build();
  }

  /**
   * The project's members, {@code …/projects/{project_name}/members} (paged, 20 a request), by member ID:
   * {@code create} adds a workspace member with a permission set, {@code update} changes the set.
   */
  public Resources<Member, Integer, ProjectMemberRequest, ProjectMemberRequest> members() {
    MembersApi api = context.api(MembersApi.class);
    return Resources.<Member, Integer, ProjectMemberRequest, ProjectMemberRequest>at(
            "/workspaces/" + workspace + "/projects/" + project + "/members")
        .paged((page, perPage) -> new Pages.Page<>(
            api.getProjectMembers(workspace, project, page, perPage, null, null).getMembers(), null), 20)
        .get(id -> api.getProjectMember(workspace, project, id))
        .create(body -> api.addProjectMember(workspace, project, body))
        .update((id, body) -> api.updateProjectMember(workspace, project, id, body))
        .delete(id -> api.deleteProjectMember(workspace, project, id))
        .build();
  }

  /**
   * The project's pipelines, {@code …/projects/{project_name}/pipelines}, by ID: list (paged, 30 a request, as
   * Buddy's Go SDK asks), get, create, update ({@code PATCH}), delete. {@link #pipeline(int)} navigates into one.
   */
  public Resources<Pipeline, Integer, Pipeline, Pipeline> pipelines() {
    PipelinesApi api = context.api(PipelinesApi.class);
    return Resources.<Pipeline, Integer, Pipeline, Pipeline>at("/workspaces/" + workspace + "/projects/" + project + "/pipelines")
        .paged((page, perPage) -> new Pages.Page<>(api.getPipelines(workspace, project, page, perPage).getPipelines(), null), 30)
        .get(id -> api.getPipeline(workspace, project, id))
        .create(body -> api.createPipeline(workspace, project, body))
        .update((id, body) -> api.updatePipeline(workspace, project, id, body))
        .delete(id -> api.deletePipeline(workspace, project, id))
        .build();
  }

  /** The pipeline with this ID; nothing is fetched yet. */
  public PipelineClient pipeline(int pipelineId) {
    return new PipelineClient(context, workspace, project, pipelineId);
  }

  /**
   * The project's repository, {@code …/projects/{project_name}/repository}: branches, tags, commits,
   * comparisons and files; nothing is fetched yet.
   */
  public RepositoryClient repository() {
    return new RepositoryClient(context, workspace, project);
  }

  /** {@code GET …/repository/branches}. */
  public List<Branch> branches() {
    BranchList list = context.api(RepositoryApi.class).getBranches(workspace, project, null, null);
    return list.getBranches() == null ? List.of() : list.getBranches();
  }

  /** {@code GET …/repository/branches?page&per_page}: one page (1-based), for callers that page themselves. */
  public BranchList branchesPage(int page, int perPage) {
    return context.api(RepositoryApi.class).getBranches(workspace, project, page, perPage);
  }

  @Override
  public String toString() {
    return "Project[" + workspace + "/" + project + "]";
  }

  /**
   * The project's sandboxes, {@code /workspaces/{workspace}/sandboxes?project_name={project_name}}: list (only
   * this project's), create, get, update, delete, and {@code sandbox(id)} to start, stop and wait for one.
   */
  public Sandboxes sandboxes() {
    return new Sandboxes(context, workspace, project);
  }
}
