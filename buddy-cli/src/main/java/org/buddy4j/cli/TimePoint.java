package org.buddy4j.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.insights.TimeWindow;
import picocli.CommandLine;

/**
 * A point in time as people write it for {@code --since} / {@code --until}: how long ago
 * ({@code 30d}, {@code 12h}, {@code 90m}, {@code 2w}, {@code 45s}) or a UTC date or time
 * ({@code 2026-03-02}, {@code 2026-03-02T10:00}, {@code 2026-03-02T10:00:00Z}, with an offset).
 */
record TimePoint(String text, Duration ago, Instant at) {
  private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(w|d|h|m|s)");
  static final String FORMS = "write how long ago (30d, 12h, 90m, 2w) or a UTC date or time (2026-03-02, 2026-03-02T10:00:00Z)";

  /** The instant it names, counted back from {@code now} when it is a duration. */
  Instant resolve(Instant now) {
    return at != null ? at : now.minus(ago);
  }

  @Override
  public String toString() {
    return text;
  }

  static TimePoint parse(String value) {
    String v = value.trim();
    Matcher m = AGO.matcher(v.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "w" -> Duration.ofDays(7 * n);
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      };
      return new TimePoint(v, d, null);
    }
    try {
      if (v.length() == 10) {
        return new TimePoint(v, null, LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return new TimePoint(v, null, OffsetDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant());
      }
      return new TimePoint(v, null, LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a time: " + FORMS);
    }
  }

  /**
   * The window from {@code since} (none: the epoch) to {@code until} (none: now); a usage error when
   * it is empty or reversed.
   */
  static TimeWindow window(TimePoint since, TimePoint until, Instant now) {
    Instant from = since == null ? Instant.EPOCH : since.resolve(now);
    Instant to = until == null ? now : until.resolve(now);
    if (!from.isBefore(to)) {
      throw new UsageException("--since " + (since == null ? "" : since.text() + " ") + "(" + from + ") must be before --until "
          + (until == null ? "now" : until.text()) + " (" + to + ")");
    }
    return new TimeWindow(from, to);
  }

  /** picocli's converter for {@code --since} and {@code --until}. */
  static final class Converter implements CommandLine.ITypeConverter<TimePoint> {
    @Override
    public TimePoint convert(String value) {
      return parse(value);
    }
  }
}
