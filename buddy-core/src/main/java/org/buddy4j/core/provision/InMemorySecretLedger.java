package org.buddy4j.core.provision;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link SecretLedger} in memory: HMAC-SHA256 of each applied secret under a random key, per resource and
 * field, never the value. {@link FileSecretLedger} keeps the same hashes in a file.
 */
public class InMemorySecretLedger implements SecretLedger {
  private final byte[] key;
  private final Map<String, String> hashes = new TreeMap<>();

  /** A ledger with a fresh random key and nothing known. */
  public InMemorySecretLedger() {
    this(randomKey(), Map.of());
  }

  InMemorySecretLedger(byte[] key, Map<String, String> hashes) {
    this.key = key.clone();
    this.hashes.putAll(hashes);
  }

  @Override
  public synchronized boolean matches(Address address, String field, Secret value) {
    String known = hashes.get(slot(address, field));
    return known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
        hash(address, field, value).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public synchronized boolean knows(Address address, String field) {
    return hashes.containsKey(slot(address, field));
  }

  @Override
  public synchronized void record(Address address, String field, Secret value) {
    hashes.put(slot(address, field), hash(address, field, value));
    changed();
  }

  @Override
  public synchronized void forget(Address address) {
    String prefix = address + "\u0000";
    if (hashes.keySet().removeIf(k -> k.startsWith(prefix))) {
      changed();
    }
  }

  /** Called after every change, with the lock held: a persistent ledger saves here. */
  protected void changed() {}

  /** The hashes by slot, for a persistent ledger to save. */
  protected final Map<String, String> hashes() {
    return new TreeMap<>(hashes);
  }

  /** The key, for a persistent ledger to save beside its hashes. */
  protected final byte[] key() {
    return key.clone();
  }

  private static String slot(Address address, String field) {
    return address + "\u0000" + field;
  }

  // The slot is part of the MAC input, so one value applied in two places hashes differently.
  private String hash(Address address, String field, Secret value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(slot(address, field).getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(value.reveal().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + hashes.size() + " secrets known]";
  }
}
