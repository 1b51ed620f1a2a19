package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to every Buddy API request before the spec's route handles it, in this order: it is
 * logged (secrets redacted), counted against its token's rate limit (the {@code X-Rate-Limit-*}
 * headers go on every answer, errors included; 429 over the limit), matched to a spec operation (404
 * if none), authenticated (401 without a known, unexpired bearer token, except for operations with
 * {@code security: []}), and put through fault injection (latency, an injected error status, a
 * connection reset after the request is applied, or holding it before applying it); then handed to
 * its operation's handler chain.
 */
final class ApiGateway implements Handler<RoutingContext> {
  static final String ADMIN_PREFIX = "/__emulator";
  static final String LOG_ENTRY = "buddy4j.logEntry";
  static final String OPERATION_ID = "buddy4j.operationId";
  // A log entry's "outcome" is what the emulator did with the request, recorded when it decides, so it holds
  // even when the client never receives the answer (status 0: a reset, or a client killed during latency).
  // null until decided (e.g. during injected latency).
  /** The request took effect (a read was served), whether or not the answer reached the client. */
  static final String OUTCOME_APPLIED = "applied";
  /** Answered 4xx/5xx by a handler or the gateway (unknown path, bad token, invalid body): nothing changed. */
  static final String OUTCOME_REFUSED = "refused";
  /** An injected fault status answered instead: the request was never applied. */
  static final String OUTCOME_REFUSED_BY_FAULT = "refused-by-fault";
  /** Over the rate limit (429): refused before anything else happened. */
  static final String OUTCOME_RATE_LIMITED = "rate-limited";

  // Header names with their hash computed once (Vert.x hashes a plain String name on every set).
  private static final CharSequence RATE_LIMIT_LIMIT = HttpHeaders.createOptimized("X-Rate-Limit-Limit");
  private static final CharSequence RATE_LIMIT_REMAINING = HttpHeaders.createOptimized("X-Rate-Limit-Remaining");
  private static final CharSequence RATE_LIMIT_RESET = HttpHeaders.createOptimized("X-Rate-Limit-Reset");

  private final Vertx vertx;
  private final Emulation emulation;
  private final Map<String, Handler<RoutingContext>> operations;
  private static final int KNOWN_PATHS = 4096;
  private final Map<String, Operation> knownOperations = new ConcurrentHashMap<>();

  /** @param operations each operationId's handler chain (validation, then the operation's logic) */
  ApiGateway(Vertx vertx, Emulation emulation, Map<String, Handler<RoutingContext>> operations) {
    this.vertx = vertx;
    this.emulation = emulation;
    this.operations = operations;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    String path = request.path();
    if (path.startsWith(ADMIN_PREFIX + "/") || path.equals(ADMIN_PREFIX)) {
      rc.next();
      return;
    }
    Operation operation = operation(path, request.method());
    String operationId = operation == null ? null : operation.getOperationId();
    rc.put(OPERATION_ID, operationId);
    LogEntry entry = logEntry(rc, operationId);

    String token = bearerToken(request);
    RateLimiter.Decision decision = emulation.rateLimiter().take(token == null ? "anonymous" : token);
    rc.addHeadersEndHandler(v -> rc.response().headers()
      .set(RATE_LIMIT_LIMIT, String.valueOf(decision.limit))
      .set(RATE_LIMIT_REMAINING, String.valueOf(decision.remaining))
      .set(RATE_LIMIT_RESET, String.valueOf(decision.resetEpochSeconds)));
    if (!decision.allowed) {
      entry.outcome = OUTCOME_RATE_LIMITED;
      long wait = Math.max(0, decision.resetEpochSeconds - System.currentTimeMillis() / 1000);
      rc.response().putHeader("Retry-After", String.valueOf(wait));
      Replies.error(rc, 429, "Rate limit exceeded: " + decision.limit + " requests per "
        + emulation.rateLimiter().windowSeconds() + " s; retry after the X-Rate-Limit-Reset time");
      return;
    }
    if (operation == null) {
      Replies.error(rc, 404, "Not found: " + request.method() + " " + path);
      return;
    }
    if (!operation.getSecurityRequirements().isEmpty()) {
      String rejection = emulation.state().rejectToken(token);
      if (rejection != null) {
        Replies.error(rc, 401, rejection);
        return;
      }
    }
    FaultInjector.Verdict verdict = emulation.faults().judge(request.method().name(), operationId, path);
    if (verdict.latencyMs > 0) {
      vertx.setTimer(verdict.latencyMs, id -> proceed(rc, verdict, entry));
    } else {
      proceed(rc, verdict, entry);
    }
  }

  /**
   * The spec operation of a path and method, remembered (a few thousand paths at most): the contract
   * splits the path and compares it with every path of as many segments on each call.
   */
  private Operation operation(String path, HttpMethod method) {
    String key = method.name() + ' ' + path;
    Operation known = knownOperations.get(key);
    if (known != null) {
      return known;
    }
    Operation found = emulation.spec.contract().findOperation(path, method);
    if (found != null) {
      if (knownOperations.size() >= KNOWN_PATHS) {
        knownOperations.clear();
      }
      knownOperations.put(key, found);
    }
    return found;
  }

  private void proceed(RoutingContext rc, FaultInjector.Verdict verdict, LogEntry entry) {
    if (verdict.applyAfterMs > 0) {
      entry.fault = "applied after " + verdict.applyAfterMs + " ms";
      java.time.Instant due = emulation.clock().now().plusMillis(verdict.applyAfterMs);
      holdUntil(due, () -> release(rc, verdict, entry));
      return;
    }
    release(rc, verdict, entry);
  }

  /** Runs {@code then} once the simulated clock reaches {@code due} (checked every few real ms). */
  private void holdUntil(java.time.Instant due, Runnable then) {
    if (!emulation.clock().now().isBefore(due)) {
      then.run();
    } else {
      vertx.setTimer(5, id -> holdUntil(due, then));
    }
  }

  private void release(RoutingContext rc, FaultInjector.Verdict verdict, LogEntry entry) {
    if (verdict.status != null) {
      entry.fault = "status " + verdict.status;
      entry.outcome = OUTCOME_REFUSED_BY_FAULT;
      String echoed = verdict.echoBody && rc.body() != null && rc.body().length() > 0 ? ": " + rc.body().asString() : "";
      Replies.error(rc, verdict.status, "Injected fault: HTTP " + verdict.status + echoed);
      return;
    }
    if (verdict.resetAfterApply) {
      entry.fault = "reset after apply";
      rc.put(Replies.RESET_AFTER_APPLY, true);
    }
    try {
      operations.get((String) rc.get(OPERATION_ID)).handle(rc);
    } catch (RuntimeException e) {
      rc.fail(e); // as the router does with a handler's exception (this may run in a timer, outside it)
    }
  }

  private LogEntry logEntry(RoutingContext rc, String operationId) {
    HttpServerRequest request = rc.request();
    // Only references to what arrived: the redacted JSON is built when the admin API shows the log.
    LogEntry entry = new LogEntry(request.method().name(), request.path(), request.query(), operationId,
      rc.body() == null ? null : rc.body().buffer(), request.getHeader("Content-Type"));
    emulation.requestLog.add(entry);
    rc.put(LOG_ENTRY, entry);
    // 0 means no answer was sent (the connection was closed, e.g. by a reset-after-apply fault).
    rc.addEndHandler(ar -> entry.status = ar.succeeded() && rc.response().ended()
      && !Boolean.TRUE.equals(rc.get(Replies.RESET_AFTER_APPLY)) ? rc.response().getStatusCode() : 0);
    return entry;
  }

  /** {@code Authorization: Bearer <token>}, or the {@code access_token} query parameter the docs also show. */
  static String bearerToken(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return request.getParam("access_token");
  }
}
