package org.buddy4j.core.auth;

import java.util.Objects;

/** A fixed token: a Buddy personal access token, or an OAuth access token managed elsewhere. */
public final class StaticTokenProvider implements TokenProvider {
  private final String token;

  public StaticTokenProvider(String token) {
    this.token = Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the Buddy token is empty");
    }
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public String toString() {
    return "StaticTokenProvider[***]";
  }
}
