package org.buddy4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * It is sent once per refresh: a failed refresh is reported, not repeated ({@link CachedToken}).
 * {@link OAuthAuthorizeUrl} builds the browser URL that yields an authorization code.
 */
public final class OAuth2TokenProvider implements TokenProvider {
  private static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  private final URI tokenUri;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final Clock clock;
  private final TokenEndpoint endpoint;
  private final CachedToken cached;

  // The grant's state, changed only by fetch(), which CachedToken calls under its lock.
  private String refreshToken;
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
    this.clock = b.clock;
    this.endpoint = new TokenEndpoint(b.timeout);
    this.cached = new CachedToken(this::fetch, b.skew, b.clock);
  }

  /** Starts a provider for an OAuth app's client ID and secret. */
  public static Builder builder(String clientId, String clientSecret) {
    return new Builder(clientId, clientSecret);
  }

  @Override
  public String token() {
    return cached.get();
  }

  @Override
  public boolean refreshAfterUnauthorized(String rejected) {
    return cached.refreshAfterUnauthorized(rejected);
  }

  /** Ends the token endpoint's HTTP client (its selector thread). */
  @Override
  public void close() {
    endpoint.close();
  }

  private CachedToken.Fetched fetch() {
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
    List<String> secrets = form.entrySet().stream().filter(e -> !e.getKey().equals("grant_type")
        && !e.getKey().equals("client_id") && !e.getKey().equals("scope")).map(Map.Entry::getValue).toList();
    String answer = endpoint.send(request, "/oauth2/token", form.get("grant_type") + " grant refused", secrets);
    JsonNode json;
    try {
      json = BuddyJson.mapper().readTree(answer);
    } catch (IOException e) {
      throw new BuddyTransportException("POST /oauth2/token answered with unreadable JSON", null);
    }
    String accessToken = json.path("access_token").asText(null);
    if (accessToken == null || accessToken.isBlank()) {
      throw new BuddyAuthenticationException(200, "POST", "/oauth2/token", List.of("no access_token in the answer"), null);
    }
    long expiresIn = json.path("expires_in").asLong(8 * 3600);
    if (json.hasNonNull("refresh_token")) {
      refreshToken = json.get("refresh_token").asText();
    }
    pendingCode = null; // a code is single-use
    codeVerifier = null;
    return new CachedToken.Fetched(accessToken, clock.instant().plusSeconds(expiresIn));
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
