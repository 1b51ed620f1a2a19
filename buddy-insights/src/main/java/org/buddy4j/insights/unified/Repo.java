package org.buddy4j.insights.unified;

import org.buddy4j.core.generated.model.Project;

/**
 * A repository in the unified CI/CD model: a Buddy project, read from
 * {@code GET /workspaces/{workspace}/projects}. {@code name} is the project's URL handle;
 * {@code gitUrl} is its HTTP clone URL when Buddy says; {@code raw} is Buddy's object as sent.
 */
public record Repo(String workspace, String name, String displayName, String defaultBranch, String gitUrl,
                   String status, String htmlUrl, Project raw) {

  static Repo of(String workspace, Project p) {
    return new Repo(workspace, p.getName(), p.getDisplayName(), p.getDefaultBranch(), p.getHttpRepository(),
        p.getStatus(), p.getHtmlUrl(), p);
  }
}
