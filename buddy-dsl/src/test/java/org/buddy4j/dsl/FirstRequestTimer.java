package org.buddy4j.dsl;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.buddy4j.core.BuddyClient;

/**
 * Measures the time from starting a one-line script to its first request arriving at a loopback server
 * (the JDK's HttpServer answering a canned execution): once in a fresh JVM (Groovy's bootstrap
 * included), then again warm. Prints one line; {@link TimeToFirstRequestTest} runs it in a new JVM.
 */
public final class FirstRequestTimer {
  private FirstRequestTimer() {}

  public static void main(String[] args) throws Exception {
    long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    AtomicLong arrived = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      arrived.compareAndSet(0, System.nanoTime());
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"id\":7,\"status\":\"ENQUEUED\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      BuddyClient client = BuddyClient.builder().endpoint("http://127.0.0.1:" + server.getAddress().getPort())
          .token("timer-token").build();
      ScriptOptions options = ScriptOptions.defaults().out(new PrintStream(OutputStream.nullOutputStream()))
          .environment(Map.of("BUDDY_WORKSPACE", "buddy", "BUDDY_PROJECT", "company-website"));
      String script = "run pipeline 2 on branch \"master\"";

      long t0 = System.nanoTime();
      long sinceJvmStart = System.currentTimeMillis() - jvmStartMillis;
      BuddyScripts.run("one-line.groovy", script, client, options);
      double cold = (arrived.get() - t0) / 1e6;

      double warm = Double.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        arrived.set(0);
        long t = System.nanoTime();
        BuddyScripts.run("one-line.groovy", script, client, options);
        warm = Math.min(warm, (arrived.get() - t) / 1e6);
      }
      System.out.printf("time to first request: cold %.0f ms (JVM already up %d ms before), warm %.1f ms (best of 5)%n",
          cold, sinceJvmStart, warm);
    } finally {
      server.stop(0);
    }
  }
}
