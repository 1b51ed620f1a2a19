package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;

/**
 * Turns routing failures into Buddy's error body. The OpenAPI router reports a request that breaks the
 * spec as a bare 400; this names the field instead, e.g. "Invalid value for field 'priority': Instance
 * does not match any of [LOW, NORMAL, HIGH]".
 */
final class FailureReplies implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure instanceof ApiError) {
      Replies.error(rc, ((ApiError) failure).status(), failure.getMessage());
      return;
    }
    if (failure instanceof HttpException) {
      HttpException http = (HttpException) failure;
      Throwable cause = http.getCause();
      String message = cause instanceof ValidatorException ? describe((ValidatorException) cause)
        : http.getPayload() != null ? http.getPayload() : "HTTP " + http.getStatusCode();
      Replies.error(rc, http.getStatusCode(), message);
      return;
    }
    if (failure == null) {
      int status = rc.statusCode() < 400 ? 500 : rc.statusCode();
      Replies.error(rc, status, status == 404 ? "Not found" : status == 405 ? "Method not allowed" : "HTTP " + status);
      return;
    }
    Replies.error(rc, 500, "Emulator error: " + failure);
  }

  static String describe(ValidatorException e) {
    if (e instanceof SchemaValidationException) {
      OutputUnit unit = ((SchemaValidationException) e).getOutputUnit();
      List<OutputUnit> errors = unit == null ? null : unit.getErrors();
      if (errors != null && !errors.isEmpty()) {
        OutputUnit last = errors.get(errors.size() - 1);
        String location = last.getInstanceLocation();
        String field = location == null ? "" : location.replaceFirst("^#/?", "").replace('/', '.');
        if (!field.isEmpty() && e.getMessage().contains("request body")) {
          return "Invalid value for field '" + field + "': " + last.getError();
        }
      }
    }
    return e.getMessage();
  }
}
