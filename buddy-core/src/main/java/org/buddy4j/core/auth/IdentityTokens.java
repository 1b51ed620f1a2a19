package org.buddy4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.buddy4j.core.BuddyJson;

/**
 * Where a CI job's OIDC identity token comes from, for {@link OidcTokenProvider}: a fixed value, a file
 * read at each exchange (as CI systems and Kubernetes refresh them), an environment variable, or GitHub
 * Actions' token request ({@code ACTIONS_ID_TOKEN_REQUEST_URL}), as Buddy's login action asks it. Errors name
 * the source, never the token.
 */
public final class IdentityTokens {
  private IdentityTokens() {}

  /** A fixed identity token. */
  public static Supplier<String> of(String token) {
    Objects.requireNonNull(token, "identity token");
    return () -> token;
  }

  /** The content of a file, read (and trimmed) at each exchange. */
  public static Supplier<String> fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    return () -> {
      try {
        return nonBlank(Files.readString(file, StandardCharsets.UTF_8), "the file " + file);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the OIDC identity token file " + file + ": " + e.getClass().getSimpleName(), e);
      }
    };
  }

  /** The value of an environment variable of {@code env} (e.g. {@code System.getenv()}), read at each exchange. */
  public static Supplier<String> fromEnvironment(String variable, Map<String, String> env) {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(env, "env");
    return () -> nonBlank(env.get(variable), "the environment variable " + variable);
  }

  /**
   * A fresh token from GitHub Actions for each exchange: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…}
   * with {@code Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN}, answered {@code {"value": "<jwt>"}}
   * (the job needs {@code permissions: id-token: write}). {@code audience} may be null.
   */
  public static Supplier<String> gitHubActions(String audience, Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    TokenEndpoint endpoint = new TokenEndpoint(Duration.ofSeconds(30));
    return () -> {
      String url = nonBlank(env.get("ACTIONS_ID_TOKEN_REQUEST_URL"), "ACTIONS_ID_TOKEN_REQUEST_URL (is id-token: write granted?)");
      String bearer = nonBlank(env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN"), "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
      if (audience != null) {
        url += (url.contains("?") ? "&" : "?") + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8);
      }
      URI uri = URI.create(url);
      HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer)
          .header("Accept", "application/json").GET().build();
      String answer = endpoint.send(request, uri.getPath(), "GitHub refused the identity token request", List.of(bearer));
      try {
        JsonNode value = BuddyJson.mapper().readTree(answer).path("value");
        return nonBlank(value.isTextual() ? value.asText() : null, "GitHub's identity token answer");
      } catch (IOException e) {
        throw new IllegalStateException("GitHub's identity token answer is not JSON", e);
      }
    };
  }

  private static String nonBlank(String value, String source) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("no OIDC identity token in " + source);
    }
    return value.trim();
  }
}
