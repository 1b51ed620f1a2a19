package org.buddy4j.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.insights.unified.Job;

/**
 * Renders {@link Insights} (from Buddy's {@code GET …/pipelines/{pipeline_id}/executions}) as JSON for
 * dashboards and scripts. Durations are seconds (decimals for milliseconds); times are ISO-8601 UTC;
 * figures that cannot be computed are {@code null}.
 */
public final class InsightsJson {
  private InsightsJson() {}

  public static ObjectNode tree(Insights in) {
    ObjectNode root = BuddyJson.mapper().createObjectNode();
    root.put("scope", in.scope().label());
    root.putObject("window").put("from", in.window().from().toString()).put("to", in.window().to().toString());
    root.put("generatedAt", in.generatedAt().toString());
    root.set("outcomes", outcomes(in.outcomes()));
    if (in.failureRate() == null) {
      root.putNull("failureRate");
    } else {
      root.put("failureRate", in.failureRate());
    }
    root.set("duration", stats(in.duration()));
    root.set("deployTime", stats(in.deployTime()));
    root.set("queueTime", stats(in.queueTime()));
    seconds(root, "meanTimeToRecoverySeconds", in.meanTimeToRecovery());
    root.set("fourKeys", fourKeys(in.fourKeys()));
    ArrayNode recoveries = root.putArray("recoveries");
    for (Recovery r : in.recoveries()) {
      ObjectNode n = recoveries.addObject().put("pipeline", r.pipeline()).put("pipelineId", r.pipelineId())
          .put("failedRun", r.failedRun()).put("failedAt", r.failedAt().toString());
      if (r.recovered()) {
        n.put("recoveredRun", r.recoveredRun()).put("recoveredAt", r.recoveredAt().toString());
      } else {
        n.putNull("recoveredRun").putNull("recoveredAt");
      }
      seconds(n, "timeToRecoverSeconds", r.timeToRecover());
    }
    ObjectNode branches = root.putObject("perBranch");
    in.perBranch().forEach((k, v) -> branches.set(k, outcomes(v)));
    ArrayNode days = root.putArray("perDay");
    in.perDay().forEach(d -> days.addObject().put("day", d.day().toString()).setAll(outcomes(d.outcomes())));
    ArrayNode timeline = root.putArray("timeline");
    for (Job j : in.timeline()) {
      ObjectNode n = timeline.addObject();
      n.put("workspace", j.workspace()).put("project", j.repo()).put("pipelineId", j.workflowId())
          .put("pipeline", j.workflowName()).put("run", j.id()).put("status", j.status().name())
          .put("conclusion", j.conclusion() == null ? null : j.conclusion().name()).put("buddyStatus", j.buddyStatus())
          .put("branch", j.branch()).put("tag", j.tag()).put("pullRequest", j.pullRequest())
          .put("revision", j.revision()).put("triggeredBy", j.triggeredBy())
          .put("startedAt", j.startedAt() == null ? null : j.startedAt().toString())
          .put("finishedAt", j.finishedAt() == null ? null : j.finishedAt().toString());
      seconds(n, "durationSeconds", j.duration().orElse(null));
      seconds(n, "queueSeconds", j.queueTime().orElse(null));
    }
    return root;
  }

  public static String render(Insights in) {
    try {
      return BuddyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(in));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode fourKeys(FourKeys k) {
    ObjectNode n = BuddyJson.mapper().createObjectNode().put("deployments", k.deployments())
        .put("successfulDeployments", k.successfulDeployments());
    n.putObject("deploymentFrequency").put("perDay", k.deploymentsPerDay()).put("perWeek", k.deploymentsPerWeek());
    ObjectNode lead = n.putObject("leadTimeForChanges").put("samples", k.leadTimeSamples());
    seconds(lead, "medianSeconds", k.leadTimeForChanges());
    if (k.changeFailureRate() == null) {
      n.putNull("changeFailureRate");
    } else {
      n.put("changeFailureRate", k.changeFailureRate());
    }
    ObjectNode restore = n.putObject("timeToRestore").put("restored", k.restoredIncidents()).put("open", k.openIncidents());
    seconds(restore, "medianSeconds", k.timeToRestore());
    return n;
  }

  private static ObjectNode outcomes(Outcomes o) {
    return BuddyJson.mapper().createObjectNode().put("total", o.total()).put("queued", o.queued())
        .put("inProgress", o.inProgress()).put("passed", o.passed()).put("failed", o.failed())
        .put("cancelled", o.cancelled()).put("skipped", o.skipped());
  }

  private static ObjectNode stats(DurationStats s) {
    ObjectNode n = BuddyJson.mapper().createObjectNode().put("count", s.count());
    seconds(n, "meanSeconds", s.mean());
    seconds(n, "p90Seconds", s.p90());
    return n;
  }

  private static void seconds(ObjectNode n, String field, Duration d) {
    if (d == null) {
      n.putNull(field);
    } else {
      n.put(field, d.toMillis() / 1000.0);
    }
  }
}
