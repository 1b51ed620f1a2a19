package org.buddy4j.core.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.buddy4j.core.BuddyJson;

/**
 * A {@link SecretLedger} in a JSON file (by default beside the script): a random per-file HMAC key and the
 * keyed hashes, never a value. Saved after every recorded write by writing a sibling file (mode 600 where
 * the file system has POSIX permissions) and moving it over the old one atomically, so an apply killed at
 * any moment leaves the previous or the new ledger, never half of one.
 */
public final class FileSecretLedger extends InMemorySecretLedger {
  private static final int VERSION = 1;
  private final Path file;

  private FileSecretLedger(Path file, byte[] key, Map<String, String> hashes) {
    super(key, hashes);
    this.file = file;
  }

  /** The ledger in {@code file}, or a new empty one (with a fresh key) if the file does not exist yet. */
  public static FileSecretLedger open(Path file) {
    if (!Files.exists(file)) {
      return new FileSecretLedger(file, randomKey(), Map.of());
    }
    try {
      JsonNode root = BuddyJson.mapper().readTree(file.toFile());
      if (root.path("version").asInt() != VERSION || !root.path("key").isTextual()) {
        throw new IllegalArgumentException(file + " is not a buddy4j secret ledger (version " + VERSION + ")");
      }
      Map<String, String> hashes = new TreeMap<>();
      root.path("hashes").fields().forEachRemaining(e -> hashes.put(e.getKey(), e.getValue().asText()));
      return new FileSecretLedger(file, Base64.getDecoder().decode(root.get("key").asText()), hashes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret ledger " + file, e);
    }
  }

  /** Where it is kept. */
  public Path file() {
    return file;
  }

  @Override
  protected void changed() {
    ObjectNode root = BuddyJson.mapper().createObjectNode();
    root.put("version", VERSION);
    root.put("key", Base64.getEncoder().encodeToString(key()));
    ObjectNode out = root.putObject("hashes");
    hashes().forEach(out::put);
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try {
        restrict(tmp);
        Files.write(tmp, BuddyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the secret ledger " + file, e);
    }
  }

  private static void restrict(Path path) throws IOException {
    if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Override
  public String toString() {
    return "FileSecretLedger[" + file + "]";
  }
}
