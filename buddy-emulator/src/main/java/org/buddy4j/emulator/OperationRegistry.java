package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps each spec {@code operationId} to the handler that answers it. {@link BuddyEmulator} attaches
 * them to the routes the RouterBuilder made from the spec, so no route is written by hand.
 */
final class OperationRegistry {
  /** An operation's logic; an {@link ApiError} it throws becomes Buddy's error body. */
  @FunctionalInterface
  interface OperationHandler {
    void handle(ApiRequest request);
  }

  private final Map<String, Handler<RoutingContext>> handlers = new LinkedHashMap<>();
  private final Runnable changed;

  /** @param changed told before and after every request but a GET is handled: it may change the state */
  OperationRegistry(Runnable changed) {
    this.changed = changed;
  }

  OperationRegistry on(String operationId, OperationHandler handler) {
    handlers.put(operationId, rc -> {
      boolean write = rc.request().method() != HttpMethod.GET;
      if (write) {
        changed.run();
      }
      try {
        handler.handle(new ApiRequest(rc));
      } catch (ApiError e) {
        Replies.error(rc, e.status(), e.getMessage());
      } finally {
        if (write) {
          changed.run();
        }
      }
    });
    return this;
  }

  Handler<RoutingContext> handler(String operationId) {
    return handlers.get(operationId);
  }

  boolean has(String operationId) {
    return handlers.containsKey(operationId);
  }

  /** The operationIds that have a handler, in registration order. */
  java.util.Set<String> operationIds() {
    return java.util.Collections.unmodifiableSet(handlers.keySet());
  }
}
