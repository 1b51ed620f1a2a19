package org.buddy4j.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.errors.BuddyApiException;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyNotImplementedException;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyPermissionException;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.errors.BuddyServerException;
import org.buddy4j.core.errors.BuddyValidationException;
import org.buddy4j.core.ratelimit.RateLimitStatus;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * Turns an error answer into the typed {@code BuddyException} the caller acts on, with Buddy's
 * {@code errors[].message} (or legacy {@code error}) and no request header or body in the message.
 * A 5xx answer to a POST or PATCH is {@link BuddyOutcomeUnknownException}: the run may have started —
 * except 501, which says the server supports no such request, so nothing was applied
 * ({@link BuddyNotImplementedException}). A 4xx answer is always a definite refusal.
 */
final class BuddyErrorDecoder implements ErrorDecoder {
  private static final int MAX_BODY = 64 * 1024;

  private final Redactor redactor;
  private final String baseUrl;
  private final Clock clock;

  BuddyErrorDecoder(Redactor redactor, String baseUrl, Clock clock) {
    this.redactor = redactor;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String method = response.request().httpMethod().name();
    String path = ResilientClient.pathOf(response.request().url(), baseUrl);
    List<String> messages = messages(response);
    RateLimitStatus rateLimit = RateLimitTracker.read(response.headers(), clock.instant());
    int status = response.status();
    switch (status) {
      case 400:
      case 422:
        return new BuddyValidationException(status, method, path, messages, rateLimit);
      case 401:
        return new BuddyAuthenticationException(status, method, path, messages, rateLimit);
      case 403:
        return new BuddyPermissionException(status, method, path, messages, rateLimit);
      case 404:
        return new BuddyNotFoundException(status, method, path, messages, rateLimit);
      case 429:
        return new BuddyRateLimitException(method, path, messages, rateLimit);
      case 501:
        return new BuddyNotImplementedException(method, path, messages, rateLimit);
      default:
        break;
    }
    if (status >= 500) {
      BuddyServerException server = new BuddyServerException(status, method, path, messages, rateLimit);
      return ResilientClient.isIdempotent(method)
          ? server
          : new BuddyOutcomeUnknownException(method, path, "Buddy answered HTTP " + status, server);
    }
    return new BuddyApiException(status, method, path, messages, rateLimit);
  }

  private List<String> messages(Response response) {
    List<String> out = new ArrayList<>();
    if (response.body() == null) {
      return out;
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      JsonNode json = BuddyJson.mapper().readTree(bytes);
      if (json != null) {
        for (JsonNode e : json.path("errors")) {
          String m = e.path("message").asText(null);
          if (m != null) {
            out.add(redactor.scrub(m));
          }
        }
        if (out.isEmpty() && json.hasNonNull("error")) {
          out.add(redactor.scrub(json.get("error").asText()));
        }
      }
    } catch (Exception unreadable) {
      // not JSON (a proxy's HTML page, say): the status says enough
    }
    return out;
  }
}
