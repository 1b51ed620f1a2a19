package org.buddy4j.insights;

import java.util.Locale;
import java.util.Map;
import org.buddy4j.insights.unified.Job;

/**
 * Renders {@link Insights} (from Buddy's {@code GET …/pipelines/{pipeline_id}/executions}) as plain
 * text for a terminal: the figures with the counts behind them, per-branch counts, incidents and the
 * timeline.
 */
public final class InsightsText {
  private InsightsText() {}

  public static String render(Insights in) {
    StringBuilder t = new StringBuilder();
    Outcomes o = in.outcomes();
    t.append("Delivery insights for ").append(in.scope().label()).append('\n')
        .append("Window       ").append(Format.time(in.window().from())).append(" – ").append(Format.time(in.window().to()))
        .append(" UTC\n")
        .append("Runs         ").append(o.total()).append(": ").append(o.passed()).append(" passed, ").append(o.failed())
        .append(" failed, ").append(o.cancelled()).append(" cancelled, ").append(o.skipped()).append(" skipped, ")
        .append(o.inProgress()).append(" in progress, ").append(o.queued()).append(" queued\n")
        .append("Failure rate ").append(Format.percent(in.failureRate())).append(" (").append(o.failed()).append(" of ")
        .append(o.passed() + o.failed()).append(" passed or failed)\n")
        .append("Duration     mean ").append(Format.duration(in.duration().mean())).append(", p90 ")
        .append(Format.duration(in.duration().p90())).append(" (").append(in.duration().count()).append(" runs)\n")
        .append("Deploy time  mean ").append(Format.duration(in.deployTime().mean())).append(" (")
        .append(in.deployTime().count()).append(" passed runs)\n")
        .append("Queue time   mean ").append(Format.duration(in.queueTime().mean())).append(", p90 ")
        .append(Format.duration(in.queueTime().p90())).append(" (").append(in.queueTime().count()).append(" runs)\n")
        .append("MTTR         ").append(Format.duration(in.meanTimeToRecovery())).append(" (")
        .append(in.recoveries().stream().filter(Recovery::recovered).count()).append(" recovered, ")
        .append(in.recoveries().stream().filter(r -> !r.recovered()).count()).append(" still failing)\n");
    FourKeys k = in.fourKeys();
    t.append("\nDORA four keys (a deployment is a run that passed or failed)\n")
        .append("  Deployment frequency   ").append(Format.perDay(k.deploymentsPerDay())).append(", ")
        .append(Format.perWeek(k.deploymentsPerWeek())).append(" (").append(k.successfulDeployments())
        .append(" successful)\n")
        .append("  Lead time for changes  median ").append(Format.duration(k.leadTimeForChanges()))
        .append(" (commit → finish, ").append(k.leadTimeSamples()).append(" deployments)\n")
        .append("  Change failure rate    ").append(Format.percent(k.changeFailureRate())).append(" (")
        .append(k.deployments() - k.successfulDeployments()).append(" of ").append(k.deployments())
        .append(" deployments)\n")
        .append("  Time to restore        median ").append(Format.duration(k.timeToRestore())).append(" (")
        .append(k.restoredIncidents()).append(" restored, ").append(k.openIncidents()).append(" open)\n");
    if (!in.perBranch().isEmpty()) {
      t.append("\nPer branch\n");
      for (Map.Entry<String, Outcomes> e : in.perBranch().entrySet()) {
        Outcomes b = e.getValue();
        t.append(String.format(Locale.ROOT, "  %-24s %3d runs  %3d passed  %3d failed  %3d cancelled%n", e.getKey(),
            b.total(), b.passed(), b.failed(), b.cancelled()));
      }
    }
    if (!in.recoveries().isEmpty()) {
      t.append("\nIncidents\n");
      for (Recovery r : in.recoveries()) {
        t.append("  ").append(r.pipeline()).append(" #").append(r.failedRun()).append(" failed ")
            .append(Format.time(r.failedAt())).append(r.recovered() ? ", recovered by #" + r.recoveredRun() + " after "
                + Format.duration(r.timeToRecover()) : ", not recovered").append('\n');
      }
    }
    t.append("\nTimeline (UTC)\n");
    for (Job j : in.timeline()) {
      t.append(String.format(Locale.ROOT, "  %s  %-16s #%-5d %-18s %-7s %-11s %9s  %s%n", Format.time(j.startedAt()),
          clip(j.workflowName(), 16), j.id(), clip(j.ref(), 18), j.shortRevision(), Format.outcome(j),
          Format.duration(j.duration().orElse(null)), j.triggeredBy() == null ? "-" : j.triggeredBy()));
    }
    return t.toString();
  }

  private static String clip(String s, int n) {
    return s == null ? "-" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
