package org.buddy4j.bench;

import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.invoker.ApiResponseDecoder;
import org.buddy4j.core.http.Transport;

/**
 * The decode step of a real buddy-core call: the Feign decoder every transport installs
 * ({@code Transport.responseDecoder()}), given a response whose body is a stream (as
 * {@code feign.http2client.Http2Client} hands it over); and, as a baseline, the generated
 * {@code ApiResponseDecoder} (Feign's Reader-based {@code JacksonDecoder}) that buddy-core installed
 * before buddy-bench measured it.
 */
final class FeignDecoding {
  private static final Decoder TRANSPORT = Transport.responseDecoder();
  private static final Decoder GENERATED = new ApiResponseDecoder(BuddyJson.mapper());
  private static final Request REQUEST = Request.create(Request.HttpMethod.GET,
      "http://127.0.0.1/workspaces/buddy/projects/company-website/pipelines/2/executions", Map.of(), null,
      StandardCharsets.UTF_8, null);
  private static final Map<String, Collection<String>> HEADERS = Map.of("content-type", List.of("application/json"));

  private FeignDecoding() {}

  static Object decode(byte[] json, Type type) throws IOException {
    return TRANSPORT.decode(response(json), type);
  }

  static Object decodeWithGeneratedDecoder(byte[] json, Type type) throws IOException {
    return GENERATED.decode(response(json), type);
  }

  private static Response response(byte[] json) {
    return Response.builder()
        .status(200)
        .reason("OK")
        .request(REQUEST)
        .headers(HEADERS)
        .body(new ByteArrayInputStream(json), json.length)
        .build();
  }
}
