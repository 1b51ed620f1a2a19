package org.buddy4j.insights;

import static org.buddy4j.insights.Format.num;
import static org.buddy4j.insights.Format.xml;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobConclusion;
import org.buddy4j.insights.unified.JobStatus;

/**
 * The report's charts as inline SVG (no scripts, no external references, no {@code url(…)} fills).
 * Every mark carries its data in {@code data-*} attributes and a {@code <title>} tooltip.
 */
final class InsightsCharts {
  static final String PASSED = "#2da44e";
  static final String FAILED = "#cf222e";
  static final String CANCELLED = "#8c959f";
  static final String OTHER = "#d4a72c";
  private static final String GRID = "#eaeef2";
  private static final String AXIS = "#57606a";
  private static final int WIDTH = 1040;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private InsightsCharts() {}

  static String color(Job job) {
    if (job.status() != JobStatus.COMPLETED) {
      return OTHER;
    }
    if (job.conclusion() == JobConclusion.PASSED) {
      return PASSED;
    }
    if (job.conclusion() == JobConclusion.FAILED) {
      return FAILED;
    }
    return CANCELLED;
  }

  static String outcome(Job job) {
    if (job.status() == JobStatus.QUEUED) {
      return "queued";
    }
    if (job.status() == JobStatus.IN_PROGRESS) {
      return "in-progress";
    }
    return job.conclusion() == null ? "unknown" : job.conclusion().name().toLowerCase(Locale.ROOT);
  }

  // ── duration over time ──

  static String durationChart(Insights in) {
    int h = 300;
    int left = 64;
    int right = 24;
    int top = 28;
    int bottom = 40;
    double plotW = WIDTH - left - right;
    double plotH = h - top - bottom;
    List<Job> points = new ArrayList<>();
    long maxMillis = 0;
    for (Job j : in.timeline()) {
      if (j.duration().isPresent()) {
        points.add(j);
        maxMillis = Math.max(maxMillis, j.duration().get().toMillis());
      }
    }
    StringBuilder s = svgOpen("duration-chart", h, "Run duration over time; failed runs marked in red");
    if (points.isEmpty()) {
      return empty(s, h, "No finished runs in this window.");
    }
    Unit unit = Unit.of(maxMillis);
    double maxValue = unit.value(Duration.ofMillis(maxMillis));
    double step = niceStep(maxValue / 4);
    double yTop = Math.max(step, Math.ceil(maxValue / step) * step);
    final double yMax = maxValue > yTop * 0.97 ? yTop + step / 2 : yTop; // room above the highest dot
    for (double v = 0; v <= yMax * (1 + 1e-9); v += step) {
      double y = top + plotH - v / yMax * plotH;
      s.append(line(left, y, WIDTH - right, y, GRID, 1, null))
          .append(text(left - 8, y + 4, "end", "tick", num(Math.round(v * 100) / 100.0) + " " + unit.label));
    }
    timeAxis(s, in.window(), left, plotW, top + plotH);
    double x0 = left;
    long fromMs = in.window().from().toEpochMilli();
    double spanMs = in.window().length().toMillis();
    java.util.function.Function<Job, double[]> xy = j -> new double[] {
        x0 + (j.startedAt().toEpochMilli() - fromMs) / spanMs * plotW,
        top + plotH - unit.value(j.duration().get()) / yMax * plotH};
    // a faint line through the runs, so a trend is visible (one pipeline only: lines of several cross)
    Map<Integer, StringBuilder> lines = new LinkedHashMap<>();
    boolean onePipeline = points.stream().map(j -> j.workspace() + "/" + j.repo() + "/" + j.workflowId()).distinct().count() == 1;
    for (Job j : onePipeline ? points : List.<Job>of()) {
      double[] p = xy.apply(j);
      lines.computeIfAbsent(j.workflowId(), k -> new StringBuilder()).append(num(p[0])).append(',').append(num(p[1])).append(' ');
    }
    lines.forEach((id, pts) -> s.append("<polyline class=\"trend\" data-pipeline=\"").append(id)
        .append("\" points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"#afb8c1\" stroke-width=\"1.5\"/>"));
    // mean and p90 of the passed and failed runs
    refLine(s, in.duration().mean(), "mean", unit, yMax, left, plotH, top, right, "6 4");
    refLine(s, in.duration().p90(), "p90", unit, yMax, left, plotH, top, right, "2 3");
    for (Job j : points) {
      double[] p = xy.apply(j);
      boolean failed = j.conclusion() == JobConclusion.FAILED;
      if (failed) {
        s.append(line(p[0], p[1], p[0], top + plotH, FAILED, 1, "fail-mark"));
      }
      s.append("<circle class=\"point ").append(outcome(j)).append("\" cx=\"").append(num(p[0])).append("\" cy=\"")
          .append(num(p[1])).append("\" r=\"").append(failed ? 6 : 5).append("\" fill=\"")
          .append(j.conclusion() == JobConclusion.CANCELLED ? "#ffffff" : color(j)).append("\" stroke=\"")
          .append(failed ? "#ffffff" : color(j)).append("\" stroke-width=\"").append(failed ? 2 : 1.5)
          .append("\" data-run=\"").append(xml(j.key())).append("\" data-outcome=\"").append(outcome(j))
          .append("\" data-start=\"").append(j.startedAt()).append("\" data-duration-seconds=\"")
          .append(Format.seconds(j.duration().get())).append("\"><title>").append(xml(j.workflowName() + " #" + j.id()
              + " · " + outcome(j) + " · " + Format.duration(j.duration().get()) + " · " + j.ref() + " @ "
              + j.shortRevision() + " · " + Format.time(j.startedAt()) + " UTC"))
          .append("</title></circle>");
    }
    legend(s, WIDTH - right - 300, 14, new String[][] {{"passed", PASSED}, {"failed", FAILED}, {"cancelled", CANCELLED}});
    return s.append("</svg>").toString();
  }

  private static void refLine(StringBuilder s, Duration d, String name, Unit unit, double yMax, int left,
                              double plotH, int top, int right, String dash) {
    if (d == null) {
      return;
    }
    double y = top + plotH - unit.value(d) / yMax * plotH;
    s.append("<g class=\"ref-line\" data-name=\"").append(name).append("\" data-seconds=\"").append(Format.seconds(d))
        .append("\"><line x1=\"").append(left).append("\" y1=\"").append(num(y)).append("\" x2=\"")
        .append(WIDTH - right).append("\" y2=\"").append(num(y)).append("\" stroke=\"#6e7781\" stroke-dasharray=\"")
        .append(dash).append("\"/>")
        .append(text(WIDTH - right - 4, y - 4, "end", "ref-label", name + " " + Format.duration(d)))
        .append("</g>");
  }

  private static void timeAxis(StringBuilder s, TimeWindow w, int left, double plotW, double y) {
    long span = w.length().toMillis();
    long[] steps = {3_600_000L, 3 * 3_600_000L, 6 * 3_600_000L, 12 * 3_600_000L, 86_400_000L, 2 * 86_400_000L,
        7 * 86_400_000L, 14 * 86_400_000L, 30 * 86_400_000L, 91 * 86_400_000L};
    long step = steps[steps.length - 1];
    for (long candidate : steps) {
      if (span / candidate <= 10) {
        step = candidate;
        break;
      }
    }
    long align = Math.min(step, 86_400_000L); // hours and days line up with UTC midnight
    long firstMs = Math.floorDiv(w.from().toEpochMilli() + align - 1, align) * align;
    s.append(line(left, y, left + plotW, y, AXIS, 1, null));
    DateTimeFormatter f = step >= 86_400_000L ? DAY : HOUR;
    for (long t = firstMs; t < w.to().toEpochMilli(); t += step) {
      double x = left + (t - w.from().toEpochMilli()) / (double) span * plotW;
      s.append(line(x, y, x, y + 5, AXIS, 1, null))
          .append(text(x, y + 18, "middle", "tick", f.format(Instant.ofEpochMilli(t))));
    }
  }

  // ── outcomes per day ──

  static String dailyChart(Insights in) {
    int h = 240;
    int left = 44;
    int right = 16;
    int top = 28;
    int bottom = 36;
    double plotW = WIDTH - left - right;
    double plotH = h - top - bottom;
    List<DayOutcomes> days = in.perDay();
    StringBuilder s = svgOpen("daily-chart", h, "Outcomes of the runs started each day");
    if (days.isEmpty()) {
      return empty(s, h, "No days in this window.");
    }
    int max = 1;
    for (DayOutcomes d : days) {
      max = Math.max(max, d.outcomes().total());
    }
    double step = Math.max(1, niceStep(max / 4.0));
    double yMax = Math.ceil(max / step) * step;
    for (double v = 0; v <= yMax * (1 + 1e-9); v += step) {
      double y = top + plotH - v / yMax * plotH;
      s.append(line(left, y, WIDTH - right, y, GRID, 1, null))
          .append(text(left - 8, y + 4, "end", "tick", num(v)));
    }
    double band = plotW / days.size();
    double barW = Math.min(band * 0.7, 56);
    int labelEvery = (int) Math.ceil(44 / band);
    for (int i = 0; i < days.size(); i++) {
      DayOutcomes d = days.get(i);
      Outcomes o = d.outcomes();
      int other = o.total() - o.passed() - o.failed() - o.cancelled();
      double x = left + i * band + (band - barW) / 2;
      s.append("<g class=\"day\" data-day=\"").append(d.day()).append("\" data-total=\"").append(o.total())
          .append("\" data-passed=\"").append(o.passed()).append("\" data-failed=\"").append(o.failed())
          .append("\" data-cancelled=\"").append(o.cancelled()).append("\" data-other=\"").append(other)
          .append("\"><title>").append(d.day()).append(": ").append(o.total()).append(" runs, ").append(o.passed())
          .append(" passed, ").append(o.failed()).append(" failed, ").append(o.cancelled()).append(" cancelled")
          .append(other > 0 ? ", " + other + " other" : "").append("</title>");
      double base = top + plotH;
      base = segment(s, "passed", PASSED, o.passed(), x, base, barW, plotH, yMax);
      base = segment(s, "failed", FAILED, o.failed(), x, base, barW, plotH, yMax);
      base = segment(s, "cancelled", CANCELLED, o.cancelled(), x, base, barW, plotH, yMax);
      base = segment(s, "other", OTHER, other, x, base, barW, plotH, yMax);
      if (o.total() > 0 && band >= 16) {
        s.append(text(x + barW / 2, base - 5, "middle", "bar-label", String.valueOf(o.total())));
      }
      s.append("</g>");
      if (i % labelEvery == 0) {
        s.append(text(left + i * band + band / 2, top + plotH + 18, "middle", "tick", DAY.format(d.day().atStartOfDay(ZoneOffset.UTC))));
      }
    }
    s.append(line(left, top + plotH, WIDTH - right, top + plotH, AXIS, 1, null));
    legend(s, WIDTH - right - 390, 14, new String[][] {{"passed", PASSED}, {"failed", FAILED}, {"cancelled", CANCELLED},
        {"other", OTHER}});
    return s.append("</svg>").toString();
  }

  private static double segment(StringBuilder s, String cls, String fill, int count, double x, double base,
                                double barW, double plotH, double yMax) {
    if (count <= 0) {
      return base;
    }
    double hgt = count / yMax * plotH;
    s.append("<rect class=\"seg ").append(cls).append("\" data-count=\"").append(count).append("\" x=\"").append(num(x))
        .append("\" y=\"").append(num(base - hgt)).append("\" width=\"").append(num(barW)).append("\" height=\"")
        .append(num(hgt)).append("\" fill=\"").append(fill).append("\"/>");
    return base - hgt;
  }

  // ── recoveries ──

  static String recoveryChart(Insights in) {
    List<Recovery> rows = in.recoveries();
    int rowH = 30;
    int top = 12;
    int h = Math.max(90, top + rows.size() * rowH + 30);
    int labelW = 230;
    int right = 200;
    int width = 860;
    StringBuilder s = svgOpen("recovery-chart", width, h, "Time from each failure to the next passed run of the same pipeline");
    if (rows.isEmpty()) {
      return empty(s, width, h, "No failures in this window: nothing to recover from.");
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

  private static Duration span(Recovery r, Insights in) {
    if (r.recovered()) {
      return r.timeToRecover();
    }
    Instant end = in.window().to().isBefore(in.generatedAt()) ? in.window().to() : in.generatedAt();
    Duration d = Duration.between(r.failedAt(), end);
    return d.isNegative() ? Duration.ZERO : d;
  }

  // ── per branch ──

  static String branchChart(Insights in) {
    List<Map.Entry<String, Outcomes>> rows = new ArrayList<>(in.perBranch().entrySet());
    if (rows.size() > 15) {
      rows = rows.subList(0, 15);
    }
    int rowH = 28;
    int top = 8;
    int h = Math.max(70, top + rows.size() * rowH + 12);
    int labelW = 200;
    int right = 200;
    StringBuilder s = svgOpen("branch-chart", h, "Runs per branch by outcome");
    if (rows.isEmpty()) {
      return empty(s, h, "No runs in this window.");
    }
    int max = 1;
    for (var e : rows) {
      max = Math.max(max, e.getValue().total());
    }
    double plotW = WIDTH - labelW - right;
    for (int i = 0; i < rows.size(); i++) {
      String name = rows.get(i).getKey();
      Outcomes o = rows.get(i).getValue();
      int other = o.total() - o.passed() - o.failed() - o.cancelled();
      double y = top + i * rowH;
      s.append("<g class=\"branch\" data-branch=\"").append(xml(name)).append("\" data-total=\"").append(o.total())
          .append("\" data-passed=\"").append(o.passed()).append("\" data-failed=\"").append(o.failed())
          .append("\" data-cancelled=\"").append(o.cancelled()).append("\" data-other=\"").append(other).append("\">")
          .append("<title>").append(xml(name)).append(": ").append(o.total()).append(" runs</title>")
          .append(text(labelW - 10, y + 18, "end", "row-label", name.length() > 28 ? name.substring(0, 27) + "…" : name));
      double x = labelW;
      int[] counts = {o.passed(), o.failed(), o.cancelled(), other};
      String[] fills = {PASSED, FAILED, CANCELLED, OTHER};
      String[] classes = {"passed", "failed", "cancelled", "other"};
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] > 0) {
          double w = counts[k] / (double) max * plotW;
          s.append("<rect class=\"seg ").append(classes[k]).append("\" data-count=\"").append(counts[k]).append("\" x=\"")
              .append(num(x)).append("\" y=\"").append(num(y + 5)).append("\" width=\"").append(num(w))
              .append("\" height=\"18\" fill=\"").append(fills[k]).append("\"/>");
          x += w;
        }
      }
      Double rate = o.failureRate();
      s.append(text(x + 8, y + 18, "start", "row-value", o.total() + (o.total() == 1 ? " run" : " runs") + (rate == null ? ""
          : " · " + Format.percent(rate) + " failed"))).append("</g>");
    }
    return s.append("</svg>").toString();
  }

  // ── helpers ──

  private static StringBuilder svgOpen(String cls, int h, String label) {
    return svgOpen(cls, WIDTH, h, label);
  }

  private static StringBuilder svgOpen(String cls, int width, int h, String label) {
    return new StringBuilder(4096).append("<svg class=\"chart ").append(cls).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(h).append("\" width=\"").append(width).append("\" height=\"").append(h)
        .append("\" role=\"img\" aria-label=\"").append(xml(label)).append("\">");
  }

  private static String empty(StringBuilder s, int h, String message) {
    return empty(s, WIDTH, h, message);
  }

  private static String empty(StringBuilder s, int width, int h, String message) {
    return s.append(text(width / 2.0, h / 2.0, "middle", "empty", message)).append("</svg>").toString();
  }

  private static void legend(StringBuilder s, double x, double y, String[][] entries) {
    s.append("<g class=\"legend\">");
    for (String[] e : entries) {
      s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 9)).append("\" width=\"10\" height=\"10\" rx=\"2\" fill=\"")
          .append(e[1]).append("\"/>").append(text(x + 15, y, "start", "legend-label", e[0]));
      x += 30 + e[0].length() * 7.5;
    }
    s.append("</g>");
  }

  static String line(double x1, double y1, double x2, double y2, String stroke, double width, String cls) {
    return "<line" + (cls == null ? "" : " class=\"" + cls + "\"") + " x1=\"" + num(x1) + "\" y1=\"" + num(y1)
        + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"/>";
  }

  static String text(double x, double y, String anchor, String cls, String content) {
    return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">"
        + xml(content) + "</text>";
  }

  /** 1, 2 or 5 × a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * pow >= raw) {
        return m * pow;
      }
    }
    return 10 * pow;
  }

  /** The unit of a duration axis: seconds, minutes or hours, by the largest value. */
  private enum Unit {
    SECONDS("s", 1000), MINUTES("min", 60_000), HOURS("h", 3_600_000);

    final String label;
    final double millis;

    Unit(String label, double millis) {
      this.label = label;
      this.millis = millis;
    }

    static Unit of(long maxMillis) {
      return maxMillis < 120_000 ? SECONDS : maxMillis < 2 * 3_600_000 ? MINUTES : HOURS;
    }

    double value(Duration d) {
      return d.toMillis() / millis;
    }
  }
}
