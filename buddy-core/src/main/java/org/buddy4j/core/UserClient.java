package org.buddy4j.core;

import java.util.List;
import org.buddy4j.core.generated.api.AccountApi;
import org.buddy4j.core.generated.api.IntegrationsApi;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.PublicKey;
import org.buddy4j.core.generated.model.User;
import org.buddy4j.core.generated.model.UserEmail;
import org.buddy4j.core.generated.model.UserEmailRequest;
import org.buddy4j.core.generated.model.UserUpdateRequest;

/**
 * The token's user, {@code /user}: the profile, its e-mail addresses, SSH keys, personal access tokens and
 * the user's own integrations. Buddy answers each of these lists whole.
 */
public final class UserClient {
  private final ClientContext context;

  UserClient(ClientContext context) {
    this.context = context;
  }

  /** {@code GET /user}: the token's user. */
  public User get() {
    return api().getAuthenticatedUser();
  }

  /** {@code PATCH /user}: the profile as it is now. */
  public User update(UserUpdateRequest changes) {
    return api().updateAuthenticatedUser(context.sending(changes));
  }

  /**
   * The user's e-mail addresses, {@code /user/emails}, by address: list, add ({@code POST}) and delete.
   * Buddy offers no read of one address and no edit.
   */
  public Resources<UserEmail, String, UserEmailRequest, Void> emails() {
    AccountApi api = api();
    return Resources.<UserEmail, String, UserEmailRequest, Void>at("/user/emails")
        .whole(() -> orEmpty(api.getUserEmails().getEmails()))
        .create(api::addUserEmail)
        .delete(api::deleteUserEmail)
        .build();
  }

  /** The user's public SSH keys, {@code /user/keys}, by ID: list, get, add ({@code POST}), delete; no edit. */
  public Resources<PublicKey, Integer, PublicKey, Void> keys() {
    AccountApi api = api();
    return Resources.<PublicKey, Integer, PublicKey, Void>at("/user/keys")
        .whole(() -> orEmpty(api.getPublicKeys().getKeys()))
        .get(api::getPublicKey)
        .create(api::addPublicKey)
        .delete(api::deletePublicKey)
        .build();
  }

  /**
   * The user's personal access tokens, {@code /user/tokens}, by ID: list, get, create, delete; no edit.
   * Buddy returns a token's value once, in what {@code create} answers; it is given to this client's redactor
   * at once, so no log line, exception or generated {@code toString} prints it. Keep it from the returned
   * object ({@code getToken()}); reads later carry no value.
   */
  public Resources<AccessToken, String, AccessToken, Void> tokens() {
    AccountApi api = api();
    return Resources.<AccessToken, String, AccessToken, Void>at("/user/tokens")
        .whole(() -> orEmpty(api.getTokens().getAccessTokens()))
        .get(id -> api.getTokenById(Handles.require("token ID", id)))
        .create(body -> remembered(api.createToken(body)))
        .delete(id -> api.deleteToken(Handles.require("token ID", id)))
        .build();
  }

  /** {@code GET /user/token}: the token this client calls with (its name, scopes, expiry; not its value). */
  public AccessToken currentToken() {
    return api().getCurrentToken();
  }

  /** The user's own integrations, {@code /user/integrations}, by {@code hash_id}: list and get. */
  public Resources<Integration, String, Void, Void> integrations() {
    IntegrationsApi api = context.api(IntegrationsApi.class);
    return Resources.<Integration, String, Void, Void>at("/user/integrations")
        .whole(() -> orEmpty(api.getUserIntegrations().getIntegrations()))
        .get(hashId -> api.getUserIntegration(Handles.require("hash_id", hashId)))
        .build();
  }

  private AccessToken remembered(AccessToken created) {
    if (created != null) {
      context.redactor().addSecret(created.getToken());
    }
    return created;
  }

  private AccountApi api() {
    return context.api(AccountApi.class);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "User[token's user]";
  }
}
