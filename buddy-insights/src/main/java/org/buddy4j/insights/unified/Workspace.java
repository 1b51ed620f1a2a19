package org.buddy4j.insights.unified;

/**
 * A workspace in the unified CI/CD model, read from {@code GET /workspaces}. {@code handle} is the URL
 * handle ({@code domain}) every other call takes; {@code raw} is Buddy's object as sent.
 */
public record Workspace(Integer id, String handle, String name, String htmlUrl,
                        org.buddy4j.core.generated.model.Workspace raw) {

  static Workspace of(org.buddy4j.core.generated.model.Workspace w) {
    return new Workspace(w.getId(), w.getDomain(), w.getName(), w.getHtmlUrl(), w);
  }
}
