package org.buddy4j.core;

import org.buddy4j.core.generated.api.MembersApi;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.Project;

/** One member of a workspace: {@code /workspaces/{workspace}/members/{member_id}} and the projects they are in. */
public final class MemberClient {
  private final ClientContext context;
  private final String workspace;
  private final int memberId;

  MemberClient(ClientContext context, String workspace, int memberId) {
    this.context = context;
    this.workspace = workspace;
    this.memberId = memberId;
  }

  public String workspace() {
    return workspace;
  }

  public int id() {
    return memberId;
  }

  /** {@code GET /workspaces/{workspace}/members/{member_id}}. */
  public Member get() {
    return context.api(MembersApi.class).getWorkspaceMember(workspace, memberId);
  }

  /**
   * {@code GET /workspaces/{workspace}/members/{member_id}/projects}, paged (20 a request): the projects this
   * member belongs to. Read-only: a member joins a project through {@code project.members().create(…)}.
   */
  public Resources<Project, String, Void, Void> projects() {
    MembersApi api = context.api(MembersApi.class);
    return Resources.<Project, String, Void, Void>at("/workspaces/" + workspace + "/members/" + memberId + "/projects")
        .paged((page, perPage) -> new Pages.Page<>(
            api.getMemberProjects(workspace, memberId, page, perPage, null, null, null, null).getProjects(), null), 20)
        .build();
  }

  @Override
  public String toString() {
    return "Member[" + workspace + "/" + memberId + "]";
  }
}
