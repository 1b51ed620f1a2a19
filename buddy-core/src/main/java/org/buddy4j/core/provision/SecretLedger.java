package org.buddy4j.core.provision;

/**
 * Keyed hashes of the secret values last applied, per resource and field, kept client-side so that a plan
 * can tell whether a secret Buddy never returns (an integration's token) or returns only encrypted (an
 * encrypted variable) has changed, without printing or storing the value.
 */
public interface SecretLedger {
  /** Whether {@code value} is what was last applied to this field; false when nothing is known. */
  boolean matches(Address address, String field, Secret value);

  /** Whether a hash is known for this field at all. */
  boolean knows(Address address, String field);

  /** Remembers that {@code value} was applied (called right after the write succeeded). */
  void record(Address address, String field, Secret value);

  /** Forgets a deleted resource's fields. */
  void forget(Address address);
}
