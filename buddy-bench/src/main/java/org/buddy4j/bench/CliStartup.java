package org.buddy4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * How long {@code buddy workspaces list} takes as a whole process, and its peak memory, next to
 * {@code curl} fetching the same answer (issue #16, rows 1–2). A measured run, not a JMH benchmark: the
 * figure is a process's start-to-exit time. One emulator serves every contender (in this JVM, on
 * loopback, started before any is timed). Each contender runs under {@code /usr/bin/time} (its maximum
 * resident set); after a warm-up round, {@code rounds} rounds run every contender once, in an order that
 * rotates each round, so load on the machine falls on all of them alike. Reported: median wall time,
 * the ratio to {@code curl}'s, median CPU time (less swayed by other load than wall time), median peak
 * RSS, and the load average before and after.
 *
 * <p>Contenders: {@code curl}; {@code java -jar lib/buddy.jar} (the new jar with the JVM's default flags);
 * {@code bin/buddy} (the launcher: class-data-sharing archive and short-command flags); and, given
 * {@code before=<jar>}, that jar run as {@code java -jar} (e.g. a buddy.jar built from an older commit).
 *
 * <pre>java -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.CliStartup \
 *     dist=buddy-cli/target/buddy-0.1.0-SNAPSHOT [before=/tmp/old-buddy.jar] [rounds=5] [out=target/cli-startup.md]</pre>
 */
public final class CliStartup {
  private CliStartup() {}

  /** One way of getting the workspace list: a name for the table and the command line. */
  record Contender(String name, List<String> command) {}

  /** A contender's figures: medians over the measured rounds. */
  record Figures(String name, double wallSeconds, double cpuSeconds, double peakRssMb) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        System.err.println("usage: CliStartup dist=<buddy-<version> dir> [before=<jar>] [rounds=5] [out=<file>]");
        System.exit(2);
      }
      opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    Path dist = Path.of(opts.getOrDefault("dist", "buddy-cli/target/buddy-0.1.0-SNAPSHOT")).toAbsolutePath();
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (BuddyEmulator emulator = BuddyEmulator.start(EmulatorOptions.defaults().port(0))) {
      List<Contender> contenders = new ArrayList<>();
      contenders.add(new Contender("curl", List.of("curl", "-sf", "-H", "Authorization: Bearer " + emulator.token(),
          emulator.baseUrl() + "/workspaces")));
      if (opts.containsKey("before")) {
        contenders.add(new Contender("before: java -jar " + opts.get("before"),
            List.of(java, "-jar", Path.of(opts.get("before")).toAbsolutePath().toString(), "workspaces", "list")));
      }
      contenders.add(new Contender("java -jar lib/buddy.jar",
          List.of(java, "-jar", dist.resolve("lib/buddy.jar").toString(), "workspaces", "list")));
      contenders.add(new Contender("bin/buddy", List.of(dist.resolve("bin/buddy").toString(), "workspaces", "list")));
      Map<String, String> env = Map.of("BUDDY_API_ENDPOINT", emulator.baseUrl(), "BUDDY_TOKEN", emulator.token(),
          "JAVA_HOME", System.getProperty("java.home"));
      String loadBefore = loadAverage();
      List<Figures> figures = measure(contenders, env, rounds);
      String table = render(figures, rounds, loadBefore, loadAverage());
      System.out.print(table);
      Path out = Path.of(opts.getOrDefault("out", "target/cli-startup.md"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, table);
    }
  }

  /** One warm-up round, then {@code rounds} rounds with the order rotating; medians per contender. */
  static List<Figures> measure(List<Contender> contenders, Map<String, String> env, int rounds)
      throws IOException, InterruptedException {
    for (Contender c : contenders) {
      run(c, env);
    }
    Map<Contender, List<double[]>> samples = new LinkedHashMap<>();
    contenders.forEach(c -> samples.put(c, new ArrayList<>()));
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < contenders.size(); i++) {
        Contender c = contenders.get((i + r) % contenders.size());
        samples.get(c).add(run(c, env));
      }
    }
    List<Figures> out = new ArrayList<>();
    samples.forEach((c, s) -> out.add(new Figures(c.name(), median(s, 0), median(s, 1), median(s, 2))));
    return out;
  }

  /**
   * Runs one contender: {wall seconds, user + system CPU seconds, peak RSS in MB}; fails unless it exits 0
   * and shows the workspace "buddy".
   */
  static double[] run(Contender c, Map<String, String> env) throws IOException, InterruptedException {
    Path rss = Files.createTempFile("cli-startup", ".rss");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-q", "-f", "%U %S %M", "-o", rss.toString()));
    cmd.addAll(c.command());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("BUDDY"));
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    String[] time = Files.readString(rss).trim().lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
    Files.delete(rss);
    if (code != 0 || !output.contains("buddy")) {
      throw new IllegalStateException(c.name() + " exited " + code + ": " + output);
    }
    return new double[] {wall, Double.parseDouble(time[0]) + Double.parseDouble(time[1]), Long.parseLong(time[2]) / 1024.0};
  }

  static String render(List<Figures> figures, int rounds, String loadBefore, String loadAfter) {
    double curl = figures.get(0).wallSeconds();
    StringBuilder b = new StringBuilder();
    b.append("`workspaces list` against the emulator on loopback, medians of ").append(rounds)
        .append(" rounds after a warm-up; load average ").append(loadBefore).append(" before, ").append(loadAfter)
        .append(" after; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(Runtime.version()).append(".\n\n");
    b.append("| contender | wall (s) | ÷ curl | CPU user+sys (s) | peak RSS (MB) |\n|---|---:|---:|---:|---:|\n");
    for (Figures f : figures) {
      b.append(String.format(Locale.ROOT, "| %s | %.3f | %.1f× | %.2f | %.0f |%n", f.name(), f.wallSeconds(),
          f.wallSeconds() / curl, f.cpuSeconds(), f.peakRssMb()));
    }
    return b.toString();
  }

  private static double median(List<double[]> samples, int index) {
    double[] v = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), else the JVM's 1-minute figure. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
