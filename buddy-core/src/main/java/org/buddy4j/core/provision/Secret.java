package org.buddy4j.core.provision;

import java.util.Objects;

/**
 * A declared secret value (a token, an encrypted variable's value, an SSH key): sent to Buddy, compared
 * through a {@link SecretLedger} hash, never printed — {@link #toString()} is masked so that no log, plan,
 * message or report can show it by accident.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself, for the request body and the ledger's hash only. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "***";
  }
}
