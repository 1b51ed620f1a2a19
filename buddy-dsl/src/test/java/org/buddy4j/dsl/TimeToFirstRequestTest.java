package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures (and prints; no timed assertion) the time from starting a one-line script to its first
 * request, in a fresh JVM so Groovy's bootstrap is counted.
 */
class TimeToFirstRequestTest {

  @Test
  void measureTimeToFirstRequest() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FirstRequestTimer.class.getName())
        .redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the timer hangs"); // only guards against a hang
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    String line = out.lines().filter(l -> l.startsWith("time to first request")).findFirst().orElse(out);
    System.out.println("[buddy-dsl] " + line);
    assertTrue(line.startsWith("time to first request"), out);
  }
}
