package org.buddy4j.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link EmulatorThroughput}'s external load driver: the {@code wrk} HTTP benchmark tool, run and read. */
final class Wrk {
  private Wrk() {}

  /** Whether {@code wrk} is on the PATH. */
  static boolean available() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /** {@code wrk} on {@code url} for {@code seconds} with {@code connections} (a POST of {@code body} if not null). */
  static EmulatorThroughput.Load load(String name, String url, String auth, String body, int connections, int seconds) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
        "-H", "Authorization: " + auth));
    Path script = null;
    if (body != null) {
      script = Files.createTempFile("emulator-post", ".lua");
      Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = '" + body + "'\n"
          + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
      cmd.addAll(List.of("-s", script.toString()));
    }
    cmd.add(url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    p.waitFor();
    if (script != null) {
      Files.deleteIfExists(script);
    }
    return parse(name, out);
  }

  /** Requests per second, p50, p99, requests and errors from {@code wrk --latency}'s report. */
  static EmulatorThroughput.Load parse(String name, String out) {
    double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
    long requests = (long) number(out, "([0-9]+) requests in");
    Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)").matcher(out);
    Matcher socket = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)").matcher(out);
    long errors = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new EmulatorThroughput.Load(name, rps, wrkMillis(out, "50%"), wrkMillis(out, "99%"), requests, errors, Double.NaN);
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected wrk output (no " + regex + "):\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double wrkMillis(String out, String percentile) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected wrk output (no " + percentile + "):\n" + out);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "s" -> v * 1000;
      default -> v;
    };
  }
}
