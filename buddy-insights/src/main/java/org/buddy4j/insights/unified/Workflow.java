package org.buddy4j.insights.unified;

import java.util.List;
import org.buddy4j.core.generated.model.Pipeline;

/**
 * A workflow in the unified CI/CD model: a Buddy pipeline, read from
 * {@code GET /workspaces/{workspace}/projects/{project_name}/pipelines}. {@code trigger} is Buddy's
 * {@code on} (CLICK, EVENT, SCHEDULE); {@code lastStatus} its {@code last_execution_status};
 * {@code raw} is Buddy's object as sent.
 */
public record Workflow(String workspace, String repo, int id, String name, String trigger, List<String> refs,
                       String lastStatus, String lastRevision, String htmlUrl, Pipeline raw) {

  static Workflow of(String workspace, String repo, Pipeline p) {
    return new Workflow(workspace, repo, p.getId(), p.getName(), p.getOn(),
        p.getRefs() == null ? List.of() : List.copyOf(p.getRefs()), p.getLastExecutionStatus(),
        p.getLastExecutionRevision(), p.getHtmlUrl(), p);
  }
}
