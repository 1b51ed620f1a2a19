package org.buddy4j.core;

import java.util.List;
import java.util.Objects;
import org.buddy4j.core.generated.api.IntegrationsApi;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.IntegrationList;
import org.buddy4j.core.integrations.IntegrationBuilder;
import org.buddy4j.core.integrations.IntegrationRules;

/**
 * A workspace's integrations: {@code /workspaces/{workspace}/integrations}, addressed by
 * {@code hash_id}. Bodies are checked against the integration catalog before they are sent; Buddy
 * never returns secret fields.
 */
public final class IntegrationsClient {
  private final ClientContext context;
  private final String workspace;
  private final IntegrationRules rules = IntegrationRules.standard();

  IntegrationsClient(ClientContext context, String workspace) {
    this.context = context;
    this.workspace = workspace;
  }

  /** {@code GET /workspaces/{workspace}/integrations}. */
  public List<Integration> list() {
    IntegrationList list = api().getIntegrations(workspace);
    return list.getIntegrations() == null ? List.of() : list.getIntegrations();
  }

  /** {@code GET /workspaces/{workspace}/integrations/{hash_id}}. */
  public Integration get(String hashId) {
    return api().getIntegration(workspace, WorkspaceClient.requireHandle(hashId, "hash_id"));
  }

  /** {@code POST /workspaces/{workspace}/integrations}, from a typed builder. */
  public Integration create(IntegrationBuilder<?> builder) {
    return create(builder.build());
  }

  /** {@code POST /workspaces/{workspace}/integrations}; checked against the catalog first. */
  public Integration create(Integration integration) {
    Objects.requireNonNull(integration, "integration");
    Integration body = rules.checkCreate(integration);
    context.redactor().addSecretsOf(body);
    return api().createIntegration(workspace, body);
  }

  /** {@code PATCH /workspaces/{workspace}/integrations/{hash_id}}: only the fields set change; {@code name} is required. */
  public Integration update(String hashId, Integration changes) {
    Objects.requireNonNull(changes, "changes");
    Integration body = rules.checkUpdate(changes);
    context.redactor().addSecretsOf(body);
    return api().updateIntegration(workspace, WorkspaceClient.requireHandle(hashId, "hash_id"), body);
  }

  /** {@code DELETE /workspaces/{workspace}/integrations/{hash_id}}. */
  public void delete(String hashId) {
    api().deleteIntegration(workspace, WorkspaceClient.requireHandle(hashId, "hash_id"));
  }

  private IntegrationsApi api() {
    return context.api(IntegrationsApi.class);
  }

  @Override
  public String toString() {
    return "Integrations[" + workspace + "]";
  }
}
