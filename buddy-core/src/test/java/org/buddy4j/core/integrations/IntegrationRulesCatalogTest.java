package org.buddy4j.core.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog catches a bad integration before anything is sent: one clear message naming the type and the field. */
class IntegrationRulesCatalogTest {
  private static final String PATH = "/workspaces/ws/integrations";

  private LoopbackServer server;
  private IntegrationsClient integrations;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.always("POST", PATH, Answer.json(201, "{\"hash_id\": \"h\"}"));
    server.always("PATCH", PATH + "/h", Answer.json(200, "{\"hash_id\": \"h\"}"));
    integrations = BuddyClient.builder().token("FAKE-token-catalog-0000").endpoint(server.url()).build()
        .workspace("ws").integrations();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Creates through the client, expects the refusal, and checks the server saw nothing. */
  private String refused(Supplier<IntegrationBuilder<?>> builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> integrations.create(builder.get()));
    assertEquals(0, server.requests().size(), "nothing may reach the server: " + e.getMessage());
    return e.getMessage();
  }

  private static void assertMentions(String message, String... words) {
    for (String w : words) {
      assertTrue(message.contains(w), "'" + message + "' should mention " + w);
    }
  }

  @Test
  void missingRequiredSecretNamesTypeAndField() {
    String m = refused(() -> Integrations.amazon().name("aws").workspaceScope().accessKey("AKIA-FAKE-ACCESS"));
    assertMentions(m, "AMAZON", "secret_key");
  }

  @Test
  void fieldTheTypeDoesNotTakeNamesTypeAndField() {
    String m = refused(() -> Integrations.gitHub().name("gh").workspaceScope().token("FAKE-gh-token").field("access_key", "x"));
    assertMentions(m, "GIT_HUB", "access_key", "token");
  }

  @Test
  void projectScopeNeedsProjectName() {
    String m = refused(() -> Integrations.gitHub().name("gh").scope("PROJECT").token("FAKE-gh-token"));
    assertMentions(m, "GIT_HUB", "project_name", "PROJECT");
    String m2 = refused(() -> Integrations.gitHub().name("gh").projectScope(" ").token("FAKE-gh-token"));
    assertMentions(m2, "project_name");
  }

  @Test
  void unknownAuthTypeListsTheValidModes() {
    String m = refused(() -> Integrations.amazon().name("aws").workspaceScope().authType("MAGIC")
        .accessKey("AKIA-FAKE-ACCESS").secretKey("FAKE-secret"));
    assertMentions(m, "AMAZON", "MAGIC", "DEFAULT", "OIDC", "TRUSTED");
  }

  @Test
  void missingNameOrScopeIsNamed() {
    assertMentions(refused(() -> Integrations.gitLab().workspaceScope().token("FAKE-gl-token")), "GIT_LAB", "name");
    assertMentions(refused(() -> Integrations.gitLab().name("gl").token("FAKE-gl-token")), "GIT_LAB", "scope");
    assertMentions(refused(() -> Integrations.gitLab().name("  ").workspaceScope().token("FAKE-gl-token")), "name");
  }

  @Test
  void oidcNeedsAudienceAndRoleAssumptions() {
    assertMentions(refused(() -> Integrations.amazon().name("aws").workspaceScope().authType("OIDC").audience("sts")),
        "AMAZON", "role_assumptions");
    assertMentions(refused(() -> Integrations.amazon().name("aws").workspaceScope().authType("OIDC")
        .roleAssumption("arn:aws:iam::000000000000:role/fake")), "AMAZON", "audience");

    integrations.create(Integrations.amazon().name("aws").workspaceScope().authType("OIDC").audience("sts")
        .roleAssumption("arn:aws:iam::000000000000:role/fake"));
    assertEquals(1, server.requests().size(), "OIDC needs no access keys");
  }

  @Test
  void rawIntegrationsAreCheckedToo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> integrations.create(
        new Integration().type("DOCKER_HUB").name("dh").scope("WORKSPACE").username("fake-user")));
    assertMentions(e.getMessage(), "DOCKER_HUB", "password");
    IllegalArgumentException noType = assertThrows(IllegalArgumentException.class,
        () -> integrations.create(new Integration().name("x").scope("WORKSPACE")));
    assertMentions(noType.getMessage(), "type", "AMAZON", "GIT_HUB");
    IllegalArgumentException updateWithoutName = assertThrows(IllegalArgumentException.class,
        () -> integrations.update("h", new Integration().type("GIT_HUB").token("FAKE-gh-token")));
    assertMentions(updateWithoutName.getMessage(), "name");
    IllegalArgumentException updateForeignField = assertThrows(IllegalArgumentException.class,
        () -> integrations.update("h", new Integration().type("GIT_HUB").name("gh").password("FAKE-pass")));
    assertMentions(updateForeignField.getMessage(), "GIT_HUB", "password");
    assertEquals(0, server.requests().size());
  }

  @Test
  void conflictingAliasAndCanonicalFieldIsRefused() {
    String m = refused(() -> Integrations.amazon().name("aws").workspaceScope()
        .accessKey("AKIA-FAKE-ONE").secretKey("FAKE-secret").field("access_key_id", "AKIA-FAKE-TWO"));
    assertMentions(m, "AMAZON", "access_key_id", "access_key");
    assertTrue(!m.contains("AKIA-FAKE"), "the message must not echo the values: " + m);
  }

  @Test
  void aValidIntegrationIsSentOnce() {
    integrations.create(Integrations.gitHub().name("gh").projectScope("web").token("FAKE-gh-token"));
    assertEquals(1, server.requests("POST", PATH).size(), "the checks refuse bad input, not good input");
  }
}
