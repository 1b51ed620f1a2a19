package org.buddy4j.emulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes every API answer. Going through one place lets fault injection's "reset after apply" drop the
 * answer of a request whose state change already happened, whichever handler produced it.
 */
final class Replies {
  /** Routing-context flag set by {@link FaultInjector}: apply the request, then close without answering. */
  static final String RESET_AFTER_APPLY = "buddy4j.resetAfterApply";

  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private Replies() {
  }

  static void json(RoutingContext rc, int status, Object body) {
    Buffer buffer = body instanceof Buffer ? (Buffer) body : body instanceof JsonObject ? ((JsonObject) body).toBuffer()
      : body instanceof JsonArray ? ((JsonArray) body).toBuffer() : Buffer.buffer(String.valueOf(body));
    send(rc, status, buffer);
  }

  static void noContent(RoutingContext rc) {
    send(rc, 204, null);
  }

  /** An answer without a body, e.g. a 302 whose Location the handler set. */
  static void noContent(RoutingContext rc, int status) {
    send(rc, status, null);
  }

  static void error(RoutingContext rc, int status, String message) {
    send(rc, status, errorBody(message).toBuffer());
  }

  static JsonObject errorBody(String message) {
    return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)));
  }

  private static void send(RoutingContext rc, int status, Buffer body) {
    recordOutcome(rc, status);
    if (Boolean.TRUE.equals(rc.get(RESET_AFTER_APPLY)) && status < 400) {
      // The state change is done; the client must not learn whether it worked.
      rc.request().connection().close();
      return;
    }
    HttpServerResponse response = rc.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status);
    if (body == null) {
      response.end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON).end(body);
    }
  }

  /**
   * Notes in the request log what the emulator did, from the answer it decided on rather than the one the
   * client received (which may be none: a reset, or a client that went away). An outcome set earlier by
   * the gateway (rate limit, injected fault) is kept.
   */
  private static void recordOutcome(RoutingContext rc, int status) {
    LogEntry entry = rc.get(ApiGateway.LOG_ENTRY);
    if (entry != null && entry.outcome == null) {
      entry.outcome = status < 400 ? ApiGateway.OUTCOME_APPLIED : ApiGateway.OUTCOME_REFUSED;
    }
  }
}
