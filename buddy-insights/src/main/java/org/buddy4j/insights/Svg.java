package org.buddy4j.insights;

import static org.buddy4j.insights.Format.num;
import static org.buddy4j.insights.Format.xml;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The SVG the report's charts are drawn with: the palette, the chart frame, grid lines, text and legends.
 * Inline only: no scripts, no external references, no {@code url(…)} fills.
 */
final class Svg {
  static final String PASSED = "#2da44e";
  static final String FAILED = "#cf222e";
  static final String CANCELLED = "#8c959f";
  static final String OTHER = "#d4a72c";
  static final String GRID = "#eaeef2";
  static final String AXIS = "#57606a";
  /** The width of the full-width charts. */
  static final int WIDTH = 1040;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Svg() {}

  static StringBuilder open(String cls, int h, String label) {
    return open(cls, WIDTH, h, label);
  }

  static StringBuilder open(String cls, int width, int h, String label) {
    return new StringBuilder(4096).append("<svg class=\"chart ").append(cls).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(h).append("\" width=\"").append(width).append("\" height=\"").append(h)
        .append("\" role=\"img\" aria-label=\"").append(xml(label)).append("\">");
  }

  static String empty(StringBuilder s, int h, String message) {
    return empty(s, WIDTH, h, message);
  }

  static String empty(StringBuilder s, int width, int h, String message) {
    return s.append(text(width / 2.0, h / 2.0, "middle", "empty", message)).append("</svg>").toString();
  }

  /**
   * Horizontal grid lines of a full-width chart from 0 to {@code yMax} every {@code step}, each labelled
   * at the left by {@code label}.
   */
  static void yGrid(StringBuilder s, double yMax, double step, int left, int right, int top, double plotH,
                    DoubleFunction<String> label) {
    for (double v = 0; v <= yMax * (1 + 1e-9); v += step) {
      double y = top + plotH - v / yMax * plotH;
      s.append(line(left, y, WIDTH - right, y, GRID, 1, null))
          .append(text(left - 8, y + 4, "end", "tick", label.apply(v)));
    }
  }

  static void legend(StringBuilder s, double x, double y, String[][] entries) {
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
}
