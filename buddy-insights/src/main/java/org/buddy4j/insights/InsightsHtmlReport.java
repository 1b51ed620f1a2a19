package org.buddy4j.insights;

import static org.buddy4j.insights.Format.xml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.buddy4j.insights.unified.Job;

/**
 * Renders {@link Insights} (from Buddy's {@code GET …/pipelines/{pipeline_id}/executions}) as ONE
 * self-contained HTML file: inline CSS and inline SVG charts, no scripts, fonts, images or links to
 * anything outside the file, so it can be mailed, archived or opened offline. The markup is
 * well-formed XML (XHTML-compatible) so it can be checked with an XML parser.
 *
 * <p>Contents: headline figures (runs, failure rate, duration mean and p90, mean time to deploy,
 * queue time, MTTR), a duration-over-time chart with failed runs marked, outcomes per day, time to
 * recovery per incident with the MTTR, runs per branch, the timeline table and the definitions.
 */
public final class InsightsHtmlReport {
  private static final String CSS = String.join("",
      "*{box-sizing:border-box}",
      "body{margin:0;background:#f6f8fa;color:#1f2328;font:14px/1.45 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}",
      "main{max-width:1100px;margin:0 auto;padding:28px 24px 40px}",
      "h1{font-size:24px;margin:0 0 2px}h2{font-size:16px;margin:0 0 10px}",
      ".sub{color:#57606a;margin:0 0 18px}",
      ".cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px}",
      ".card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 14px}",
      ".card .l{font-size:11px;color:#57606a;text-transform:uppercase;letter-spacing:.05em}",
      ".card .v{font-size:26px;font-weight:600;margin-top:2px;white-space:nowrap}",
      ".card .n{font-size:12px;color:#57606a}",
      ".card.bad .v{color:#cf222e}.card.good .v{color:#1a7f37}",
      "section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 18px;margin-top:16px}",
      "section p.note{color:#57606a;font-size:12px;margin:6px 0 0}",
      "svg.chart{display:block;width:100%;height:auto}",
      "svg text{font-family:inherit;fill:#57606a}svg .tick{font-size:11px}",
      "svg .row-label,svg .row-value{font-size:12px;fill:#1f2328}svg .row-value.open{fill:#cf222e}",
      "svg .ref-label{font-size:11px;fill:#424a53}svg .bar-label{font-size:11px;fill:#1f2328}",
      "svg .legend-label{font-size:12px}svg .empty{font-size:14px}",
      ".mttr{display:flex;gap:18px;align-items:center}",
      ".mttr .big{min-width:170px;text-align:center}",
      ".mttr .big .v{font-size:38px;font-weight:700}.mttr .big .n{color:#57606a;font-size:12px}",
      ".mttr svg{flex:1}",
      "table{border-collapse:collapse;width:100%;font-size:13px}",
      "th{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;text-align:left;padding:6px 8px;border-bottom:2px solid #d0d7de}",
      "td{padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}",
      "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
      "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}",
      ".pill{display:inline-block;padding:1px 9px;border-radius:10px;color:#fff;font-size:12px;font-weight:600}",
      ".pill.passed{background:#2da44e}.pill.failed{background:#cf222e}.pill.cancelled{background:#8c959f}",
      ".pill.skipped,.pill.unknown{background:#afb8c1}.pill.queued,.pill.in-progress{background:#d4a72c}",
      "tr.failed td{background:#fff8f8}",
      "dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;font-size:12px;color:#424a53;margin:0}",
      "dt{font-weight:600}dd{margin:0}");

  private InsightsHtmlReport() {}

  /** The report as one HTML document. */
  public static String render(Insights in) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>").append(xml("Delivery insights · " + in.scope().label())).append("</title>")
        .append("<style>").append(CSS).append("</style></head><body><main>");
    h.append("<h1>Delivery insights · ").append(xml(in.scope().label())).append("</h1>")
        .append("<p class=\"sub\">").append(xml(Format.time(in.window().from()) + " – " + Format.time(in.window().to())
            + " UTC · " + in.outcomes().total() + " runs · generated " + Format.time(in.generatedAt()) + " UTC"))
        .append("</p>");
    cards(h, in);
    fourKeys(h, in.fourKeys());
    h.append("<section id=\"duration\"><h2>Run duration over time</h2>").append(DurationChart.render(in))
        .append("<p class=\"note\">Each dot is a finished run (start time → duration). Failed runs are red with a ")
        .append("marker down to the axis; hollow dots were cancelled. Dashed: mean, dotted: p90 of passed and failed runs.</p>")
        .append("</section>");
    h.append("<section id=\"daily\"><h2>Outcomes per day</h2>").append(OutcomeCharts.daily(in)).append("</section>");
    h.append("<section id=\"recovery\"><h2>Time to recovery</h2><div class=\"mttr\"><div class=\"big\">")
        .append("<div class=\"v\" data-kpi=\"mttr\" data-seconds=\"").append(Format.seconds(in.meanTimeToRecovery()))
        .append("\">").append(xml(Format.duration(in.meanTimeToRecovery()))).append("</div><div class=\"n\">")
        .append(xml(recoverySummary(in))).append("</div></div>").append(RecoveryChart.render(in))
        .append("</div></section>");
    h.append("<section id=\"branches\"><h2>Runs per branch</h2>").append(OutcomeCharts.branches(in)).append("</section>");
    timeline(h, in);
    definitions(h);
    return h.append("</main></body></html>\n").toString();
  }

  /** Writes {@link #render(Insights)} to {@code file} (UTF-8). */
  public static void write(Insights in, Path file) throws IOException {
    Files.writeString(file, render(in), StandardCharsets.UTF_8);
  }

  private static void cards(StringBuilder h, Insights in) {
    Outcomes o = in.outcomes();
    Double rate = in.failureRate();
    h.append("<div class=\"cards\">");
    card(h, "runs", "", "Runs", String.valueOf(o.total()), String.valueOf(o.total()),
        o.passed() + " passed · " + o.failed() + " failed · " + o.cancelled() + " cancelled");
    card(h, "failure-rate", rate == null ? "" : rate >= 0.25 ? "bad" : rate <= 0.1 ? "good" : "",
        "Failure rate", Format.percent(rate), rate == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", rate),
        o.failed() + " of " + (o.passed() + o.failed()) + " decided runs");
    card(h, "duration-mean", "", "Duration (mean)", Format.duration(in.duration().mean()),
        Format.seconds(in.duration().mean()), "p90 " + Format.duration(in.duration().p90()));
    card(h, "deploy-time", "", "Time to deploy", Format.duration(in.deployTime().mean()),
        Format.seconds(in.deployTime().mean()), "mean of " + in.deployTime().count() + " passed runs");
    card(h, "queue-time", "", "Queue time", Format.duration(in.queueTime().mean()),
        Format.seconds(in.queueTime().mean()), "mean · p90 " + Format.duration(in.queueTime().p90()));
    card(h, "mttr-card", "", "MTTR", Format.duration(in.meanTimeToRecovery()), Format.seconds(in.meanTimeToRecovery()),
        recoverySummary(in));
    h.append("</div>");
  }

  /** DORA's four keys beside today's figures (definitions in {@link FourKeys}). */
  private static void fourKeys(StringBuilder h, FourKeys k) {
    h.append("<section id=\"four-keys\"><h2>DORA four keys</h2><div class=\"cards\">");
    card(h, "deployment-frequency", "", "Deployment frequency", Format.perDay(k.deploymentsPerDay()),
        Format.num(k.deploymentsPerDay()), k.successfulDeployments() + " successful · " + Format.perWeek(k.deploymentsPerWeek()));
    card(h, "lead-time", "", "Lead time for changes", Format.duration(k.leadTimeForChanges()),
        Format.seconds(k.leadTimeForChanges()), "median commit → finish of " + k.leadTimeSamples() + " deployments");
    Double cfr = k.changeFailureRate();
    card(h, "change-failure-rate", "", "Change failure rate", Format.percent(cfr),
        cfr == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", cfr),
        (k.deployments() - k.successfulDeployments()) + " of " + k.deployments() + " deployments");
    card(h, "time-to-restore", "", "Time to restore", Format.duration(k.timeToRestore()), Format.seconds(k.timeToRestore()),
        "median of " + k.restoredIncidents() + " restored" + (k.openIncidents() > 0 ? " · " + k.openIncidents() + " open" : ""));
    h.append("</div><p class=\"note\">As Google's Four Keys defines them; a deployment is a run that passed or ")
        .append("failed. Lead time runs from the revision's commit date to the run's finish; time to restore from a ")
        .append("failed deployment to the next successful one of the same pipeline and branch.</p></section>");
  }

  private static void card(StringBuilder h, String kpi, String mood, String label, String value, String data, String note) {
    h.append("<div class=\"card ").append(mood).append("\" data-kpi=\"").append(kpi).append("\" data-value=\"")
        .append(xml(data)).append("\"><div class=\"l\">").append(xml(label)).append("</div><div class=\"v\">")
        .append(xml(value)).append("</div><div class=\"n\">").append(xml(note)).append("</div></div>");
  }

  private static String recoverySummary(Insights in) {
    long recovered = in.recoveries().stream().filter(Recovery::recovered).count();
    long open = in.recoveries().size() - recovered;
    return recovered + " recovered" + (open > 0 ? " · " + open + " still failing" : "");
  }

  private static void timeline(StringBuilder h, Insights in) {
    h.append("<section id=\"timeline\"><h2>Timeline</h2><table class=\"timeline\"><thead><tr>")
        .append("<th>Started (UTC)</th><th>Pipeline</th><th>Run</th><th>Ref</th><th>Revision</th><th>Outcome</th>")
        .append("<th>Duration</th><th>Queue</th><th>Triggered by</th><th>Comment</th></tr></thead><tbody>");
    for (Job j : in.timeline()) {
      String outcome = Format.outcome(j);
      h.append("<tr class=\"run ").append(outcome).append("\" data-run=\"").append(xml(j.key())).append("\">")
          .append("<td>").append(xml(Format.time(j.startedAt()))).append("</td>")
          .append("<td>").append(xml(j.workflowName())).append("</td>")
          .append("<td class=\"num\">#").append(j.id()).append("</td>")
          .append("<td>").append(xml(j.ref())).append("</td>")
          .append("<td><code title=\"").append(xml(j.revision())).append("\">").append(xml(j.shortRevision())).append("</code></td>")
          .append("<td><span class=\"pill ").append(outcome).append("\">").append(outcome).append("</span></td>")
          .append("<td class=\"num\">").append(xml(Format.duration(j.duration().orElse(null)))).append("</td>")
          .append("<td class=\"num\">").append(xml(Format.duration(j.queueTime().orElse(null)))).append("</td>")
          .append("<td>").append(xml(j.triggeredBy() == null ? "-" : j.triggeredBy())).append("</td>")
          .append("<td>").append(xml(j.comment() == null ? "" : j.comment())).append("</td></tr>");
    }
    if (in.timeline().isEmpty()) {
      h.append("<tr><td colspan=\"10\">No runs started in this window.</td></tr>");
    }
    h.append("</tbody></table></section>");
  }

  private static void definitions(StringBuilder h) {
    h.append("<section id=\"definitions\"><h2>How these are measured</h2><dl>")
        .append("<dt>Failure rate</dt><dd>failed ÷ (passed + failed); cancelled and skipped runs are left out.</dd>")
        .append("<dt>Duration</dt><dd>finish − start of passed and failed runs; p90 is the nearest-rank 90th percentile.</dd>")
        .append("<dt>Time to deploy</dt><dd>mean duration of passed runs.</dd>")
        .append("<dt>Queue time</dt><dd>from the run's start to its first action's start (Buddy sends no enqueue time).</dd>")
        .append("<dt>MTTR</dt><dd>per pipeline: from the finish of the first failed run after a pass to the finish of ")
        .append("the next passed run; mean over recovered incidents.</dd>")
        .append("</dl></section>");
  }
}
