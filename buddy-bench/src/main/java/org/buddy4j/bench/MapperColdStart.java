package org.buddy4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.ExecutionData;

/**
 * What a short command would pay for Blackbird once (issue #16, "the mapper"): in a fresh JVM, the
 * time to build the mapper and decode the run response the first time, with {@code BuddyJson.create(true)}
 * (the default, which generates an accessor per property on first use) and {@code BuddyJson.create(false)}
 * (reflection, as the {@code buddy} launcher's short commands bind). Each round
 * starts one child JVM per contender, in alternating order, on this JVM's classpath; the child measures
 * the CPU time of its own thread over that work (time spent descheduled on a busy machine is not
 * counted; a wall clock there swung by ±40% between runs) and prints the nanoseconds. Reported: the medians.
 *
 * <pre>java -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.MapperColdStart [rounds]</pre>
 */
public final class MapperColdStart {
  /** Median first-decode milliseconds of the SDK mapper without Blackbird and with it. */
  record Figures(double reflectionMillis, double blackbirdMillis, int rounds) {
    String describe() {
      return String.format(Locale.ROOT, "first decode of the run response in a fresh JVM (mapper built + one decode,"
          + " thread CPU), median of %d rounds: without Blackbird %.1f ms, with Blackbird %.1f ms (%+.1f ms)%n", rounds,
          reflectionMillis, blackbirdMillis, blackbirdMillis - reflectionMillis);
    }
  }

  private MapperColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("once")) {
      System.out.println(once(args[1].equals("blackbird")));
      return;
    }
    System.out.print(measure(args.length > 0 ? Integer.parseInt(args[0]) : 7).describe());
  }

  /** Thread CPU nanoseconds to build the mapper and decode the run response once, in this (fresh) JVM. */
  static long once(boolean blackbird) throws IOException {
    byte[] json = Payloads.runResponse();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = threads.getCurrentThreadCpuTime();
    ObjectMapper mapper = BuddyJson.create(blackbird);
    ExecutionData run = mapper.readValue(json, ExecutionData.class);
    long nanos = threads.getCurrentThreadCpuTime() - t0;
    if (run.getId() == null) {
      throw new IllegalStateException("the run response did not decode");
    }
    return nanos;
  }

  static Figures measure(int rounds) throws IOException, InterruptedException {
    List<Double> sdk = new ArrayList<>();
    List<Double> bird = new ArrayList<>();
    child(false); // warm the OS file cache for the classpath
    for (int r = 0; r < rounds; r++) {
      boolean birdFirst = r % 2 == 1;
      (birdFirst ? bird : sdk).add(child(birdFirst));
      (birdFirst ? sdk : bird).add(child(!birdFirst));
    }
    return new Figures(BenchBatch.median(sdk), BenchBatch.median(bird), rounds);
  }

  private static double child(boolean blackbird) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        MapperColdStart.class.getName(), "once", blackbird ? "blackbird" : "sdk").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("MapperColdStart child failed: " + out);
    }
    String last = out.lines().reduce((a, b) -> b).orElse("");
    return Long.parseLong(last.trim()) / 1e6;
  }
}
