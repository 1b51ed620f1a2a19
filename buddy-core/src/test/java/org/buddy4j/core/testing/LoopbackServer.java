package org.buddy4j.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

/**
 * A scripted HTTP server on 127.0.0.1 (the JDK's {@link HttpServer}) for buddy-core's tests: answers
 * are queued per method and path, every request is recorded, and an answer can instead drop the
 * connection after the request body was read (a fault after the request reached the server).
 */
public final class LoopbackServer implements AutoCloseable {
  /** One recorded request ({@code path} decoded; {@code rawPath} as it came, percent-escapes and all). */
  public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body,
                         String rawPath) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** One scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers, boolean drop, long delayMillis) {
    public static Answer json(int status, String body) {
      return new Answer(status, body, new LinkedHashMap<>(), false, 0);
    }

    /** Reads the request, then closes the connection without answering. */
    public static Answer dropConnection() {
      return new Answer(0, null, Map.of(), true, 0);
    }

    public Answer header(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Answer(status, body, h, drop, delayMillis);
    }

    /** Answers after {@code millis} (or when the server closes, if that comes first). */
    public Answer delayed(long millis) {
      return new Answer(status, body, headers, drop, millis);
    }

    /**
     * Never answers while the test runs (released when the server closes): a client's read timeout fires
     * whatever it is set to, so a test of timeouts does not race a fixed delay.
     */
    public Answer heldUntilClose() {
      return delayed(Long.MAX_VALUE);
    }

    /** Adds Buddy's rate-limit headers. */
    public Answer rateLimit(int limit, int remaining, Instant reset) {
      return header("X-Rate-Limit-Limit", String.valueOf(limit))
          .header("X-Rate-Limit-Remaining", String.valueOf(remaining))
          .header("X-Rate-Limit-Reset", String.valueOf(reset.getEpochSecond()));
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> script = new LinkedHashMap<>();
  private final Map<String, Answer> fallback = new LinkedHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  public LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues answers for {@code method path} (path without query), used in order. */
  public synchronized LoopbackServer enqueue(String method, String path, Answer... answers) {
    script.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  /** The answer for {@code method path} once its queue is empty. */
  public synchronized LoopbackServer always(String method, String path, Answer answer) {
    fallback.put(method + " " + path, answer);
    return this;
  }

  /** Every request received so far. */
  public List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /** Requests with this method and path. */
  public List<Recorded> requests(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  private synchronized Answer next(String key) {
    Deque<Answer> q = script.get(key);
    if (q != null && !q.isEmpty()) {
      return q.poll();
    }
    Answer a = fallback.get(key);
    return a != null ? a : Answer.json(404, "{\"errors\":[{\"message\":\"no scripted answer for " + key + "\"}]}");
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(new Recorded(method, path, exchange.getRequestURI().getQuery(),
        new LinkedHashMap<>(exchange.getRequestHeaders()), body, exchange.getRequestURI().getRawPath()));
    Answer answer = next(method + " " + path);
    if (answer.delayMillis() > 0) {
      try {
        closed.await(answer.delayMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (answer.drop()) {
      // The request has been read (and, for the test, applied). Throwing makes HttpServer close the
      // connection without a response: the client sees the connection end after it sent everything.
      throw new IOException("dropping the connection on purpose");
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
