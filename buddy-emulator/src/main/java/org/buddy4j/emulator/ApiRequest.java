package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

/** The parts of a request that passed the spec's validation, read by operation handlers. */
final class ApiRequest {
  final RoutingContext rc;
  private final ValidatedRequest validated;

  ApiRequest(RoutingContext rc) {
    this.rc = rc;
    this.validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  String path(String name) {
    RequestParameter p = validated == null ? null : validated.getPathParameters().get(name);
    return p == null || p.isNull() ? rc.pathParam(name) : String.valueOf(p.get());
  }

  int pathInt(String name) {
    return Integer.parseInt(path(name));
  }

  String workspace() {
    return path("workspace");
  }

  String project() {
    return path("project_name");
  }

  Integer queryInt(String name, int defaultValue) {
    RequestParameter p = validated == null ? null : validated.getQuery().get(name);
    if (p == null || p.isNull()) {
      return defaultValue;
    }
    return ((Number) p.get()).intValue();
  }

  String queryString(String name) {
    RequestParameter p = validated == null ? null : validated.getQuery().get(name);
    return p == null || p.isNull() ? null : String.valueOf(p.get());
  }

  /** The JSON body (a form body arrives here converted to JSON); empty when there is none. */
  JsonObject body() {
    JsonObject form = rc.get(FormAwareRequestExtractor.FORM_AS_JSON);
    if (form != null) {
      return form;
    }
    if (validated != null && validated.getBody() != null && !validated.getBody().isNull()) {
      Object value = validated.getBody().get();
      if (value instanceof JsonObject) {
        return (JsonObject) value;
      }
    }
    return new JsonObject();
  }
}
