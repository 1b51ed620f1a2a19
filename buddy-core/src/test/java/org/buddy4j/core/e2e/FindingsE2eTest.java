package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.junit.jupiter.api.Test;

/**
 * Findings §1a 1, 4 and 5 (docs/api-decisions.md) end to end: what Buddy's own clients send, through the real
 * client, accepted by the emulator (whose integration checks come from the same catalog). The wire side is
 * {@code FindingsTest}.
 */
class FindingsE2eTest extends E2eTestBase {
  private IntegrationsClient integrations() {
    return buddy.workspace(WORKSPACE).integrations();
  }

  @Test
  void finding1_aGoogleOidcIntegrationWithoutAudienceIsCreatedAndUpdated() {
    Integration created = integrations().create(Integrations.googleServiceAccount().name("gcp oidc").workspaceScope()
        .authType("OIDC").googleProject("my-project").config("FAKE-SECRET-google-config-e2e"));
    assertNotNull(created.getHashId());

    Integration updated = integrations().update(created.getHashId(), new Integration().name("gcp oidc 2")
        .type("GOOGLE_SERVICE_ACCOUNT").authType("OIDC").googleProject("other-project").config("FAKE-SECRET-google-config-e2e-2"));

    assertEquals("gcp oidc 2", updated.getName());
  }

  @Test
  void finding4_anIntegrationReadAndSentBackWithReturnedFieldsIsAccepted() {
    Integration created = integrations().create(Integrations.digitalOcean().name("do").workspaceScope().token("FAKE-SECRET-do-token-e2e"));
    Integration read = integrations().get(created.getHashId());

    Integration updated = integrations().update(created.getHashId(),
        read.name("do renamed").appId("12345").googleProject("p").hostUrl("https://h.example").atopUrl("https://a.example"));

    assertEquals("do renamed", updated.getName());
  }

  @Test
  void finding5_cloudflareWithATokenOrWithEmailAndKeyAndNoAuthTypeIsCreated() {
    Integration byToken = integrations().create(Integrations.cloudflare().name("cf token").workspaceScope()
        .token("FAKE-SECRET-cf-token-e2e"));
    Integration byKey = integrations().create(Integrations.cloudflare().name("cf key").workspaceScope()
        .email("ops@example.com").apiKey("FAKE-SECRET-cf-key-e2e"));

    assertEquals("CLOUDFLARE", byToken.getType());
    assertEquals("CLOUDFLARE", byKey.getType());
  }
}
