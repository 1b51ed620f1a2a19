package org.buddy4j.emulator;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Extracts requests for validation like {@link RequestExtractor#withBodyHandler()}, except that an
 * {@code application/x-www-form-urlencoded} body (the OAuth token endpoint, {@code POST /oauth2/token})
 * is validated as the equivalent JSON object: vertx-openapi cannot validate form bodies itself.
 */
final class FormAwareRequestExtractor implements RequestExtractor {
  /** Routing-context key under which the form body, converted to JSON, is stored. */
  static final String FORM_AS_JSON = "buddy4j.formAsJson";

  @Override
  public Future<ValidatableRequest> extractValidatableRequest(RoutingContext rc, Operation operation) {
    Buffer raw = rc.body() == null ? null : rc.body().buffer();
    String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (operation.getRequestBody() != null && isForm(contentType)) {
      JsonObject json = formToJson(raw == null ? "" : raw.toString(StandardCharsets.UTF_8));
      rc.put(FORM_AS_JSON, json);
      return RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(json.toBuffer()))
        .map(vr -> new ValidatableRequestImpl(vr.getCookies(), vr.getHeaders(), vr.getPathParameters(),
          vr.getQuery(), new RequestParameterImpl(json.toBuffer()), "application/json"));
    }
    PathParameters plan = pathParameters.computeIfAbsent(operation, PathParameters::of);
    if (plan == null) {
      return RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(raw));
    }
    try {
      return Future.succeededFuture(plan.extract(rc.request(), operation, raw, contentType));
    } catch (IllegalArgumentException undecodable) {
      // A value that does not URL-decode: RequestUtils reports it (with its own error).
      return RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(raw));
    }
  }

  // By operation; null (not stored) for operations with parameters other than path ones and simple queries.
  private final Map<Operation, PathParameters> pathParameters = new ConcurrentHashMap<>();

  /**
   * What {@link RequestUtils#extract} does for an operation whose parameters are in the path or are
   * simple (not array, not object) query parameters, with each path parameter's segment found once:
   * {@code extract} counted the slashes of the operation's path and split the request's path again for
   * every parameter of every request. The values and their decoding are {@code extract}'s.
   */
  private record PathParameters(String[] names, int[] segments, String[] queries) {
    static PathParameters of(Operation operation) {
      List<String> names = new ArrayList<>();
      List<Integer> segments = new ArrayList<>();
      List<String> queries = new ArrayList<>();
      for (Parameter param : operation.getParameters()) {
        if (param.getIn() == Location.PATH) {
          String template = operation.getAbsoluteOpenAPIPath();
          String before = template.substring(0, template.indexOf("{" + param.getName() + "}"));
          names.add(param.getName());
          segments.add((int) before.chars().filter(c -> c == '/').count());
        } else if (param.getIn() == Location.QUERY && param.getSchemaType() != SchemaType.ARRAY
            && param.getSchemaType() != SchemaType.OBJECT) {
          queries.add(param.getName());
        } else {
          return null;
        }
      }
      return new PathParameters(names.toArray(new String[0]), segments.stream().mapToInt(i -> i).toArray(),
        queries.toArray(new String[0]));
    }

    ValidatableRequest extract(HttpServerRequest request, Operation operation, Buffer body, String contentType) {
      Map<String, RequestParameter> path = new HashMap<>();
      if (names.length > 0) {
        String[] parts = request.path().substring(1).split("/");
        for (int i = 0; i < names.length; i++) {
          path.put(names[i], parts.length < segments[i] ? EMPTY : new RequestParameterImpl(decode(parts[segments[i] - 1])));
        }
      }
      Map<String, RequestParameter> query = new HashMap<>();
      for (String name : queries) {
        String first = request.params().get(name);
        query.put(name, first == null ? EMPTY : new RequestParameterImpl(decode(first)));
      }
      Map<String, RequestParameter> none = new HashMap<>();
      return operation.getRequestBody() == null ? new ValidatableRequestImpl(none, new HashMap<>(), path, query)
        : new ValidatableRequestImpl(none, new HashMap<>(), path, query, new RequestParameterImpl(body), contentType);
    }

    private static String decode(String encoded) {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
  }

  private static final RequestParameter EMPTY = new RequestParameterImpl(null);

  static boolean isForm(String contentType) {
    return contentType != null && contentType.toLowerCase().startsWith(SpecContract.FORM);
  }

  /** Decodes {@code a=1&b=2} into {"a":"1","b":"2"} (form values are always strings). */
  static JsonObject formToJson(String form) {
    JsonObject json = new JsonObject();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      json.put(key, value);
    }
    return json;
  }
}
