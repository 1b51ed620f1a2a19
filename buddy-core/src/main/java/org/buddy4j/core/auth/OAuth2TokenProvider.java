package org.buddy4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyTransportException;

/**
 * OAuth 2.0 access tokens from {@code POST /oauth2/token}: obtained with client credentials, a
 * refresh token or an authorization code, refreshed shortly before they expire and once more when
 * Buddy answers 401. Tokens of OAuth apps made after March 2022 last 8 hours.
 *
 * <p>The token request is sent form-encoded (the OAuth standard, and what Buddy's PHP SDK sends).
 * It is sent once per refresh: a failed refresh is reported, not repeated.
 */
public final class OAuth2TokenProvider implements TokenProvider {
  private static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  private final URI tokenUri;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Duration skew;
  private final Clock clock;
  private final HttpClient http;

  private String accessToken;
  private String refreshToken;
  private Instant expiresAt = Instant.MIN;
  private String pendingCode;
  private String redirectUri;
  private String codeVerifier;

  private OAuth2TokenProvider(Builder b) {
    this.tokenUri = URI.create(b.endpoint.baseUrl() + "/oauth2/token");
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(b.clientSecret, "clientSecret");
    this.scope = b.scope;
    this.refreshToken = b.refreshToken;
    this.pendingCode = b.code;
    this.redirectUri = b.redirectUri;
    this.codeVerifier = b.codeVerifier;
    this.skew = b.skew;
    this.clock = b.clock;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(b.timeout).build();
  }

  /** Starts a provider for an OAuth app's client ID and secret. */
  public static Builder builder(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret);
  }

  @Override
  public synchronized String token() {
    if (accessToken == null || !clock.instant().isBefore(expiresAt.minus(skew))) {
      fetch();
    }
    return accessToken;
  }

  @Override
  public synchronized boolean refreshAfterUnauthorized(String rejected) {
    if (accessToken != null && !accessToken.equals(rejected)) {
      return true; // another thread already refreshed
    }
    accessToken = null;
    fetch();
    return accessToken != null && !accessToken.equals(rejected);
  }

  private void fetch() {
    Map<String, String> form = new LinkedHashMap<>();
    if (pendingCode != null) {
      form.put("grant_type", "authorization_code");
      form.put("code", pendingCode);
      if (redirectUri != null) {
        form.put("redirect_uri", redirectUri);
      }
      if (codeVerifier != null) {
        form.put("code_verifier", codeVerifier);
      }
    } else if (refreshToken != null) {
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", refreshToken);
    } else {
      form.put("grant_type", "client_credentials");
      if (scope != null) {
        form.put("scope", scope);
      }
    }
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(tokenUri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BuddyTransportException("POST /oauth2/token failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuddyTransportException("interrupted while requesting an OAuth token", null);
    }
    if (response.statusCode() / 100 != 2) {
      // The body may echo the grant; only the status is reported.
      throw new BuddyAuthenticationException(response.statusCode(), "POST", "/oauth2/token",
          java.util.List.of(form.get("grant_type") + " grant refused"), null);
    }
    JsonNode json;
    try {
      json = BuddyJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new BuddyTransportException("POST /oauth2/token answered with unreadable JSON", null);
    }
    accessToken = json.path("access_token").asText(null);
    if (accessToken == null || accessToken.isBlank()) {
      throw new BuddyAuthenticationException(response.statusCode(), "POST", "/oauth2/token",
          java.util.List.of("no access_token in the answer"), null);
    }
    long expiresIn = json.path("expires_in").asLong(8 * 3600);
    expiresAt = clock.instant().plusSeconds(expiresIn);
    if (json.hasNonNull("refresh_token")) {
      refreshToken = json.get("refresh_token").asText();
    }
    pendingCode = null; // a code is single-use
    codeVerifier = null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "OAuth2TokenProvider[" + tokenUri + ", client " + clientId + ", token ***]";
  }

  /** Configures an {@link OAuth2TokenProvider}. */
  public static final class Builder {
    private final String clientId;
    private final String clientSecret;
    private BuddyEndpoint endpoint = BuddyEndpoint.US;
    private String scope;
    private String refreshToken;
    private String code;
    private String redirectUri;
    private String codeVerifier;
    private Duration skew = DEFAULT_SKEW;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    /** Where the token endpoint lives (the same installation as the API). */
    public Builder endpoint(BuddyEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /** Space-separated scopes, for the client-credentials grant. */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /** Start from a refresh token (refresh_token grant). */
    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Start from an authorization code (authorization_code grant, optionally with PKCE). */
    public Builder authorizationCode(String code, String redirectUri, String codeVerifier) {
      this.code = code;
      this.redirectUri = redirectUri;
      this.codeVerifier = codeVerifier;
      return this;
    }

    /** Refresh this long before the token expires (default 60 s). */
    public Builder refreshBeforeExpiry(Duration skew) {
      this.skew = Objects.requireNonNull(skew);
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** The clock to judge expiry by (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public OAuth2TokenProvider build() {
      return new OAuth2TokenProvider(this);
    }
  }
}
