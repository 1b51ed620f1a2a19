package org.buddy4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cross-check of the goal comparisons that holds up on a busy machine, where JMH's wall-clock error
 * bars are wider than the differences. It runs the same benchmark methods round-robin (200 ms each
 * per round, 600 ms for client calls; 4 warm-up rounds, then 12 measured), so every contender sees the
 * same load, and reports
 * the median per operation of: CPU time of the calling thread (decode benchmarks: all their work is on
 * that thread and descheduled time is not counted), and for {@link ClientOverhead} wall time and the
 * CPU time of the whole process (the HTTP client's and the server's threads included).
 *
 * <pre>java -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.CpuTimeCheck</pre>
 *
 * Not a replacement for the JMH run (no forks, no dead-code protection beyond a checksum): a second
 * opinion on the ratios.
 */
public final class CpuTimeCheck {
  private static final int WARMUP_ROUNDS = 4;
  private static final int ROUNDS = 12;
  /** Per contender and round; longer for client calls, whose process CPU time is counted in 10 ms ticks. */
  private static final long DECODE_ROUND_NANOS = 200_000_000L;
  private static final long CLIENT_ROUND_NANOS = 600_000_000L;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static long checksum;

  private CpuTimeCheck() {}

  @FunctionalInterface
  interface Op {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    RunResponseDecode run = new RunResponseDecode();
    run.setup();
    ExecutionListDecode list = new ExecutionListDecode();
    list.setup();
    StringBuilder out = new StringBuilder();
    out.append(table("RunResponseDecode", "thread CPU µs/op", "sdk", decodeOps(run::sdk, run::sdkFeignDecoder,
        run::generatedFeignDecoder, run::plainMapper, run::sdkWithoutBlackbird, run::streamingFloor), false));
    out.append(table("ExecutionListDecode", "thread CPU µs/op", "sdk", decodeOps(list::sdk, list::sdkFeignDecoder,
        list::generatedFeignDecoder, list::plainMapper, list::sdkWithoutBlackbird, list::streamingFloor), false));
    ProjectListDecode projects = new ProjectListDecode();
    projects.setup();
    out.append(table("ProjectListDecode", "thread CPU µs/op", "sdk", decodeOps(projects::sdk, projects::sdkFeignDecoder,
        projects::generatedFeignDecoder, projects::plainMapper, projects::sdkWithoutBlackbird, projects::streamingFloor), false));

    ClientOverhead client = new ClientOverhead();
    client.setup();
    try {
      Map<String, Op> ops = new LinkedHashMap<>();
      ops.put("buddyClient", client::buddyClient);
      ops.put("rawHttpClient", client::rawHttpClient);
      out.append(table("ClientOverhead", "wall µs/op | process CPU µs/op", "rawHttpClient", ops, true));
    } finally {
      client.tearDown();
    }
    System.out.print(out);
    System.out.println("\n(checksum " + checksum + ")");
  }

  private static Map<String, Op> decodeOps(Op sdk, Op sdkFeignDecoder, Op generatedFeignDecoder, Op plainMapper,
                                           Op sdkWithoutBlackbird, Op streamingFloor) {
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("sdk", sdk);
    ops.put("sdkFeignDecoder", sdkFeignDecoder);
    ops.put("generatedFeignDecoder", generatedFeignDecoder);
    ops.put("plainMapper", plainMapper);
    ops.put("sdkWithoutBlackbird", sdkWithoutBlackbird);
    ops.put("streamingFloor", streamingFloor);
    return ops;
  }

  /** The binders of a decode benchmark (the SDK's mapper, the same without Blackbird, a plain mapper), set up. */
  static Map<String, Op> binders(DecodeBenchmarks b) {
    b.setup();
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("sdk", b::sdk);
    ops.put("plainMapper", b::plainMapper);
    ops.put("sdkWithoutBlackbird", b::sdkWithoutBlackbird);
    return ops;
  }

  /** The binders of an encode benchmark, set up. */
  static Map<String, Op> binders(EncodeBenchmarks b) throws java.io.IOException {
    b.setup();
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("sdk", b::sdk);
    ops.put("plainMapper", b::plainMapper);
    ops.put("sdkWithoutBlackbird", b::sdkWithoutBlackbird);
    return ops;
  }

  /**
   * {@code ops} round-robin as {@link #main} measures them: the median thread CPU µs per operation of each,
   * {@code rounds} rounds of {@code roundMillis} each after {@code warmupRounds}. For the perf report.
   */
  static Map<String, Double> medians(Map<String, Op> ops, int warmupRounds, int rounds, long roundMillis)
      throws Exception {
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    for (int round = 0; round < warmupRounds + rounds; round++) {
      for (Map.Entry<String, Op> e : ops.entrySet()) {
        double[] s = measure(e.getValue(), roundMillis * 1_000_000L);
        if (round >= warmupRounds) {
          samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    samples.forEach((name, s) -> out.put(name, median(s, 0)));
    return out;
  }

  /** Median per-op cost of each contender; with {@code wall}, also wall time and process CPU. */
  private static String table(String name, String what, String reference, Map<String, Op> ops, boolean wall)
      throws Exception {
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
      for (Map.Entry<String, Op> e : ops.entrySet()) {
        double[] s = measure(e.getValue(), wall ? CLIENT_ROUND_NANOS : DECODE_ROUND_NANOS);
        if (round >= WARMUP_ROUNDS) {
          samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    int metric = wall ? 1 : 0;
    double ref = median(samples.get(reference), metric);
    StringBuilder out = new StringBuilder("\n**" + name + "** (" + what + ", median of " + ROUNDS
        + " interleaved rounds; ratio ÷ `" + reference + "`)\n\n");
    out.append(wall ? "| method | wall µs/op | process CPU µs/op | wall ÷ ref | CPU ÷ ref |\n|---|---:|---:|---:|---:|\n"
        : "| method | thread CPU µs/op | ÷ ref |\n|---|---:|---:|\n");
    double refCpu = median(samples.get(reference), 2);
    for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
      double m = median(e.getValue(), metric);
      if (wall) {
        double cpu = median(e.getValue(), 2);
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %.2f |%n", e.getKey(), m, cpu, m / ref, cpu / refCpu));
      } else {
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", e.getKey(), m, m / ref));
      }
    }
    return out.toString();
  }

  /** {thread CPU µs/op, wall µs/op, process CPU µs/op} over one round. */
  private static double[] measure(Op op, long roundNanos) throws Exception {
    long ops = 0;
    long w0 = System.nanoTime();
    long t0 = THREADS.getCurrentThreadCpuTime();
    long p0 = OS.getProcessCpuTime();
    long w1;
    do {
      Object r = op.run();
      checksum += r == null ? 0 : r.hashCode();
      ops++;
      w1 = System.nanoTime();
    } while (w1 - w0 < roundNanos);
    long t1 = THREADS.getCurrentThreadCpuTime();
    long p1 = OS.getProcessCpuTime();
    return new double[] {(t1 - t0) / 1e3 / ops, (w1 - w0) / 1e3 / ops, (p1 - p0) / 1e3 / ops};
  }

  private static double median(List<double[]> samples, int metric) {
    double[] v = samples.stream().mapToDouble(s -> s[metric]).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
