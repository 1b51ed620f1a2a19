package org.buddy4j.core;

import org.buddy4j.core.generated.api.DomainsApi;
import org.buddy4j.core.generated.api.GroupsApi;
import org.buddy4j.core.generated.api.MembersApi;
import org.buddy4j.core.generated.api.ProjectsApi;
import org.buddy4j.core.generated.api.TargetsApi;
import org.buddy4j.core.generated.api.WebhooksApi;
import org.buddy4j.core.generated.api.WorkspacesApi;
import org.buddy4j.core.generated.model.Domain;
import org.buddy4j.core.generated.model.DomainCreateRequest;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.MemberRequest;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectCreateRequest;
import org.buddy4j.core.generated.model.ProjectUpdateRequest;
import org.buddy4j.core.generated.model.Target;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.generated.model.Webhook;
import org.buddy4j.core.generated.model.Workspace;

/**
 * One workspace: {@code /workspaces/{workspace}} and what lives under it, each family a {@link Resources}
 * ({@code variables()}, {@code environments()}, …) or, where Buddy offers more than CRUD, a client of one
 * item ({@code group(id)}, {@code member(id)}, {@code domain(id)}, {@code sso()}).
 */
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

  /**
   * The workspace's projects, {@code /workspaces/{workspace}/projects}, by URL handle ({@code name}); the list
   * is paged (20 a request). Create with {@code without_repository} for a project with no repository.
   */
  public Resources<Project, String, ProjectCreateRequest, ProjectUpdateRequest> projects() {
    ProjectsApi api = context.api(ProjectsApi.class);
    return Resources.<Project, String, ProjectCreateRequest, ProjectUpdateRequest>at("/workspaces/" + workspace + "/projects")
        .paged((page, perPage) -> new Pages.Page<>(
            api.getProjects(workspace, null, null, null, null, page, perPage).getProjects(), null), 20)
        .get(name -> api.getProject(workspace, requireHandle(name, "project")))
        .create(body -> api.createProject(workspace, body))
        .update((name, body) -> api.updateProject(workspace, requireHandle(name, "project"), body))
        .delete(name -> api.deleteProject(workspace, requireHandle(name, "project")))
        .build();
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
   * The workspace's own variables, {@code /workspaces/{workspace}/variables} (Buddy answers the list whole; with
   * no filter, only the workspace's). An encrypted variable's value comes back as Buddy masks it, and is
   * redacted from logs on the way out.
   */
  public Resources<Variable, Integer, Variable, Variable> variables() {
    return Scopes.variables(context, workspace, null, null);
  }

  /** Every environment of the workspace, {@code /workspaces/{workspace}/environments}, by ID. */
  public Resources<Environment, String, Environment, Environment> environments() {
    return Scopes.environments(context, workspace, null);
  }

  /**
   * The workspace's deployment targets, {@code /workspaces/{workspace}/targets} (SSH, FTP… servers), by ID; their
   * passwords, passphrases and keys are write-only (Buddy never returns them).
   */
  public Resources<Target, String, Target, Target> targets() {
    TargetsApi api = context.api(TargetsApi.class);
    return Resources.<Target, String, Target, Target>at("/workspaces/" + workspace + "/targets")
        .whole(() -> api.getTargets(workspace, null, null, null, null).getTargets())
        .get(id -> api.getTarget(workspace, requireHandle(id, "target_id")))
        .create(body -> api.createTarget(workspace, body))
        .update((id, body) -> api.updateTarget(workspace, requireHandle(id, "target_id"), body))
        .delete(id -> api.deleteTarget(workspace, requireHandle(id, "target_id")))
        .build();
  }

  /** The workspace's groups, {@code /workspaces/{workspace}/groups}; {@link #group(int)} reaches one's members. */
  public Resources<Group, Integer, Group, Group> groups() {
    GroupsApi api = context.api(GroupsApi.class);
    return Resources.<Group, Integer, Group, Group>at("/workspaces/" + workspace + "/groups")
        .whole(() -> api.getGroups(workspace).getGroups())
        .get(id -> api.getGroup(workspace, id))
        .create(body -> api.createGroup(workspace, body))
        .update((id, body) -> api.updateGroup(workspace, id, body))
        .delete(id -> api.deleteGroup(workspace, id))
        .build();
  }

  /** The group with this ID ({@code /workspaces/{workspace}/groups/{group_id}}); nothing is fetched yet. */
  public GroupClient group(int groupId) {
    return new GroupClient(context, workspace, groupId);
  }

  /** The workspace's webhooks, {@code /workspaces/{workspace}/webhooks} (each with the events and projects it fires for). */
  public Resources<Webhook, Integer, Webhook, Webhook> webhooks() {
    WebhooksApi api = context.api(WebhooksApi.class);
    return Resources.<Webhook, Integer, Webhook, Webhook>at("/workspaces/" + workspace + "/webhooks")
        .whole(() -> api.getWebhooks(workspace).getWebhooks())
        .get(id -> api.getWebhook(workspace, id))
        .create(body -> api.createWebhook(workspace, body))
        .update((id, body) -> api.updateWebhook(workspace, id, body))
        .delete(id -> api.deleteWebhook(workspace, id))
        .build();
  }

  /** The workspace's permission sets (roles), {@code /workspaces/{workspace}/permissions}. */
  public Resources<PermissionSet, Integer, PermissionSet, PermissionSet> permissionSets() {
    MembersApi api = context.api(MembersApi.class);
    return Resources.<PermissionSet, Integer, PermissionSet, PermissionSet>at("/workspaces/" + workspace + "/permissions")
        .whole(() -> api.getPermissionSets(workspace).getPermissionSets())
        .get(id -> api.getPermissionSet(workspace, id))
        .create(body -> api.createPermissionSet(workspace, body))
        .update((id, body) -> api.updatePermissionSet(workspace, id, body))
        .delete(id -> api.deletePermissionSet(workspace, id))
        .build();
  }

  /**
   * The workspace's members, {@code /workspaces/{workspace}/members} (paged, 20 a request): {@code create} invites
   * by e-mail, {@code update} changes {@code admin} and auto-assignment, {@code delete} removes from the workspace.
   */
  public Resources<Member, Integer, MemberRequest, MemberRequest> members() {
    MembersApi api = context.api(MembersApi.class);
    return Resources.<Member, Integer, MemberRequest, MemberRequest>at("/workspaces/" + workspace + "/members")
        .paged((page, perPage) -> new Pages.Page<>(
            api.getWorkspaceMembers(workspace, null, null, page, perPage).getMembers(), null), 20)
        .get(id -> api.getWorkspaceMember(workspace, id))
        .create(body -> api.addWorkspaceMember(workspace, body))
        .update((id, body) -> api.updateWorkspaceMember(workspace, id, body))
        .delete(id -> api.deleteWorkspaceMember(workspace, id))
        .build();
  }

  /** The member with this ID ({@code /workspaces/{workspace}/members/{member_id}}); nothing is fetched yet. */
  public MemberClient member(int memberId) {
    return new MemberClient(context, workspace, memberId);
  }

  /**
   * The workspace's domains, {@code /workspaces/{workspace}/domains}, by ID (Buddy offers list, get and create);
   * {@link #domain(String)} reaches one's DNS records.
   */
  public Resources<Domain, String, DomainCreateRequest, Void> domains() {
    DomainsApi api = context.api(DomainsApi.class);
    return Resources.<Domain, String, DomainCreateRequest, Void>at("/workspaces/" + workspace + "/domains")
        .whole(() -> api.getDomains(workspace).getDomains())
        .get(id -> api.getDomain(workspace, requireHandle(id, "domain_id")))
        .create(body -> api.createDomain(workspace, body))
        .build();
  }

  /** The domain with this ID ({@code /workspaces/{workspace}/domains/{domain_id}}); nothing is fetched yet. */
  public DomainClient domain(String domainId) {
    return new DomainClient(context, workspace, domainId);
  }

  /** The workspace's single sign-on ({@code /workspaces/{workspace}/sso}, enable, disable). */
  public SsoClient sso() {
    return new SsoClient(context, workspace);
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
