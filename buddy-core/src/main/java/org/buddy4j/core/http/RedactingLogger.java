package org.buddy4j.core.http;

import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Util;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.buddy4j.core.Redactor;

/**
 * Feign's request/response log, through SLF4J ({@code org.buddy4j.core.http}, DEBUG), with every
 * line redacted: the Authorization header is masked, secret JSON fields and encrypted variable
 * values in bodies are masked, and any known token is masked wherever it appears. Generated models
 * are never logged, only the bytes on the wire, redacted.
 */
final class RedactingLogger extends Logger {
  private final Redactor redactor;

  RedactingLogger(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (HttpLog.LOG.isDebugEnabled()) {
      HttpLog.LOG.debug(redactor.scrub(methodTag(configKey) + String.format(format, args)));
    }
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (!HttpLog.LOG.isDebugEnabled()) {
      return;
    }
    log(configKey, "---> %s %s", request.httpMethod().name(), request.url());
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, request.headers());
    }
    if (logLevel.ordinal() >= Level.FULL.ordinal() && request.body() != null) {
      log(configKey, "%s", redactor.redactJson(new String(request.body(), StandardCharsets.UTF_8)));
    }
    log(configKey, "---> END %s (%s-byte body)", request.httpMethod().name(),
        request.body() == null ? 0 : request.body().length);
  }

  @Override
  protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
      throws IOException {
    if (!HttpLog.LOG.isDebugEnabled()) {
      return response;
    }
    log(configKey, "<--- %s %s (%sms)", response.status(), response.reason() == null ? "" : response.reason(), elapsedTime);
    if (logLevel.ordinal() >= Level.HEADERS.ordinal()) {
      logHeaders(configKey, response.headers());
    }
    if (logLevel.ordinal() >= Level.FULL.ordinal() && response.body() != null) {
      byte[] body = Util.toByteArray(response.body().asInputStream());
      if (body.length > 0) {
        log(configKey, "%s", redactor.redactJson(new String(body, StandardCharsets.UTF_8)));
      }
      log(configKey, "<--- END HTTP (%s-byte body)", body.length);
      return response.toBuilder().body(body).build();
    }
    return response;
  }

  private void logHeaders(String configKey, Map<String, Collection<String>> headers) {
    headers.forEach((name, values) -> values.forEach(v -> log(configKey, "%s: %s", name, redactor.redactHeader(name, v))));
  }
}
