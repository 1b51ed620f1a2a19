package org.buddy4j.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.testing.LoopbackServer;
import org.junit.jupiter.api.Test;

/** A declaration its kind cannot take is refused by the plan before anything is read, with where and what is valid. */
class PlanCheckTest {
  private static final Address PROJECT = Address.workspace("buddy").child("project", "web");

  private static void refused(Declared declared, String... expected) throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      BuddyClient client = BuddyClient.builder().endpoint(server.url()).token("FAKE-token-plan-check").build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new Provisioner(client, new InMemorySecretLedger()).plan(new DesiredState().add(declared), false));
      for (String text : expected) {
        assertTrue(e.getMessage().contains(text), e.getMessage());
      }
      assertEquals(List.of(), server.requests(), "nothing was sent");
    }
  }

  @Test
  void anUndeclarableFieldNamesTheFileLineAndTheValidFields() throws Exception {
    refused(new Declared(PROJECT, DeclaredKind.of("project").orElseThrow(), Map.of("colour", "red"), "web.groovy:3"),
        "web.groovy:3", "project \"web\"", "no declarable field 'colour'", "display_name");
  }

  @Test
  void aReadOnlyFieldIsNotDeclarable() throws Exception {
    refused(new Declared(PROJECT.child("pipeline", "deploy"), DeclaredKind.of("pipeline").orElseThrow(), Map.of("id", 7),
        "web.groovy:5"), "no declarable field 'id'");
  }

  @Test
  void theKeyFieldIsTheAddresssKey() throws Exception {
    refused(new Declared(PROJECT, DeclaredKind.of("project").orElseThrow(), Map.of("name", "api"), "web.groovy:1"),
        "natural key \"web\"", "\"api\"");
  }

  @Test
  void anUnresolvedEnvironmentReferenceIsRefused() throws Exception {
    refused(new Declared(PROJECT.child("variable", "DB"), DeclaredKind.of("variable").orElseThrow(),
        Map.of("value", new EnvRef("DB")), "web.groovy:9"), "env(\"DB\")");
  }
}
