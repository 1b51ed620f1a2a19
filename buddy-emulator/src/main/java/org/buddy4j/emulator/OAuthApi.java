package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Emulates {@code POST /oauth2/token} (grant types {@code client_credentials} with a seeded or registered
 * client, and {@code refresh_token} with a refresh token the emulator issued; form or JSON body, client
 * credentials in the body or HTTP Basic) and {@code POST /oauth2/register}.
 * Issued access tokens are accepted by every other operation until they expire on the simulated clock.
 */
final class OAuthApi {
  private final Emulation emulation;

  OAuthApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("requestOAuthToken", this::token)
      .on("registerOAuthClient", this::registerClient)
      .on("authorizeOAuth", this::authorize);
  }

  private void token(ApiRequest req) {
    EmulatorState state = emulation.state();
    JsonObject body = req.body();
    String[] basic = basicCredentials(req.rc.request().getHeader("Authorization"));
    String clientId = body.getString("client_id", basic == null ? null : basic[0]);
    String clientSecret = body.getString("client_secret", basic == null ? null : basic[1]);
    switch (body.getString("grant_type")) {
      case "client_credentials": {
        if (clientId == null || clientSecret == null) {
          throw ApiError.badRequest("Fields 'client_id' and 'client_secret' are required for grant_type client_credentials");
        }
        if (!clientSecret.equals(state.oauthClients.get(clientId))) {
          throw new ApiError(401, "Invalid client credentials");
        }
        Replies.json(req.rc, 200, state.issueTokens(clientId, body.getString("scope")));
        return;
      }
      case "refresh_token": {
        String refresh = body.getString("refresh_token");
        if (refresh == null) {
          throw ApiError.badRequest("Field 'refresh_token' is required for grant_type refresh_token");
        }
        String owner = state.refreshTokens.remove(refresh);
        if (owner == null) {
          throw new ApiError(401, "Invalid refresh token");
        }
        Replies.json(req.rc, 200, state.issueTokens(owner, body.getString("scope")));
        return;
      }
      default: {
        String client = state.authorizationCodes.remove(String.valueOf(body.getString("code")));
        if (client == null || (clientId != null && !clientId.equals(client))) {
          // RFC 6749 §5.2: an unknown, used or foreign code is invalid_grant, a 400.
          throw ApiError.badRequest("Invalid authorization code");
        }
        Replies.json(req.rc, 200, state.issueTokens(client, body.getString("scope")));
      }
    }
  }

  /**
   * The sign-in page a user would see: the emulator has no user to ask, so it approves at once and sends the
   * browser to {@code redirect_uri} with a one-time {@code code} (for grant type authorization_code) and the
   * {@code state}.
   */
  private void authorize(ApiRequest req) {
    EmulatorState state = emulation.state();
    String clientId = req.queryString("client_id");
    if (clientId == null || !state.oauthClients.containsKey(clientId)) {
      throw ApiError.badRequest("Unknown client_id '" + clientId + "'");
    }
    String redirect = req.queryString("redirect_uri");
    if (redirect == null) {
      throw ApiError.badRequest("Query parameter 'redirect_uri' is required");
    }
    String code = state.ids.token("bdy-code-");
    state.authorizationCodes.put(code, clientId);
    String stateParam = req.queryString("state");
    req.rc.response().putHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
      + (stateParam == null ? "" : "&state=" + java.net.URLEncoder.encode(stateParam, StandardCharsets.UTF_8)));
    Replies.noContent(req.rc, 302);
  }

  private void registerClient(ApiRequest req) {
    EmulatorState state = emulation.state();
    JsonObject body = req.body();
    String clientId = state.ids.token("bdy-client-");
    String secret = state.ids.token("bdy-secret-");
    state.oauthClients.put(clientId, secret);
    long issuedAt = state.now().getEpochSecond();
    JsonObject out = body.copy()
      .put("client_id", clientId)
      .put("client_secret", secret)
      .put("registration_access_token", state.ids.token("bdy-reg-"))
      .put("registration_client_uri", emulation.links.api() + "/oauth2/register/" + clientId)
      .put("client_id_issued_at", issuedAt)
      .put("client_secret_expires_at", 0L)
      .put("grant_types", body.getJsonArray("grant_types", new JsonArray().add("client_credentials").add("refresh_token")))
      .put("client_name", body.getString("client_name", "buddy4j emulator client"))
      .put("redirect_uris", body.getJsonArray("redirect_uris", new JsonArray()))
      .put("response_types", body.getJsonArray("response_types", new JsonArray().add("code")))
      .put("client_uri", body.getString("client_uri", ""))
      .put("description", body.getString("description", ""))
      .put("token_endpoint_auth_method", body.getString("token_endpoint_auth_method", "client_secret_post"))
      .put("token_expires_in", state.tokenExpiresIn);
    Replies.json(req.rc, 201, out);
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
