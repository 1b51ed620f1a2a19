package org.buddy4j.emulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * One API request in the {@link RequestLog}: what arrived (method, path, query, operationId, body) and
 * what the emulator made of it (status, outcome, fault). Only plain fields are filled in while the
 * request is served; the JSON that {@code GET /__emulator/requests} shows, with secrets in the query
 * and body replaced by {@code "***"}, is built when someone asks for it, so logging costs a request
 * next to nothing. Touched only from the emulator's event loop.
 */
final class LogEntry {
  final String method;
  final String path;
  final String rawQuery;
  final String operationId;
  private final Buffer body;
  private final String contentType;
  long seq;
  /** The status sent; null while undecided, 0 when no answer was sent (see {@link ApiGateway}). */
  Integer status;
  /** What the emulator did ({@code ApiGateway.OUTCOME_*}); null while undecided. */
  String outcome;
  /** The fault injected, if any. */
  String fault;

  LogEntry(String method, String path, String rawQuery, String operationId, Buffer body, String contentType) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.operationId = operationId;
    this.body = body == null || body.length() == 0 ? null : body;
    this.contentType = contentType;
  }

  /** The entry as the admin API shows it, redacted. */
  JsonObject toJson(SecretRedactor redactor) {
    JsonObject json = new JsonObject()
      .put("method", method)
      .put("path", path)
      .put("query", redactedQuery(redactor))
      .put("operationId", operationId)
      .put("status", status)
      .put("outcome", outcome)
      .put("body", redactedBody(redactor))
      .put("seq", seq);
    if (fault != null) {
      json.put("fault", fault);
    }
    return json;
  }

  private Object redactedBody(SecretRedactor redactor) {
    if (body == null) {
      return null;
    }
    if (FormAwareRequestExtractor.isForm(contentType)) {
      return redactor.redact(FormAwareRequestExtractor.formToJson(body.toString()));
    }
    try {
      return redactor.redact(Json.decodeValue(body));
    } catch (DecodeException e) {
      // Unparseable text could hold a secret anywhere; keep only its size.
      return "<" + body.length() + " bytes, not JSON>";
    }
  }

  private String redactedQuery(SecretRedactor redactor) {
    if (rawQuery == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(eq >= 0 && redactor.isSecret(key) ? key + "=" + SecretRedactor.MASK : pair);
    }
    return out.toString();
  }
}
