package org.buddy4j.insights;

import static org.buddy4j.insights.Format.num;
import static org.buddy4j.insights.Format.xml;
import static org.buddy4j.insights.Svg.AXIS;
import static org.buddy4j.insights.Svg.CANCELLED;
import static org.buddy4j.insights.Svg.FAILED;
import static org.buddy4j.insights.Svg.OTHER;
import static org.buddy4j.insights.Svg.PASSED;
import static org.buddy4j.insights.Svg.WIDTH;
import static org.buddy4j.insights.Svg.line;
import static org.buddy4j.insights.Svg.text;

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
 * The report's run-duration-over-time chart: one dot a finished run on a time axis, failed runs marked
 * in red, the mean and p90 as reference lines, and a trend line when the report covers one pipeline.
 * Every dot carries its run in {@code data-*} attributes and a {@code <title>} tooltip.
 */
final class DurationChart {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DurationChart() {}

  static String render(Insights in) {
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
    StringBuilder s = Svg.open("duration-chart", h, "Run duration over time; failed runs marked in red");
    if (points.isEmpty()) {
      return Svg.empty(s, h, "No finished runs in this window.");
    }
    Unit unit = Unit.of(maxMillis);
    double maxValue = unit.value(Duration.ofMillis(maxMillis));
    double step = Svg.niceStep(maxValue / 4);
    double yTop = Math.max(step, Math.ceil(maxValue / step) * step);
    final double yMax = maxValue > yTop * 0.97 ? yTop + step / 2 : yTop; // room above the highest dot
    Svg.yGrid(s, yMax, step, left, right, top, plotH, v -> num(Math.round(v * 100) / 100.0) + " " + unit.label);
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
      String outcome = Format.outcome(j);
      s.append("<circle class=\"point ").append(outcome).append("\" cx=\"").append(num(p[0])).append("\" cy=\"")
          .append(num(p[1])).append("\" r=\"").append(failed ? 6 : 5).append("\" fill=\"")
          .append(j.conclusion() == JobConclusion.CANCELLED ? "#ffffff" : color(j)).append("\" stroke=\"")
          .append(failed ? "#ffffff" : color(j)).append("\" stroke-width=\"").append(failed ? 2 : 1.5)
          .append("\" data-run=\"").append(xml(j.key())).append("\" data-outcome=\"").append(outcome)
          .append("\" data-start=\"").append(j.startedAt()).append("\" data-duration-seconds=\"")
          .append(Format.seconds(j.duration().get())).append("\"><title>").append(xml(j.workflowName() + " #" + j.id()
              + " · " + outcome + " · " + Format.duration(j.duration().get()) + " · " + j.ref() + " @ "
              + j.shortRevision() + " · " + Format.time(j.startedAt()) + " UTC"))
          .append("</title></circle>");
    }
    Svg.legend(s, WIDTH - right - 300, 14, new String[][] {{"passed", PASSED}, {"failed", FAILED}, {"cancelled", CANCELLED}});
    return s.append("</svg>").toString();
  }

  private static String color(Job job) {
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
    DateTimeFormatter f = step >= 86_400_000L ? Svg.DAY : HOUR;
    for (long t = firstMs; t < w.to().toEpochMilli(); t += step) {
      double x = left + (t - w.from().toEpochMilli()) / (double) span * plotW;
      s.append(line(x, y, x, y + 5, AXIS, 1, null))
          .append(text(x, y + 18, "middle", "tick", f.format(Instant.ofEpochMilli(t))));
    }
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
