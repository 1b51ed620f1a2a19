package org.buddy4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * The one performance report (issue #16): runs every measured figure with its baseline in the same run
 * and writes a table, each figure beside its baseline, their ratio and the goal, to
 * {@code buddy-bench/target/perf-report.md} (and stdout). The figures come from the measured runs of
 * this module: {@link CliStartup} (against {@code curl}), {@link EmulatorThroughput} (against bare
 * Vert.x), {@link PacedBatch} (against the allowed rate), {@link CpuTimeCheck}'s interleaved decode
 * (against the fastest other binder) and {@link MapperColdStart}. A report, not a test: nothing here
 * fails on a figure; the load average is written beside each section.
 *
 * <pre>buddy-bench/perf-report [key=value…]   (builds what it needs, then runs this class)</pre>
 *
 * Keys (defaults in brackets): {@code sections} [cli,emulator,runner,decode], {@code dist}
 * [buddy-cli/target/buddy-0.1.0-SNAPSHOT], {@code cliRounds} [5], {@code connections} [64],
 * {@code seconds} [10] and {@code warmup} [20] per emulator contender, {@code driver} [wrk if found, else
 * java], {@code windows} [1,5,60], {@code rate} [100], {@code runs} [6000], {@code minWindows} [3],
 * {@code concurrency} [500], {@code mode} [no-wait,wait], {@code decodeRounds} [12], {@code coldRounds} [7],
 * {@code out} [buddy-bench/target/perf-report.md].
 */
public final class PerfReport {
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("sections", "cli,emulator,runner,decode"), Map.entry("dist", "buddy-cli/target/buddy-0.1.0-SNAPSHOT"),
      Map.entry("cliRounds", "5"), Map.entry("connections", "64"), Map.entry("seconds", "10"),
      Map.entry("warmup", "20"), Map.entry("driver", ""), Map.entry("windows", "1,5,60"), Map.entry("rate", "100"),
      Map.entry("runs", "6000"), Map.entry("minWindows", "3"), Map.entry("concurrency", "500"),
      Map.entry("mode", "no-wait,wait"), Map.entry("decodeRounds", "12"), Map.entry("coldRounds", "7"),
      Map.entry("out", "buddy-bench/target/perf-report.md"));

  /** One line of the table. {@code met} is null when the figure has no goal or was not measured. */
  record Row(String figure, String measured, String baseline, String ratio, String goal, Boolean met) {
    static Row notMeasured(String figure, String goal, String why) {
      return new Row(figure, "not measured: " + why, "—", "—", goal, null);
    }

    String render() {
      return "| " + figure + " | " + measured + " | " + baseline + " | " + ratio + " | " + goal + " | "
          + (met == null ? "—" : met ? "**met**" : "not met") + " |";
    }
  }

  private PerfReport() {}

  public static void main(String[] args) throws Exception {
    Path out = write(settings(args));
    System.out.println("written to " + out);
    System.exit(0); // Vert.x and the JDK client leave non-daemon threads behind
  }

  static Map<String, String> settings(String[] args) {
    Map<String, String> s = new LinkedHashMap<>(DEFAULTS);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !DEFAULTS.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("expected key=value with a key of " + DEFAULTS.keySet() + ", got '" + arg + "'");
      }
      s.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    return s;
  }

  /** Measures the sections asked for and writes the report; returns where. */
  static Path write(Map<String, String> s) throws Exception {
    List<String> sections = Arrays.stream(s.get("sections").split(",")).map(String::trim).toList();
    List<Row> rows = new ArrayList<>();
    StringBuilder notes = new StringBuilder();
    String loadBefore = BenchBatch.loadAverage();
    if (sections.contains("cli")) {
      section(notes, "cli", () -> cli(s, rows));
    }
    if (sections.contains("emulator")) {
      section(notes, "emulator", () -> emulator(s, rows));
    }
    if (sections.contains("runner")) {
      section(notes, "runner", () -> runner(s, rows));
    }
    if (sections.contains("decode")) {
      section(notes, "decode", () -> decode(s, rows));
    }
    StringBuilder md = new StringBuilder("# buddy4j performance report\n\n");
    md.append(String.format(Locale.ROOT, "%s, %d CPUs, %s %s, %s %s; load average (1, 5, 15 min) before %s, after %s."
            + " Every ratio is of two figures measured in this run.%n%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("os.name"), System.getProperty("os.version"), loadBefore, BenchBatch.loadAverage()));
    md.append("| figure | measured | baseline (same run) | ratio | goal | |\n|---|---|---|---|---|---|\n");
    rows.forEach(r -> md.append(r.render()).append('\n'));
    md.append("\n## Notes\n\n").append(notes);
    Path file = Path.of(s.get("out"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, md);
    System.out.print(md);
    return file;
  }

  @FunctionalInterface
  private interface Section {
    String run() throws Exception;
  }

  /** Runs one section; its notes (or why it could not run) go under the table with the load around it. */
  private static void section(StringBuilder notes, String name, Section section) {
    String before = BenchBatch.loadAverage();
    String text;
    try {
      text = section.run();
    } catch (Exception | AssertionError e) {
      text = "failed: " + e + "\n";
    }
    notes.append("**").append(name).append("** (load average before ").append(before).append(", after ")
        .append(BenchBatch.loadAverage()).append(")\n\n```\n").append(text).append("```\n\n");
  }

  /** {@code bin/buddy workspaces list} against {@code curl} for the same answer: wall time and peak memory. */
  private static String cli(Map<String, String> s, List<Row> rows) throws Exception {
    Path dist = Path.of(s.get("dist")).toAbsolutePath();
    String wallGoal = "≤ 0.40 s";
    String rssGoal = "≤ 100 MB";
    String missing = !Files.isExecutable(dist.resolve("bin/buddy")) ? "no " + dist + "/bin/buddy (package buddy-cli)"
        : !Files.isExecutable(Path.of("/usr/bin/time")) ? "no /usr/bin/time" : !onPath("curl") ? "no curl" : null;
    if (missing != null) {
      rows.add(Row.notMeasured("`bin/buddy workspaces list`, wall, median", wallGoal, missing));
      rows.add(Row.notMeasured("same command, peak RSS", rssGoal, missing));
      return missing + "\n";
    }
    int rounds = Integer.parseInt(s.get("cliRounds"));
    try (BuddyEmulator emulator = BuddyEmulator.start(EmulatorOptions.defaults().port(0))) {
      List<CliStartup.Contender> contenders = List.of(
          new CliStartup.Contender("curl", List.of("curl", "-sf", "-H", "Authorization: Bearer " + emulator.token(),
              emulator.baseUrl() + "/workspaces")),
          new CliStartup.Contender("bin/buddy", List.of(dist.resolve("bin/buddy").toString(), "workspaces", "list")));
      Map<String, String> env = Map.of("BUDDY_API_ENDPOINT", emulator.baseUrl(), "BUDDY_TOKEN", emulator.token(),
          "JAVA_HOME", System.getProperty("java.home"));
      List<CliStartup.Figures> f = CliStartup.measure(contenders, env, rounds);
      CliStartup.Figures curl = f.get(0);
      CliStartup.Figures buddy = f.get(1);
      rows.add(new Row("`bin/buddy workspaces list` vs `curl`, standalone emulator, wall, median of " + rounds,
          fmt("%.3f s", buddy.wallSeconds()), fmt("curl %.3f s", curl.wallSeconds()),
          fmt("%.0f×", buddy.wallSeconds() / curl.wallSeconds()), wallGoal, buddy.wallSeconds() <= 0.40));
      rows.add(new Row("same command, peak RSS, median", fmt("%.0f MB", buddy.peakRssMb()),
          fmt("curl %.0f MB", curl.peakRssMb()), fmt("%.0f×", buddy.peakRssMb() / curl.peakRssMb()), rssGoal,
          buddy.peakRssMb() <= 100));
      return CliStartup.render(f, rounds, "", "");
    }
  }

  /** The emulator's GET and POST against a bare Vert.x server answering the same bytes. */
  private static String emulator(Map<String, String> s, List<Row> rows) throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("connections", s.get("connections"));
    keys.put("seconds", s.get("seconds"));
    keys.put("warmup", s.get("warmup"));
    if (!s.get("driver").isEmpty()) {
      keys.put("driver", s.get("driver"));
    }
    EmulatorThroughput.Result r = EmulatorThroughput.measure(EmulatorThroughput.Settings.parse(keys));
    String conns = s.get("connections");
    rows.add(new Row("emulator GET execution ÷ bare Vert.x, " + conns + " connections",
        fmt("%.0f req/s, p99 %.1f ms", r.get().emulator().requestsPerSecond(), r.get().emulator().p99Millis()),
        fmt("%.0f req/s", r.get().bare().requestsPerSecond()), fmt("%.2f", r.get().ratio()), "≥ 0.5, p99 ≤ 10 ms",
        r.get().ratio() >= 0.5 && r.get().emulator().p99Millis() <= 10));
    rows.add(new Row("emulator POST run ÷ bare Vert.x, " + conns + " connections",
        fmt("%.0f req/s, p99 %.1f ms", r.post().emulator().requestsPerSecond(), r.post().emulator().p99Millis()),
        fmt("%.0f req/s", r.post().bare().requestsPerSecond()), fmt("%.2f", r.post().ratio()), "≥ 0.3",
        r.post().ratio() >= 0.3));
    return r.describe();
  }

  /**
   * {@code buddy batch} (through BatchRun) against the allowed rate, per window length and mode. With
   * {@code --no-wait} every request is a start: starts ÷ allowed is the pacing. With {@code --wait} (the
   * default) the runner also reads runs' states, one page of 100 per 100 runs at least, and the same limit
   * counts those reads: its row shows the quota used (starts and reads) ÷ allowed, the starts beside it.
   */
  private static String runner(Map<String, String> s, List<Row> rows) throws Exception {
    int rate = Integer.parseInt(s.get("rate"));
    int runs = Integer.parseInt(s.get("runs"));
    int minWindows = Integer.parseInt(s.get("minWindows"));
    int concurrency = Integer.parseInt(s.get("concurrency"));
    List<String> modes = Arrays.stream(s.get("mode").split(",")).map(String::trim).toList();
    List<Integer> windows = Arrays.stream(s.get("windows").split(",")).map(String::trim).map(Integer::valueOf).toList();
    int most = windows.stream().mapToInt(w -> Math.max(runs, rate * w * minWindows)).max().orElse(runs);
    StringBuilder text = new StringBuilder();
    Path dir = Files.createTempDirectory("buddy4j-perf-");
    try (PacingEmulator emulator = new PacingEmulator(100, most * 2 + 10_000)) {
      for (int window : windows) {
        for (String mode : modes) {
          boolean wait = !mode.equals("no-wait");
          PacedBatch p = PacedBatch.measure(emulator, dir, Math.max(runs, rate * window * minWindows), rate * window,
              window, concurrency, wait);
          text.append(p.describe());
          int late429s = p.traffic().rateLimitedAfterFirstWindow();
          double used = wait ? p.quotaOfAllowed() : p.ofAllowed();
          String what = wait ? "quota used (starts and reads of runs) ÷ allowed" : "starts ÷ allowed";
          rows.add(new Row(fmt("runner %s, %d per %d s window, %s, %d runs", what, rate * window, window,
                  wait ? "--wait" : "--no-wait", p.runs()),
              fmt("%.2f starts/s (%.1f%% of allowed), %d 429s after the first window%s", p.runnerRate(),
                  100 * p.ofAllowed(), late429s, p.clean() ? "" : ", NOT every run started exactly once"),
              fmt("allowed %.2f/s", p.allowed()), fmt("%.1f%%", 100 * used), "≥ 99%, 0 429s after the first window",
              p.clean() && used >= 0.99 && late429s == 0));
        }
      }
    }
    return text.toString();
  }

  /**
   * The SDK's mapper (Blackbird) against the fastest other binder, interleaved, per payload; and what
   * Blackbird costs a fresh JVM, which is why the launcher's short commands bind without it.
   */
  private static String decode(Map<String, String> s, List<Row> rows) throws Exception {
    int rounds = Integer.parseInt(s.get("decodeRounds"));
    StringBuilder text = new StringBuilder();
    Map<String, Map<String, CpuTimeCheck.Op>> payloads = new LinkedHashMap<>();
    payloads.put("decode, run response (execution with actions, 3.6 KB)", CpuTimeCheck.binders(new RunResponseDecode()));
    payloads.put("decode, execution list page (100 runs, 360 KB)", CpuTimeCheck.binders(new ExecutionListDecode()));
    payloads.put("decode, project list page (30 projects)", CpuTimeCheck.binders(new ProjectListDecode()));
    // Not a goal of the issue, but the same mapper writes every request body: a module is adopted for both.
    payloads.put("encode, run request (variables, actions)", CpuTimeCheck.binders(new RunRequestEncode()));
    for (Map.Entry<String, Map<String, CpuTimeCheck.Op>> e : payloads.entrySet()) {
      Map<String, Double> m = CpuTimeCheck.medians(e.getValue(), Math.max(1, rounds / 3), rounds, 200);
      double sdk = m.get("sdk");
      String fastest = m.entrySet().stream().filter(x -> !x.getKey().equals("sdk"))
          .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
      boolean goal = e.getKey().startsWith("decode");
      rows.add(new Row("SDK " + e.getKey() + " ÷ fastest binder", fmt("%.2f µs CPU", sdk),
          fmt("%s %.2f µs CPU", fastest, m.get(fastest)), fmt("%.2f", sdk / m.get(fastest)), goal ? "≤ 1.00" : "—",
          goal ? sdk <= m.get(fastest) : null));
      text.append(e.getKey()).append(": ").append(m).append(" (thread CPU µs/op, medians of ").append(rounds)
          .append(" interleaved rounds)\n");
    }
    int coldRounds = Integer.parseInt(s.get("coldRounds"));
    if (coldRounds > 0) {
      MapperColdStart.Figures cold = MapperColdStart.measure(coldRounds);
      rows.add(new Row("first decode in a fresh JVM (mapper built + run response, thread CPU), median of " + coldRounds,
          fmt("with Blackbird %.1f ms", cold.blackbirdMillis()), fmt("without %.1f ms", cold.reflectionMillis()),
          fmt("%.2f", cold.blackbirdMillis() / cold.reflectionMillis()), "— (short commands bind without it)", null));
      text.append(cold.describe());
    }
    return text.toString();
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
