package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of {@code ./mvnw verify} so {@link EmulatorThroughput} never rots: one second per contender with
 * the in-JVM driver (wrk may be missing on a build machine), and the heap series for one slice. Sanity
 * only, not a measurement: every answer was a 2xx and the figures are finite. No speed is held to
 * anything here; the measured run is documented in buddy-emulator/README.md.
 */
class EmulatorThroughputSmokeTest {
  @TempDir
  Path dir;

  @Test
  void measuresBothServersWithTheJavaDriver() throws Exception {
    EmulatorThroughput.Settings s = EmulatorThroughput.Settings.parse(Map.of("connections", "4", "seconds", "1",
        "warmup", "0", "driver", "java", "heapSeconds", "1", "heapSample", "1"));
    EmulatorThroughput.Result r = EmulatorThroughput.measure(s);
    String text = r.describe();
    System.out.print(text);
    for (EmulatorThroughput.Load l : new EmulatorThroughput.Load[] {r.get().emulator(), r.get().bare(),
        r.post().emulator(), r.post().bare()}) {
      assertEquals(0, l.errors(), text);
      assertTrue(l.requests() > 0 && l.requestsPerSecond() > 0 && Double.isFinite(l.p99Millis()), text);
    }
    assertTrue(Double.isFinite(r.get().ratio()) && Double.isFinite(r.post().ratio()), text);
    assertEquals(2, r.heap().size(), text);
    assertTrue(r.getBytes() > 1000 && r.postBytes() > 1000, "the bare server sends the emulator's bytes: " + text);
  }

  @Test
  void readsWrkOutput() {
    String out = """
        Running 10s test @ http://127.0.0.1:8080/x
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     1.20ms  500.00us  20.00ms   90.00%
          Latency Distribution
             50%    1.10ms
             75%    1.40ms
             90%    1.90ms
             99%    3.50ms
          500000 requests in 10.00s, 2.20GB read
          Non-2xx or 3xx responses: 3
          Socket errors: connect 0, read 1, write 0, timeout 2
        Requests/sec:  50000.00
        Transfer/sec:    220.00MB
        """;
    EmulatorThroughput.Load l = Wrk.parse("x", out);
    assertEquals(50000.0, l.requestsPerSecond());
    assertEquals(1.10, l.p50Millis(), 1e-9);
    assertEquals(3.50, l.p99Millis(), 1e-9);
    assertEquals(500000, l.requests());
    assertEquals(6, l.errors());
  }

  @Test
  void mainWritesItsFigures() throws Exception {
    Path out = dir.resolve("figures.txt");
    EmulatorThroughput.write(new String[] {"connections=2", "seconds=1", "warmup=0", "driver=java", "out=" + out});
    String text = Files.readString(out);
    assertTrue(text.contains("GET execution") && text.contains("POST run") && text.contains("ratio"), text);
  }
}
