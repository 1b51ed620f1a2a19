package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Resources;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.PublicKey;
import org.buddy4j.core.generated.model.UserEmail;
import org.buddy4j.core.generated.model.UserEmailRequest;
import org.buddy4j.core.generated.model.UserUpdateRequest;
import org.buddy4j.core.testing.CapturedLog;
import org.junit.jupiter.api.Test;

/** The token's user through the facade: profile, e-mails, SSH keys, access tokens (value once, never printed), integrations. */
class UserE2eTest extends E2eTestBase {

  @Test
  void theProfileIsReadAndRenamed() {
    assertNotNull(buddy.user().get().getId());
    assertEquals("E2e Renamed", buddy.user().update(new UserUpdateRequest().name("E2e Renamed")).getName());
    assertEquals("E2e Renamed", buddy.user().get().getName());
  }

  @Test
  void anEmailIsAddedListedAndDeleted() {
    Resources<UserEmail, String, UserEmailRequest, Void> emails = buddy.user().emails();
    assertEquals("e2e@example.com", emails.create(new UserEmailRequest().email("e2e@example.com")).getEmail());
    assertTrue(emails.list().anyMatch(e -> "e2e@example.com".equals(e.getEmail())));
    emails.delete("e2e@example.com");
    assertFalse(emails.list().anyMatch(e -> "e2e@example.com".equals(e.getEmail())));
    assertThrows(BuddyNotFoundException.class, () -> emails.delete("e2e-none@example.com"));
  }

  @Test
  void anSshKeyIsAddedReadListedAndDeleted() {
    Resources<PublicKey, Integer, PublicKey, Void> keys = buddy.user().keys();
    String content = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAK e2e@buddy4j";
    PublicKey added = keys.create(new PublicKey().title("e2e key").content(content));
    int id = added.getId();
    assertEquals("e2e key", keys.get(id).getTitle());
    assertTrue(keys.list().anyMatch(k -> k.getId() == id));
    keys.delete(id);
    assertEquals(Optional.empty(), keys.find(id));
    assertThrows(BuddyNotFoundException.class, () -> keys.get(id));
  }

  @Test
  void aTokensValueComesOnceAndIsPrintedNowhereEvenWithFullLogging() {
    String value;
    String id;
    String printed;
    try (CapturedLog log = new CapturedLog()) {
      BuddyClient verbose = client().logLevel(LogLevel.FULL).build();
      AccessToken created = verbose.user().tokens().create(new AccessToken().name("e2e token").expiresIn(1)
          .scopes(List.of("WORKSPACE")));
      value = created.getToken();
      id = created.getId();
      assertNotNull(value, "Buddy returns the value on create");
      // Later reads carry no value (absent, null or masked: the spec only says it comes once).
      assertNotEquals(value, verbose.user().tokens().get(id).getToken(), "and never again");
      assertTrue(verbose.user().tokens().list().noneMatch(t -> value.equals(t.getToken())));
      assertEquals("e2e token", verbose.user().tokens().get(id).getName());
      printed = log.text() + created + verbose.user().tokens().list().toList();
      assertTrue(log.size() > 0, "FULL logging logged the exchanges");
    }
    assertFalse(printed.contains(value), "the token's value is in no log line and no toString");

    buddy.user().tokens().delete(id);
    assertEquals(Optional.empty(), buddy.user().tokens().find(id));
  }

  @Test
  void theCurrentTokenIsDescribedWithoutItsValue() {
    AccessToken current = buddy.user().currentToken();
    assertNotNull(current.getName());
    assertNotEquals(emulator.token(), current.getToken());
  }

  @Test
  void theUsersIntegrationsAreListedAndAnUnknownOneIsNotFound() {
    assertNotNull(buddy.user().integrations().list().toList());
    buddy.user().integrations().list().findFirst()
        .ifPresent(i -> assertEquals(i.getHashId(), buddy.user().integrations().get(i.getHashId()).getHashId()));
    assertThrows(BuddyNotFoundException.class, () -> buddy.user().integrations().get("e2enone"));
    assertThrows(BuddyNotFoundException.class, () -> buddy.user().tokens().get("e2e-no-token"));
  }
}
