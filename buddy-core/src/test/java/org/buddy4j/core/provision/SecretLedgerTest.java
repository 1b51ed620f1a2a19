package org.buddy4j.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledgers keep keyed hashes, never values; the file one survives a reopen, is replaced whole and private. */
class SecretLedgerTest {
  private static final Address VARIABLE = Address.workspace("buddy").child("project", "web").child("variable", "DB");
  private static final Secret SECRET = Secret.of("FAKE-SECRET-ledger-value-42");

  @TempDir
  Path dir;

  @Test
  void inMemoryMatchesWhatWasRecordedOnly() {
    SecretLedger ledger = new InMemorySecretLedger();
    assertFalse(ledger.knows(VARIABLE, "value"));
    assertFalse(ledger.matches(VARIABLE, "value", SECRET));
    ledger.record(VARIABLE, "value", SECRET);
    assertTrue(ledger.knows(VARIABLE, "value"));
    assertTrue(ledger.matches(VARIABLE, "value", Secret.of("FAKE-SECRET-ledger-value-42")));
    assertFalse(ledger.matches(VARIABLE, "value", Secret.of("FAKE-SECRET-other")));
    assertFalse(ledger.knows(VARIABLE, "password"), "per field");
    assertFalse(ledger.knows(VARIABLE.parent(), "value"), "per resource");
    ledger.forget(VARIABLE);
    assertFalse(ledger.knows(VARIABLE, "value"));
  }

  @Test
  void theFileKeepsHashesUnderItsOwnKeyAcrossAReopen() throws Exception {
    Path file = dir.resolve("deploy.buddy-ledger.json");
    FileSecretLedger ledger = FileSecretLedger.open(file);
    assertFalse(Files.exists(file), "nothing is written before a secret is recorded");
    ledger.record(VARIABLE, "value", SECRET);
    String text = Files.readString(file);
    assertFalse(text.contains(SECRET.reveal()), text);
    assertTrue(FileSecretLedger.open(file).matches(VARIABLE, "value", SECRET));
    assertFalse(FileSecretLedger.open(file).matches(VARIABLE, "value", Secret.of("FAKE-SECRET-other")));

    Path other = dir.resolve("other.json");
    FileSecretLedger.open(other).record(VARIABLE, "value", SECRET);
    assertNotEquals(hashOf(text), hashOf(Files.readString(other)), "a random key per file: equal values hash differently");
    try (var files = Files.list(dir)) {
      assertEquals(List.of("deploy.buddy-ledger.json", "other.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    FileSecretLedger reopened = FileSecretLedger.open(file);
    reopened.forget(VARIABLE);
    assertFalse(FileSecretLedger.open(file).knows(VARIABLE, "value"));
  }

  private static String hashOf(String json) {
    int at = json.indexOf("\"hashes\"");
    return json.substring(at);
  }
}
