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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
    return RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(raw));
  }

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
