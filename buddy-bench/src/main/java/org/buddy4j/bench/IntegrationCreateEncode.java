package org.buddy4j.bench;

import java.io.IOException;
import org.buddy4j.core.generated.model.Integration;
import org.openjdk.jmh.annotations.Param;

/**
 * Encoding the body of {@code POST /workspaces/{workspace}/integrations}, one docs example per
 * authentication style ({@link Payloads#INTEGRATION_EXAMPLES}): AWS access keys, AWS role
 * assumptions, AWS OIDC, a token (GitHub), username and password (Docker Hub) and an API key
 * (Google service account JSON). Every binder writes the same bytes.
 */
public class IntegrationCreateEncode extends EncodeBenchmarks {
  @Param({"accessKeys", "roleAssumptions", "oidc", "token", "usernamePassword", "apiKey"})
  public String authStyle;

  @Override
  protected Object model() throws IOException {
    return Binders.SDK.readValue(Payloads.integrationCreate(authStyle), Integration.class);
  }
}
