package org.buddy4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.errors.BuddyAuthenticationException;

/**
 * A Buddy token for a CI job, from its OIDC identity token: {@code POST /user/oidc/tokens} with
 * {@code {provider_id, web_identity_token}} and no bearer token, as Buddy's login action does. The answer is
 * JSON with {@code token} (or {@code access_token}, {@code buddy_token}) or the bare token as text.
 *
 * <p>The Buddy token is kept for {@link Builder#maxAge} when set, else until Buddy answers 401 to it; then
 * a fresh identity token is taken from the supplier ({@link IdentityTokens}) and exchanged once. An exchange
 * is sent once: a failure is reported, not repeated. Neither token is ever printed.
 */
public final class OidcTokenProvider implements TokenProvider {
  private static final String PATH = "/user/oidc/tokens";

  private final URI exchangeUri;
  private final String providerId;
  private final Supplier<String> identityToken;
  private final Duration maxAge;
  private final Clock clock;
  private final TokenEndpoint endpoint;
  private final CachedToken cached;

  private OidcTokenProvider(Builder b) {
    this.exchangeUri = URI.create(b.endpoint.baseUrl() + PATH);
    this.providerId = b.providerId;
    this.identityToken = b.identityToken;
    this.maxAge = b.maxAge;
    this.clock = b.clock;
    this.endpoint = new TokenEndpoint(b.timeout);
    this.cached = new CachedToken(this::exchange, b.skew, b.clock);
  }

  /**
   * Starts a provider for the workspace's OIDC provider (its UUID in Buddy) and a source of the CI job's
   * identity token, asked once per exchange.
   */
  public static Builder builder(String providerId, Supplier<String> identityToken) {
    return new Builder(providerId, identityToken);
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

  private CachedToken.Fetched exchange() {
    String jwt = identityToken.get();
    if (jwt == null || jwt.isBlank()) {
      throw new IllegalStateException("the OIDC identity token source gave no token");
    }
    jwt = jwt.trim();
    String body;
    try {
      body = BuddyJson.mapper().writeValueAsString(Map.of("provider_id", providerId, "web_identity_token", jwt));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the OIDC exchange body", e);
    }
    HttpRequest request = HttpRequest.newBuilder(exchangeUri)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    String answer = endpoint.send(request, PATH, "OIDC token exchange refused (provider " + providerId + ")", List.of(jwt));
    String token = tokenOf(answer);
    if (token == null) {
      throw new BuddyAuthenticationException(200, "POST", PATH,
          List.of("no token in the answer (expected token, access_token or buddy_token)"), null);
    }
    return new CachedToken.Fetched(token, maxAge == null ? null : clock.instant().plus(maxAge));
  }

  /** The token in an answer: JSON's token, access_token or buddy_token, or the bare text (as Buddy's login action reads it). */
  static String tokenOf(String answer) {
    String text = answer == null ? "" : answer.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (!text.startsWith("{")) {
      return text;
    }
    JsonNode json;
    try {
      json = BuddyJson.mapper().readTree(text);
    } catch (IOException notJson) {
      return text;
    }
    for (String field : List.of("token", "access_token", "buddy_token")) {
      JsonNode v = json.path(field);
      if (v.isTextual() && !v.asText().isBlank()) {
        return v.asText().trim();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "OidcTokenProvider[" + exchangeUri + ", provider " + providerId + ", token ***]";
  }

  /** Configures an {@link OidcTokenProvider}. */
  public static final class Builder {
    private final String providerId;
    private final Supplier<String> identityToken;
    private BuddyEndpoint endpoint = BuddyEndpoint.US;
    private Duration maxAge;
    private Duration skew = Duration.ZERO;
    private Duration timeout = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder(String providerId, Supplier<String> identityToken) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
      if (providerId.isBlank()) {
        throw new IllegalArgumentException("the OIDC provider ID is empty");
      }
      this.identityToken = Objects.requireNonNull(identityToken, "identityToken");
    }

    /** The installation to exchange with (the same as the API's). */
    public Builder endpoint(BuddyEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint);
      return this;
    }

    /**
     * Exchange again once a token is this old (less {@link #refreshBeforeExpiry}). Unset, a token is kept until
     * Buddy answers 401 to it: the exchange's answer does not say how long the token lasts.
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = Objects.requireNonNull(maxAge);
      return this;
    }

    /** With {@link #maxAge}: exchange this long before it runs out (default zero). */
    public Builder refreshBeforeExpiry(Duration skew) {
      this.skew = Objects.requireNonNull(skew);
      return this;
    }

    /** The connect timeout of the exchange. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** The clock to judge {@link #maxAge} by (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public OidcTokenProvider build() {
      return new OidcTokenProvider(this);
    }
  }
}
