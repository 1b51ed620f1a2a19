package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The signed-in user's account beyond what the store keeps: a personal access token's value (made on create,
 * answered that once, masked ever after, accepted as a bearer token until deleted), the token making the request
 * ({@code GET /user/token}), the OIDC exchange ({@code POST /user/oidc/tokens}: a {@code provider_id} and
 * {@code web_identity_token} pair of the seed's {@code oidcProviders} gives a bearer token), the user's name
 * ({@code PATCH /user}) and the integrations the user can reach.
 */
final class AccountApi {
  private final Emulation emulation;
  private final ResourceApi resources;

  AccountApi(Emulation emulation, ResourceApi resources) {
    this.emulation = emulation;
    this.resources = resources;
  }

  void register(OperationRegistry registry) {
    resources.behaviour("tokens", new ResourceApi.Behaviour() {
      @Override
      public void creating(ApiRequest req, JsonObject item) {
        String token = emulation.state().ids.token("bdy-pat-");
        item.put("token", token);
        emulation.state().staticTokens.add(token);
      }

      @Override
      public void created(JsonObject stored, JsonObject answer) {
        // Buddy shows a new token's value once, in the answer to its creation.
        answer.put("token", stored.getString("token"));
      }

      @Override
      public void deleted(JsonObject item) {
        emulation.state().staticTokens.remove(item.getString("token"));
      }
    });
    registry.on("getCurrentToken", this::currentToken)
      .on("exchangeOidcToken", this::exchangeOidc)
      .on("updateAuthenticatedUser", this::updateUser)
      .on("getUserIntegrations", this::integrations)
      .on("getUserIntegration", this::integration);
  }

  private void currentToken(ApiRequest req) {
    String bearer = ApiGateway.bearerToken(req.rc.request());
    ResourceCatalog.Family tokens = emulation.resources.family("tokens");
    for (JsonObject item : emulation.state().resources.all(tokens, List.of())) {
      if (bearer.equals(item.getString("token"))) {
        Replies.json(req.rc, 200, resources.view(tokens, List.of(), item));
        return;
      }
    }
    // An OAuth or OIDC access token is no personal token: describe it without an id of the token list.
    EmulatorState.IssuedToken issued = emulation.state().accessTokens.get(bearer);
    Replies.json(req.rc, 200, emulation.links.of("/user/token", "/my-id/tokens")
      .put("id", "oauth").put("name", issued == null ? "token" : issued.clientId).put("token", SecretRedactor.MASK)
      .put("expires_at", issued == null ? null : issued.expiresAt.toString())
      .put("scopes", new JsonArray()).put("ip_restrictions", new JsonArray()).put("workspace_restrictions", new JsonArray()));
  }

  private void exchangeOidc(ApiRequest req) {
    JsonObject body = req.body();
    String identity = emulation.state().oidcProviders.get(body.getString("provider_id"));
    if (identity == null || !identity.equals(body.getString("web_identity_token"))) {
      throw new ApiError(401, "Unknown OIDC provider or identity token");
    }
    String token = emulation.state().issueTokens("oidc:" + body.getString("provider_id"), null).getString("access_token");
    Replies.json(req.rc, 200, new JsonObject().put("token", token));
  }

  private void updateUser(ApiRequest req) {
    JsonObject user = emulation.state().user;
    if (req.body().getString("name") != null) {
      user.put("name", req.body().getString("name"));
    }
    JsonObject out = emulation.links.of("/user", "/my-id");
    user.forEach(e -> out.put(e.getKey(), e.getValue()));
    Replies.json(req.rc, 200, out.put("workspaces_url", emulation.links.api() + "/workspaces"));
  }

  private void integrations(ApiRequest req) {
    JsonArray items = new JsonArray();
    for (WorkspaceRecord ws : emulation.state().workspaces.values()) {
      ws.integrations.values().forEach(i -> items.add(i.toJson(emulation.links, ws.domain)));
    }
    Replies.json(req.rc, 200, emulation.links.of("/user/integrations", "/my-id/integrations").put("integrations", items));
  }

  private void integration(ApiRequest req) {
    String hashId = req.path("hash_id");
    for (WorkspaceRecord ws : emulation.state().workspaces.values()) {
      IntegrationRecord record = ws.integrations.get(hashId);
      if (record != null) {
        Replies.json(req.rc, 200, record.toJson(emulation.links, ws.domain));
        return;
      }
    }
    throw ApiError.notFound("Integration '" + hashId + "' not found");
  }
}
