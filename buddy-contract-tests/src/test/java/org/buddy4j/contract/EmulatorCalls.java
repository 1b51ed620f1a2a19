package org.buddy4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Provider-state set-up calls to the emulator under verification: its admin API ({@code /__emulator/…})
 * and its Buddy API with the pacts' token. Shared by {@link ProviderVerificationTest} and the per-family
 * state classes it registers.
 */
final class EmulatorCalls {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String seed;

  EmulatorCalls(String baseUrl, String seed) {
    this.baseUrl = baseUrl;
    this.seed = seed;
  }

  /** Loads the provider seed: every state starts from it. */
  void loadSeed() {
    admin("POST", "/seed", seed);
  }

  JsonNode admin(String method, String path, String body) {
    return send(method, "/__emulator" + path, body, null, 200);
  }

  JsonNode api(String method, String path, String body, int expected) {
    return send(method, path, body, Contract.TOKEN, expected);
  }

  private JsonNode send(String method, String path, String body, String token, int expected) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException("provider state setup: " + method + " " + path + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? PactFiles.JSON.nullNode() : PactFiles.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("provider state setup: " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
