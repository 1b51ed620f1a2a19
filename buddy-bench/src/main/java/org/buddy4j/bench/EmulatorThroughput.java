package org.buddy4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The emulator's request path against its own framework (issue #16), measured side by side in one run:
 * the emulator answering {@code GET …/pipelines/2/executions/3} and {@code POST …/pipelines/2/executions}
 * at 64 connections, and a bare Vert.x {@link HttpServer} from the same classpath answering the same
 * requests with the same bytes (the body the emulator sent, captured once). Reported per request kind:
 * requests per second and p50/p99 of each, the ratio emulator ÷ bare, the CPU time this JVM spent per
 * request (with wrk as the driver: the servers' own, a figure a busy machine distorts far less than a
 * rate) and its ratio bare ÷ emulator, the load average before and after.
 * Then, if asked ({@code heapSeconds} &gt; 0), the heap after a full GC sampled while POST load runs for
 * that long: with the emulator's default caps it must stay flat.
 *
 * <p>The load comes from {@code wrk} when it is on the PATH ({@code driver=wrk}), else from a Vert.x
 * HTTP client in this JVM ({@code driver=java}; it shares the CPUs with the servers, so its ratios are
 * a rougher picture). A measured run, not a test: its figures vary with what else the machine runs.
 *
 * <pre>java -Xmx512m -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.EmulatorThroughput [key=value…]</pre>
 *
 * Keys (defaults in brackets): {@code connections} [64], {@code seconds} [20] per contender,
 * {@code warmup} [20] seconds per contender (the emulator's code needs that long to be compiled by the JIT on a busy 2-core machine), {@code driver} [wrk if found, else java],
 * {@code heapSeconds} [0], {@code heapSample} [30] seconds, {@code out} [buddy-bench/target/emulator-throughput.txt].
 */
public final class EmulatorThroughput {
  static final String EXECUTIONS = "/workspaces/buddy/projects/company-website/pipelines/2/executions";
  static final String RUN_BODY = "{\"branch\":{\"name\":\"master\"},\"comment\":\"load\"}";
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** What to measure. */
  record Settings(int connections, int seconds, int warmup, String driver, int heapSeconds, int heapSample) {
    static Settings parse(Map<String, String> keys) {
      return new Settings(Integer.parseInt(keys.getOrDefault("connections", "64")),
          Integer.parseInt(keys.getOrDefault("seconds", "20")),
          Integer.parseInt(keys.getOrDefault("warmup", "20")),
          keys.getOrDefault("driver", Wrk.available() ? "wrk" : "java"),
          Integer.parseInt(keys.getOrDefault("heapSeconds", "0")),
          Integer.parseInt(keys.getOrDefault("heapSample", "30")));
    }
  }

  /**
   * One contender's load: requests per second, latency percentiles, the answers that were not 2xx, and
   * this JVM's CPU time per request (with wrk that is the servers' alone, JIT and GC included).
   */
  record Load(String name, double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors,
              double cpuMicrosPerRequest) {
    String line() {
      return String.format(Locale.ROOT, "%-18s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  %8d requests  %d errors  %6.1f us CPU/request",
          name, requestsPerSecond, p50Millis, p99Millis, requests, errors, cpuMicrosPerRequest);
    }

    Load withCpu(long cpuNanos) {
      return new Load(name, requestsPerSecond, p50Millis, p99Millis, requests, errors,
          requests == 0 ? Double.NaN : cpuNanos / 1000.0 / requests);
    }
  }

  /** Emulator ÷ bare for one request kind. */
  record Pair(Load emulator, Load bare) {
    double ratio() {
      return emulator.requestsPerSecond / bare.requestsPerSecond;
    }

    /** bare ÷ emulator CPU per request: what the ratio would be if both were CPU-bound on idle cores. */
    double cpuRatio() {
      return bare.cpuMicrosPerRequest / emulator.cpuMicrosPerRequest;
    }
  }

  /** Everything one run measured. */
  record Result(Settings settings, Pair get, Pair post, String loadBefore, String loadAfter, List<String> heap,
                int getBytes, int postBytes) {
    String describe() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "emulator vs bare Vert.x, %s, %d connections, %d s each (after %d s warm-up), %s, %d CPUs%n",
          LocalDate.now(), settings.connections, settings.seconds, settings.warmup, "driver " + settings.driver,
          Runtime.getRuntime().availableProcessors()));
      out.append("load average before: ").append(loadBefore).append("  after: ").append(loadAfter).append('\n');
      out.append(String.format(Locale.ROOT, "GET execution (%d bytes)%n  %s%n  %s%n  ratio %.2f (goal >= 0.5, emulator p99 <= 10 ms); CPU per request ratio %.2f%n",
          getBytes, get.emulator.line(), get.bare.line(), get.ratio(), get.cpuRatio()));
      out.append(String.format(Locale.ROOT, "POST run (%d bytes)%n  %s%n  %s%n  ratio %.2f (goal >= 0.3); CPU per request ratio %.2f%n",
          postBytes, post.emulator.line(), post.bare.line(), post.ratio(), post.cpuRatio()));
      if (!heap.isEmpty()) {
        out.append("heap after GC under POST load:\n");
        heap.forEach(h -> out.append("  ").append(h).append('\n'));
      }
      return out.toString();
    }
  }

  private EmulatorThroughput() {
  }

  public static void main(String[] args) throws Exception {
    write(args);
    // Vert.x and the JDK client leave non-daemon threads behind.
    System.exit(0);
  }

  /** Measures, prints the figures and writes them to {@code out}. */
  static Result write(String[] args) throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("Expected key=value, got " + a);
      }
      keys.put(a.substring(0, eq), a.substring(eq + 1));
    }
    Path out = Path.of(keys.getOrDefault("out", "buddy-bench/target/emulator-throughput.txt"));
    Result result = measure(Settings.parse(keys));
    String text = result.describe();
    System.out.print(text);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
    return result;
  }

  /** Starts the emulator and the bare server, drives both, and stops them. */
  static Result measure(Settings s) throws Exception {
    String loadBefore = loadAverage();
    try (BuddyEmulator emulator = BuddyEmulator.start(EmulatorOptions.defaults()
        .rateLimit(Integer.MAX_VALUE / 2, 3600))) {
      String base = emulator.baseUrl();
      String auth = "Bearer " + emulator.token();
      // Execution 3: the run the GET load reads; its answer (and a run's) are the bare server's bytes.
      byte[] postBytes = send(base + EXECUTIONS, "POST", auth, RUN_BODY);
      byte[] getBytes = send(base + EXECUTIONS + "/3", "GET", auth, null);
      Vertx vertx = Vertx.vertx();
      try {
        HttpServer bare = bareServer(vertx, getBytes, postBytes);
        String bareBase = "http://127.0.0.1:" + bare.actualPort();
        Pair get = new Pair(drive(s, "emulator GET", base + EXECUTIONS + "/3", auth, null),
            drive(s, "bare Vert.x GET", bareBase + EXECUTIONS + "/3", auth, null));
        Pair post = new Pair(drive(s, "emulator POST", base + EXECUTIONS, auth, RUN_BODY),
            drive(s, "bare Vert.x POST", bareBase + EXECUTIONS, auth, RUN_BODY));
        List<String> heap = s.heapSeconds > 0 ? heapUnderLoad(s, base, auth) : List.of();
        return new Result(s, get, post, loadBefore, loadAverage(), heap, getBytes.length, postBytes.length);
      } finally {
        vertx.close().await();
      }
    }
  }

  /** Vert.x with nothing on top: reads the request (and its body), answers the captured bytes. */
  static HttpServer bareServer(Vertx vertx, byte[] getBytes, byte[] postBytes) {
    Buffer get = Buffer.buffer(getBytes);
    Buffer post = Buffer.buffer(postBytes);
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> req.response()
        .putHeader("Content-Type", "application/json")
        .end(req.method() == HttpMethod.POST ? post : get))).listen(0, "127.0.0.1").await();
  }

  /** A warm-up, then the measured load, on one URL. */
  static Load drive(Settings s, String name, String url, String auth, String body) throws Exception {
    if (s.warmup > 0) {
      load(s, name, url, auth, body, s.warmup);
    }
    return load(s, name, url, auth, body, s.seconds);
  }

  private static Load load(Settings s, String name, String url, String auth, String body, int seconds) throws Exception {
    long cpu = OS.getProcessCpuTime();
    Load l = "wrk".equals(s.driver) ? Wrk.load(name, url, auth, body, s.connections, seconds)
        : javaLoad(name, url, auth, body, s.connections, seconds);
    return l.withCpu(OS.getProcessCpuTime() - cpu);
  }

  // ── the in-JVM driver ──

  /** {@code connections} request loops on a Vert.x client with that many pooled connections. */
  static Load javaLoad(String name, String url, String auth, String body, int connections, int seconds) throws Exception {
    URI uri = URI.create(url);
    Vertx vertx = Vertx.vertx();
    try {
      HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connections));
      RequestOptions options = new RequestOptions().setHost(uri.getHost()).setPort(uri.getPort())
          .setURI(uri.getRawPath()).setMethod(body == null ? HttpMethod.GET : HttpMethod.POST)
          .putHeader("Authorization", auth);
      if (body != null) {
        options.putHeader("Content-Type", "application/json");
      }
      Buffer payload = body == null ? null : Buffer.buffer(body);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      AtomicLong errors = new AtomicLong();
      List<long[]> latencies = new ArrayList<>();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(connections);
      long start = System.nanoTime();
      for (int c = 0; c < connections; c++) {
        long[] mine = new long[1 << 16];
        long[][] ref = {mine};
        int[] count = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
          // Each loop sends at least one request: on a loaded machine a fresh Vert.x may start its loops only
          // after a short run's end, and a run of zero requests measures nothing.
          if (count[0] > 0 && System.nanoTime() >= end) {
            synchronized (latencies) {
              latencies.add(Arrays.copyOf(ref[0], count[0]));
            }
            done.countDown();
            return;
          }
          long t0 = System.nanoTime();
          client.request(options)
              .compose(req -> payload == null ? req.send() : req.send(payload))
              .compose(resp -> {
                if (resp.statusCode() >= 300) {
                  errors.incrementAndGet();
                }
                return resp.body();
              })
              .onComplete(ar -> {
                if (ar.failed()) {
                  errors.incrementAndGet();
                }
                if (count[0] == ref[0].length) {
                  ref[0] = Arrays.copyOf(ref[0], ref[0].length * 2);
                }
                ref[0][count[0]++] = System.nanoTime() - t0;
                next[0].run();
              });
        };
        vertx.runOnContext(v -> next[0].run());
      }
      if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Load loops did not finish");
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Load(name, all.length / elapsed, percentile(all, 0.50), percentile(all, 0.99), all.length, errors.get(),
          Double.NaN);
    } finally {
      vertx.close().await();
    }
  }

  private static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }

  // ── heap ──

  /** POST load in {@code heapSample}-second slices, the heap after a full GC after each. */
  static List<String> heapUnderLoad(Settings s, String base, String auth) throws Exception {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%4d s  %7.1f MB  (before the load)", 0, heapAfterGc()));
    int elapsed = 0;
    long requests = 0;
    while (elapsed < s.heapSeconds) {
      int slice = Math.min(s.heapSample, s.heapSeconds - elapsed);
      Load l = load(s, "emulator POST", base + EXECUTIONS, auth, RUN_BODY, slice);
      elapsed += slice;
      requests += l.requests;
      out.add(String.format(Locale.ROOT, "%4d s  %7.1f MB  (%d runs started so far, %.0f req/s, %d errors)",
          elapsed, heapAfterGc(), requests, l.requestsPerSecond, l.errors));
    }
    return out;
  }

  static double heapAfterGc() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed() / 1e6;
  }

  // ── helpers ──

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  static byte[] send(String url, String method, String auth, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .build();
      HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
            + new String(r.body(), StandardCharsets.UTF_8));
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
