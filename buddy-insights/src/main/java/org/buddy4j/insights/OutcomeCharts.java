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

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's two outcome-count charts, drawn as bars stacked passed, failed, cancelled, other: the runs
 * started each day (vertical bars) and the runs per branch (horizontal bars, the 15 busiest). Every bar
 * and segment carries its counts in {@code data-*} attributes.
 */
final class OutcomeCharts {
  private static final String[] CLASSES = {"passed", "failed", "cancelled", "other"};
  private static final String[] FILLS = {PASSED, FAILED, CANCELLED, OTHER};

  private OutcomeCharts() {}

  /** Outcomes of the runs started each day. */
  static String daily(Insights in) {
    int h = 240;
    int left = 44;
    int right = 16;
    int top = 28;
    int bottom = 36;
    double plotW = WIDTH - left - right;
    double plotH = h - top - bottom;
    List<DayOutcomes> days = in.perDay();
    StringBuilder s = Svg.open("daily-chart", h, "Outcomes of the runs started each day");
    if (days.isEmpty()) {
      return Svg.empty(s, h, "No days in this window.");
    }
    int max = 1;
    for (DayOutcomes d : days) {
      max = Math.max(max, d.outcomes().total());
    }
    double step = Math.max(1, Svg.niceStep(max / 4.0));
    double yMax = Math.ceil(max / step) * step;
    Svg.yGrid(s, yMax, step, left, right, top, plotH, Format::num);
    double band = plotW / days.size();
    double barW = Math.min(band * 0.7, 56);
    int labelEvery = (int) Math.ceil(44 / band);
    for (int i = 0; i < days.size(); i++) {
      DayOutcomes d = days.get(i);
      Outcomes o = d.outcomes();
      int[] counts = counts(o);
      double x = left + i * band + (band - barW) / 2;
      s.append("<g class=\"day\" data-day=\"").append(d.day());
      data(s, o, counts).append("\"><title>").append(d.day()).append(": ").append(o.total()).append(" runs, ").append(o.passed())
          .append(" passed, ").append(o.failed()).append(" failed, ").append(o.cancelled()).append(" cancelled")
          .append(counts[3] > 0 ? ", " + counts[3] + " other" : "").append("</title>");
      double base = top + plotH;
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] > 0) {
          double hgt = counts[k] / yMax * plotH;
          segment(s, k, counts[k], x, base - hgt, barW, hgt);
          base -= hgt;
        }
      }
      if (o.total() > 0 && band >= 16) {
        s.append(text(x + barW / 2, base - 5, "middle", "bar-label", String.valueOf(o.total())));
      }
      s.append("</g>");
      if (i % labelEvery == 0) {
        s.append(text(left + i * band + band / 2, top + plotH + 18, "middle", "tick", Svg.DAY.format(d.day().atStartOfDay(ZoneOffset.UTC))));
      }
    }
    s.append(line(left, top + plotH, WIDTH - right, top + plotH, AXIS, 1, null));
    Svg.legend(s, WIDTH - right - 390, 14, new String[][] {{"passed", PASSED}, {"failed", FAILED}, {"cancelled", CANCELLED},
        {"other", OTHER}});
    return s.append("</svg>").toString();
  }

  /** Runs per branch by outcome, the 15 busiest branches. */
  static String branches(Insights in) {
    List<Map.Entry<String, Outcomes>> rows = new ArrayList<>(in.perBranch().entrySet());
    if (rows.size() > 15) {
      rows = rows.subList(0, 15);
    }
    int rowH = 28;
    int top = 8;
    int h = Math.max(70, top + rows.size() * rowH + 12);
    int labelW = 200;
    int right = 200;
    StringBuilder s = Svg.open("branch-chart", h, "Runs per branch by outcome");
    if (rows.isEmpty()) {
      return Svg.empty(s, h, "No runs in this window.");
    }
    int max = 1;
    for (var e : rows) {
      max = Math.max(max, e.getValue().total());
    }
    double plotW = WIDTH - labelW - right;
    for (int i = 0; i < rows.size(); i++) {
      String name = rows.get(i).getKey();
      Outcomes o = rows.get(i).getValue();
      int[] counts = counts(o);
      double y = top + i * rowH;
      s.append("<g class=\"branch\" data-branch=\"").append(xml(name));
      data(s, o, counts).append("\">")
          .append("<title>").append(xml(name)).append(": ").append(o.total()).append(" runs</title>")
          .append(text(labelW - 10, y + 18, "end", "row-label", name.length() > 28 ? name.substring(0, 27) + "…" : name));
      double x = labelW;
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] > 0) {
          double w = counts[k] / (double) max * plotW;
          segment(s, k, counts[k], x, y + 5, w, 18);
          x += w;
        }
      }
      Double rate = o.failureRate();
      s.append(text(x + 8, y + 18, "start", "row-value", o.total() + (o.total() == 1 ? " run" : " runs") + (rate == null ? ""
          : " · " + Format.percent(rate) + " failed"))).append("</g>");
    }
    return s.append("</svg>").toString();
  }

  /** Passed, failed, cancelled and other (queued, running, skipped …), in the order the bars stack them. */
  private static int[] counts(Outcomes o) {
    return new int[] {o.passed(), o.failed(), o.cancelled(), o.total() - o.passed() - o.failed() - o.cancelled()};
  }

  /** A bar's counts as {@code data-*} attributes, continuing its open tag. */
  private static StringBuilder data(StringBuilder s, Outcomes o, int[] counts) {
    return s.append("\" data-total=\"").append(o.total()).append("\" data-passed=\"").append(counts[0])
        .append("\" data-failed=\"").append(counts[1]).append("\" data-cancelled=\"").append(counts[2])
        .append("\" data-other=\"").append(counts[3]);
  }

  /** One outcome's segment of a bar ({@code part} indexes {@link #CLASSES}). */
  private static void segment(StringBuilder s, int part, int count, double x, double y, double w, double h) {
    s.append("<rect class=\"seg ").append(CLASSES[part]).append("\" data-count=\"").append(count).append("\" x=\"")
        .append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"")
        .append(num(h)).append("\" fill=\"").append(FILLS[part]).append("\"/>");
  }
}
