package org.buddy4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyTransportException;
import org.buddy4j.core.http.jdk.HttpClientThreads;

/**
 * One request to an endpoint that hands out tokens ({@code /oauth2/token}, {@code /user/oidc/tokens}),
 * sent once with the JDK client: it cannot go through the client's own transport, which asks the token
 * provider for a bearer token first. What a refusal says is reported only after the request's secrets
 * and any secret field of the answer are masked.
 */
final class TokenEndpoint {
  private final HttpClient http;

  TokenEndpoint(Duration connectTimeout) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
  }

  /**
   * Sends {@code request} and returns the body of a 2xx answer. Any other answer is a
   * {@link BuddyAuthenticationException} carrying {@code refusal} and Buddy's messages, with {@code secrets}
   * masked in them.
   */
  String send(HttpRequest request, String path, String refusal, List<String> secrets) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BuddyTransportException(request.method() + " " + path + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuddyTransportException("interrupted while requesting a token (" + path + ")", null);
    }
    if (response.statusCode() / 100 != 2) {
      throw new BuddyAuthenticationException(response.statusCode(), request.method(), path,
          messages(refusal, response.body(), secrets), null);
    }
    return response.body();
  }

  /** Ends the JDK client's threads; sends afterwards fail. */
  void close() {
    HttpClientThreads.close(http);
  }

  private static List<String> messages(String refusal, String body, List<String> secrets) {
    Redactor redactor = Redactor.standard();
    secrets.forEach(redactor::addSecret);
    List<String> out = new ArrayList<>();
    out.add(refusal);
    try {
      JsonNode json = BuddyJson.mapper().readTree(body == null ? "" : body);
      if (json != null) {
        for (JsonNode e : json.path("errors")) {
          if (e.hasNonNull("message")) {
            out.add(redactor.scrub(e.get("message").asText()));
          }
        }
      }
    } catch (IOException notJson) {
      // the status says enough; a body that is not JSON may be anything, so it is not shown
    }
    return out;
  }
}
