package org.buddy4j.core.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The end of a transport that sends nothing: it records each request exactly as core built it (the
 * generated API's method and path with its parameters filled in, the body core's encoder wrote) and
 * answers it with the JSON {@code answer} gives. A {@code BuddyClient} built with
 * {@code recordInstead(recorder)} describes what each of its calls would send; dry runs print these.
 * Headers (the token among them) are not recorded. Thread-safe.
 */
public final class RequestRecorder implements Client {
  /** One request core would send: {@code POST /workspaces/acme/integrations {…}}. */
  public record Described(String method, String path, String body) {
    /** {@code METHOD path}. */
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final Function<Described, String> answer;
  private final List<Described> requests = new ArrayList<>();

  /** @param answer the JSON body answering each request (200 OK) */
  public RequestRecorder(Function<Described, String> answer) {
    this.answer = answer;
  }

  /** Every request so far, in order. */
  public synchronized List<Described> requests() {
    return List.copyOf(requests);
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    Described described = new Described(request.httpMethod().name(), path(request),
        request.body() == null || request.body().length == 0 ? null
            : new String(request.body(), request.charset() == null ? StandardCharsets.UTF_8 : request.charset()));
    synchronized (this) {
      requests.add(described);
    }
    String json = answer.apply(described);
    Map<String, Collection<String>> headers = Map.of("Content-Type", List.of("application/json"));
    return Response.builder().request(request).status(200).reason("OK").headers(headers)
        .body(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8)).build();
  }

  /** The URL without the client's base URL: the API path with its query. */
  private static String path(Request request) {
    String url = request.url();
    String base = request.requestTemplate() == null || request.requestTemplate().feignTarget() == null
        ? null : request.requestTemplate().feignTarget().url();
    if (base != null && url.startsWith(base)) {
      return url.substring(base.length());
    }
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
