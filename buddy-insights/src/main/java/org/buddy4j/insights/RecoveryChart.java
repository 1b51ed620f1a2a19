package org.buddy4j.insights;

import static org.buddy4j.insights.Format.num;
import static org.buddy4j.insights.Format.xml;
import static org.buddy4j.insights.Svg.FAILED;
import static org.buddy4j.insights.Svg.PASSED;
import static org.buddy4j.insights.Svg.line;
import static org.buddy4j.insights.Svg.text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The report's recoveries chart: one bar a failure, as long as it took the same pipeline to pass again
 * (open and dashed while it has not), with the mean time to recovery as a reference line.
 */
final class RecoveryChart {
  private RecoveryChart() {}

  static String render(Insights in) {
    List<Recovery> rows = in.recoveries();
    int rowH = 30;
    int top = 12;
    int h = Math.max(90, top + rows.size() * rowH + 30);
    int labelW = 230;
    int right = 200;
    int width = 860;
    StringBuilder s = Svg.open("recovery-chart", width, h, "Time from each failure to the next passed run of the same pipeline");
    if (rows.isEmpty()) {
      return Svg.empty(s, width, h, "No failures in this window: nothing to recover from.");
    }
    long maxMs = 1;
    for (Recovery r : rows) {
      maxMs = Math.max(maxMs, span(r, in).toMillis());
    }
    double plotW = width - labelW - right;
    for (int i = 0; i < rows.size(); i++) {
      Recovery r = rows.get(i);
      double y = top + i * rowH;
      Duration d = span(r, in);
      double w = Math.max(3, d.toMillis() / (double) maxMs * plotW);
      String label = r.pipeline() + "  #" + r.failedRun() + (r.recovered() ? " → #" + r.recoveredRun() : " → …");
      s.append("<g class=\"incident\">")
          .append(text(labelW - 10, y + 19, "end", "row-label", label))
          .append("<rect class=\"recovery").append(r.recovered() ? "" : " open").append("\" x=\"").append(labelW)
          .append("\" y=\"").append(num(y + 6)).append("\" width=\"").append(num(w)).append("\" height=\"18\" rx=\"3\"")
          .append(r.recovered() ? " fill=\"" + PASSED + "\" fill-opacity=\"0.85\""
              : " fill=\"#ffebe9\" stroke=\"" + FAILED + "\" stroke-dasharray=\"4 3\"")
          .append(" data-pipeline-id=\"").append(r.pipelineId()).append("\" data-failed-run=\"").append(r.failedRun())
          .append("\" data-recovered-run=\"").append(r.recovered() ? String.valueOf(r.recoveredRun()) : "")
          .append("\" data-seconds=\"").append(r.recovered() ? Format.seconds(r.timeToRecover()) : "").append("\">")
          .append("<title>").append(xml(r.pipeline() + ": failed in #" + r.failedRun() + " at " + Format.time(r.failedAt())
              + " UTC, " + (r.recovered() ? "green again with #" + r.recoveredRun() + " after "
              + Format.duration(r.timeToRecover()) : "not recovered by the end of the window")))
          .append("</title></rect>")
          .append(text(labelW + w + 8, y + 19, "start", r.recovered() ? "row-value" : "row-value open",
              r.recovered() ? Format.duration(r.timeToRecover()) : "not recovered (" + Format.duration(d) + "+)"))
          .append("</g>");
    }
    if (in.meanTimeToRecovery() != null) {
      double x = labelW + in.meanTimeToRecovery().toMillis() / (double) maxMs * plotW;
      s.append("<g class=\"ref-line\" data-name=\"mttr\" data-seconds=\"").append(Format.seconds(in.meanTimeToRecovery()))
          .append("\">").append(line(x, top, x, top + rows.size() * rowH + 4, "#6e7781", 1, null).replace("/>",
              " stroke-dasharray=\"6 4\"/>"))
          .append(text(x, top + rows.size() * rowH + 18, "middle", "ref-label",
              "MTTR " + Format.duration(in.meanTimeToRecovery())))
          .append("</g>");
    }
    return s.append("</svg>").toString();
  }

  /** How long a failure took to recover, or has been open by the end of the window (or now, if sooner). */
  private static Duration span(Recovery r, Insights in) {
    if (r.recovered()) {
      return r.timeToRecover();
    }
    Instant end = in.window().to().isBefore(in.generatedAt()) ? in.window().to() : in.generatedAt();
    Duration d = Duration.between(r.failedAt(), end);
    return d.isNegative() ? Duration.ZERO : d;
  }
}
