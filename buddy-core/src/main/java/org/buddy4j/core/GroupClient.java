package org.buddy4j.core;

import org.buddy4j.core.generated.api.GroupsApi;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.GroupMemberRequest;
import org.buddy4j.core.generated.model.Member;

/** One group of a workspace: {@code /workspaces/{workspace}/groups/{group_id}} and its members. */
public final class GroupClient {
  private final ClientContext context;
  private final String workspace;
  private final int groupId;

  GroupClient(ClientContext context, String workspace, int groupId) {
    this.context = context;
    this.workspace = workspace;
    this.groupId = groupId;
  }

  public String workspace() {
    return workspace;
  }

  public int id() {
    return groupId;
  }

  /** {@code GET /workspaces/{workspace}/groups/{group_id}}. */
  public Group get() {
    return context.api(GroupsApi.class).getGroup(workspace, groupId);
  }

  /**
   * The group's members, {@code /workspaces/{workspace}/groups/{group_id}/members} (Buddy answers the list
   * whole): {@code create} adds a workspace member by its ID ({@code {"id": …}}), {@code update} changes its
   * {@code status} in the group ({@code MEMBER} or {@code MANAGER}), {@code delete} removes it from the group.
   */
  public Resources<Member, Integer, GroupMemberRequest, GroupMemberRequest> members() {
    GroupsApi api = context.api(GroupsApi.class);
    return Resources.<Member, Integer, GroupMemberRequest, GroupMemberRequest>at(
            "/workspaces/" + workspace + "/groups/" + groupId + "/members")
        .whole(() -> api.getGroupMembers(workspace, groupId).getMembers())
        .get(id -> api.getGroupMember(workspace, groupId, id))
        .create(body -> api.addGroupMember(workspace, groupId, body))
        .update((id, body) -> api.updateGroupMember(workspace, groupId, id, body))
        .delete(id -> api.deleteGroupMember(workspace, groupId, id))
        .build();
  }

  @Override
  public String toString() {
    return "Group[" + workspace + "/" + groupId + "]";
  }
}
