package org.buddy4j.core.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.buddy4j.core.http.jdk.HttpClientThreads;

/**
 * The Feign {@link Client} on {@code java.net.http}: sends a request and reads the whole answer into a
 * byte array ({@code BodyHandlers.ofByteArray()}).
 *
 * <p>It replaces feign-java11's {@code Http2Client}, which hands the body over as a blocking
 * {@code InputStream} ({@code BodyHandlers.ofInputStream()}): the calling thread then waits on a queue
 * the client's threads fill, chunk by chunk, and the stream and its queue are allocated per call
 * (buddy-bench, {@code ClientOverhead}). Buddy's answers are small JSON documents that are decoded
 * whole anyway.
 * Otherwise it behaves as {@code Http2Client} did: the request's read timeout, the headers Java's
 * client sets itself left out, {@code gzip}/{@code deflate} bodies inflated, and every
 * {@link IOException} of the client (refused, timed out…) passed on unchanged, so
 * {@link ResilientClient} still tells "never sent" from "maybe applied".
 */
final class JdkHttpClient implements Client, AutoCloseable {
  /** Headers {@code java.net.http} refuses to be given (it sets them itself). */
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient http;
  private volatile boolean closed;

  JdkHttpClient(HttpClient http) {
    this.http = http;
  }

  /** Ends the JDK client's threads ({@link HttpClientThreads}); later calls are refused, never sent. */
  @Override
  public void close() {
    closed = true;
    HttpClientThreads.close(http);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (closed) {
      // Without its selector thread the JDK 17 client would wait for ever (its timeouts run on that thread).
      throw new IllegalStateException("this BuddyClient is closed: the " + request.httpMethod() + " was not sent");
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder();
    try {
      builder.uri(new URI(request.url()));
    } catch (URISyntaxException e) {
      throw new IOException("Invalid uri " + request.url(), e);
    }
    builder.timeout(Duration.ofMillis(options.readTimeoutMillis()));
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    byte[] body = request.body();
    builder.method(request.httpMethod().name(),
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));

    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + request.httpMethod() + " " + request.url(), e);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Collection<String>> headers = (Map) response.headers().map();
    return Response.builder()
        .request(request)
        .protocolVersion(response.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .status(response.statusCode())
        .headers(headers)
        .body(inflate(response.body(), response.headers().allValues("Content-Encoding")))
        .build();
  }

  private static byte[] inflate(byte[] body, List<String> encodings) throws IOException {
    if (body == null || body.length == 0 || encodings.isEmpty()) {
      return body;
    }
    if (encodings.contains("gzip")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        return in.readAllBytes();
      }
    }
    if (encodings.contains("deflate")) {
      try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(body))) {
        return in.readAllBytes();
      }
    }
    return body;
  }
}
