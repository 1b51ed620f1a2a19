package org.buddy4j.insights.unified;

/**
 * A branch in the unified CI/CD model, read from
 * {@code GET /workspaces/{workspace}/projects/{project_name}/repository/branches}.
 */
public record Branch(String workspace, String repo, String name, boolean isDefault, String htmlUrl,
                     org.buddy4j.core.generated.model.Branch raw) {

  static Branch of(String workspace, String repo, org.buddy4j.core.generated.model.Branch b) {
    return new Branch(workspace, repo, b.getName(), Boolean.TRUE.equals(b.getDefault()), b.getHtmlUrl(), b);
  }
}
