package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobStatus;

/** Formatting shared by the renderers: durations, times, percentages, a run's outcome and XML escaping. */
final class Format {
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Format() {}

  /** {@code 45s}, {@code 4m 05s}, {@code 2h 10m}, {@code 3d 4h}; {@code -} for null. */
  static String duration(Duration d) {
    if (d == null) {
      return "-";
    }
    long s = Math.round(d.toMillis() / 1000.0);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    if (s < 86400) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dd %dh", s / 86400, (s % 86400) / 3600);
  }

  /** {@code 30.0 %}; {@code -} for null. */
  static String percent(Double rate) {
    return rate == null ? "-" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  /** {@code 1.50 / day}. */
  static String perDay(double v) {
    return String.format(Locale.ROOT, "%.2f / day", v);
  }

  /** {@code 10.50 / week}. */
  static String perWeek(double v) {
    return String.format(Locale.ROOT, "%.2f / week", v);
  }

  static String time(Instant t) {
    return t == null ? "-" : MINUTE.format(t);
  }

  /**
   * A run's outcome as the reports write it (and style it: it is also a CSS class): {@code queued},
   * {@code in-progress}, else its conclusion in lower case ({@code passed}, {@code failed}, …) or {@code unknown}.
   */
  static String outcome(Job job) {
    if (job.status() == JobStatus.QUEUED) {
      return "queued";
    }
    if (job.status() == JobStatus.IN_PROGRESS) {
      return "in-progress";
    }
    return job.conclusion() == null ? "unknown" : job.conclusion().name().toLowerCase(Locale.ROOT);
  }

  /** A number for SVG attributes: at most two decimals, no exponent. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Seconds with millisecond precision, for data attributes and JSON. */
  static String seconds(Duration d) {
    return d == null ? "" : num(d.toMillis() / 1000.0);
  }

  /** Escapes text for XML/HTML content and attributes; drops characters XML cannot carry. */
  static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            if (c != 0xFFFE && c != 0xFFFF) {
              sb.append(c);
            }
          }
        }
      }
    }
    return sb.toString();
  }
}
