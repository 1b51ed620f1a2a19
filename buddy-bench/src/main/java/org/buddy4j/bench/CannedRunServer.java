package org.buddy4j.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback JDK {@link HttpServer} that answers every {@code POST …/executions} with the same canned
 * run response (seed 002) and the rate-limit headers Buddy always sends, and anything else with 404.
 * Its cost per request is small and identical for every client, so the difference between two clients
 * calling it is the clients' own overhead.
 */
public final class CannedRunServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY the JDK server sends headers and body as two segments and Nagle holds the
    // second until the client's delayed ACK (about 40 ms): every call would measure that timer. Read
    // once, when the first JDK HttpServer is created in this JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final byte[] response;
  private final String rateLimitReset;
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

  public CannedRunServer(byte[] response) {
    this.response = response;
    this.rateLimitReset = Long.toString(Instant.now().plusSeconds(24 * 3600).getEpochSecond());
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** The body of the latest request (for the tests that check both clients send the same bytes). */
  public byte[] lastBody() {
    return lastBody.get();
  }

  /** The {@code Authorization} header of the latest request. */
  public String lastAuthorization() {
    return lastAuthorization.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      lastBody.set(body);
      lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      boolean run = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().endsWith("/executions");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Rate-Limit-Limit", "1000000");
      exchange.getResponseHeaders().add("X-Rate-Limit-Remaining", "999999");
      exchange.getResponseHeaders().add("X-Rate-Limit-Reset", rateLimitReset);
      if (!run) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, response.length);
      exchange.getResponseBody().write(response);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
