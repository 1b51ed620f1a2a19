package org.buddy4j.core.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.ApiResponse;
import org.buddy4j.core.generated.model.ExecutionData;
import org.junit.jupiter.api.Test;

/** The transport's decoder reads bytes, and keeps what the generated decoder did around that. */
class JsonResponseDecoderTest {
  private final JsonResponseDecoder decoder = new JsonResponseDecoder(BuddyJson.mapper());

  private static Response response(int status, byte[] body) {
    return Response.builder().status(status).reason("x")
        .request(Request.create(Request.HttpMethod.GET, "http://127.0.0.1/x", Map.of(), null, StandardCharsets.UTF_8, null))
        .headers(Map.of("X-Rate-Limit-Limit", List.of("100")))
        .body(body).build();
  }

  @Test
  void readsAModelFromTheBodyBytesIncludingNonAsciiText() throws IOException {
    byte[] json = "{\"id\":7,\"comment\":\"zażółć \\u2713 ✓\",\"start_date\":\"2023-03-28T13:46:39.238118Z\",\"extra\":1}"
        .getBytes(StandardCharsets.UTF_8);
    ExecutionData e = (ExecutionData) decoder.decode(response(200, json), ExecutionData.class);
    assertEquals(7, e.getId());
    assertEquals("zażółć ✓ ✓", e.getComment());
    assertEquals(238118000, e.getStartDate().getNano());
    assertEquals(1, e.getAdditionalProperties().get("extra"));
  }

  @Test
  void anEmptyBodyIsNullAnd204And404AreEmptyValues() throws IOException {
    assertNull(decoder.decode(response(200, new byte[0]), ExecutionData.class));
    assertNull(decoder.decode(response(200, " \n".getBytes(StandardCharsets.UTF_8)), ExecutionData.class));
    assertNull(decoder.decode(response(204, new byte[0]), ExecutionData.class));
  }

  @Test
  void withHttpInfoWrapsTheBodyWithStatusAndHeaders() throws Exception {
    Type type = getClass().getDeclaredMethod("withHttpInfo").getGenericReturnType();
    ApiResponse<?> r = (ApiResponse<?>) decoder.decode(response(200, "{\"id\":3}".getBytes(StandardCharsets.UTF_8)), type);
    assertEquals(200, r.getStatusCode());
    assertEquals(3, ((ExecutionData) r.getData()).getId());
    assertEquals(List.of("100"), List.copyOf(r.getHeaders().get("X-Rate-Limit-Limit")));
  }

  @Test
  void binaryBodiesAreLeftToTheGeneratedDecoder() throws IOException {
    byte[] raw = {1, 2, 3};
    assertArrayEquals(raw, (byte[]) decoder.decode(response(200, raw), byte[].class));
  }

  @Test
  void malformedJsonIsAnIOException() {
    assertThrows(IOException.class,
        () -> decoder.decode(response(200, "{\"id\":".getBytes(StandardCharsets.UTF_8)), ExecutionData.class));
  }

  @Test
  void theJdkClientInflatesGzipBodies() throws Exception {
    byte[] json = "{\"id\":9}".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getResponseHeaders().add("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, gz.size());
      ex.getResponseBody().write(gz.toByteArray());
      ex.close();
    });
    server.start();
    try {
      JdkHttpClient client = new JdkHttpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
      Response r = client.execute(Request.create(Request.HttpMethod.GET, url,
              Map.of("Accept", List.of("application/json"), "Content-Length", List.of("0")), null, StandardCharsets.UTF_8, null),
          new Request.Options(1, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false));
      assertEquals(200, r.status());
      assertEquals(9, ((ExecutionData) decoder.decode(r, ExecutionData.class)).getId());
    } finally {
      server.stop(0);
    }
  }

  @SuppressWarnings("unused")
  private ApiResponse<ExecutionData> withHttpInfo() {
    return null;
  }
}
