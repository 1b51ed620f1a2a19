package org.buddy4j.core;

import java.util.Objects;
import org.buddy4j.core.generated.api.SsoApi;
import org.buddy4j.core.generated.model.Sso;
import org.buddy4j.core.generated.model.SsoUpdateRequest;

/**
 * A workspace's single sign-on: {@code /workspaces/{workspace}/sso} (read and configure) and
 * {@code …/enable-sso} / {@code …/disable-sso}. The SAML certificate and the OIDC client
 * secret are write-only: Buddy never returns them.
 */
public final class SsoClient {
  private final ClientContext context;
  private final String workspace;

  SsoClient(ClientContext context, String workspace) {
    this.context = context;
    this.workspace = workspace;
  }

  /** {@code GET /workspaces/{workspace}/sso}: the current configuration. */
  public Sso get() {
    return api().getSso(workspace);
  }

  /** {@code PATCH /workspaces/{workspace}/sso}: SAML ({@code sso_url}, {@code issuer}, {@code certificate}…) or OIDC settings. */
  public Sso update(SsoUpdateRequest settings) {
    return api().updateSso(workspace, Objects.requireNonNull(settings, "settings"));
  }

  /** {@code POST /workspaces/{workspace}/enable-sso}: members sign in through the configured provider. */
  public void enable() {
    api().enableSso(workspace);
  }

  /** {@code POST /workspaces/{workspace}/disable-sso}. */
  public void disable() {
    api().disableSso(workspace);
  }

  private SsoApi api() {
    return context.api(SsoApi.class);
  }

  @Override
  public String toString() {
    return "Sso[" + workspace + "]";
  }
}
