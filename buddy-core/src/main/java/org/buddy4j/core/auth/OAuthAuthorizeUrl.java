package org.buddy4j.core.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyEndpoint;

/**
 * The browser URL that asks a user to authorize an OAuth application ({@code GET /oauth2/authorize},
 * {@code authorizeOAuth} in the spec), on the installation of the given endpoint, built as Buddy's PHP SDK's
 * {@code getAuthorizeUrl} and Node SDK's {@code oauth.js} build it:
 * {@code type=web_server&response_type=code&client_id=…&scope=A+B&state=…[&redirect_uri=…]}. Buddy sends the
 * browser back to {@code redirect_uri} with {@code code} and {@code state}; check the state, then give the
 * code to {@link OAuth2TokenProvider.Builder#authorizationCode}.
 */
public final class OAuthAuthorizeUrl {
  private static final SecureRandom RANDOM = new SecureRandom();

  private OAuthAuthorizeUrl() {}

  /**
   * The authorize URL. {@code scopes} must not be empty and {@code state} not blank (it protects the
   * callback against forged requests; {@link #newState()} makes one); {@code redirectUri} may be null (the
   * app's registered callback is used).
   */
  public static URI of(BuddyEndpoint endpoint, String clientId, List<String> scopes, String state, String redirectUri) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("an OAuth authorize URL needs the app's client ID");
    }
    if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new IllegalArgumentException("an OAuth authorize URL needs at least one scope, e.g. WORKSPACE, EXECUTION_RUN");
    }
    if (state == null || state.isBlank()) {
      throw new IllegalArgumentException("an OAuth authorize URL needs a state (OAuthAuthorizeUrl.newState() makes one)");
    }
    Map<String, String> query = new LinkedHashMap<>();
    query.put("type", "web_server");
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("scope", String.join(" ", scopes));
    query.put("state", state);
    if (redirectUri != null && !redirectUri.isBlank()) {
      query.put("redirect_uri", redirectUri);
    }
    // URLEncoder writes a space as +, as the PHP SDK's http_build_query does.
    String q = query.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return URI.create(endpoint.baseUrl() + "/oauth2/authorize?" + q);
  }

  /** A fresh unguessable state: 128 random bits as hex. */
  public static String newState() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
