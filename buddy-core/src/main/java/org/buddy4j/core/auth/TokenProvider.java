package org.buddy4j.core.auth;

/**
 * Supplies the bearer token for every request ({@code Authorization: Bearer …}). Implementations
 * must be thread-safe.
 */
public interface TokenProvider extends AutoCloseable {

  /** The token to send now. */
  String token();

  /**
   * Called once when Buddy answered 401 to a request sent with {@code rejected}. Return true if a
   * different token is now available (the request is then sent once more with it); false to give up.
   */
  default boolean refreshAfterUnauthorized(String rejected) {
    return false;
  }

  /**
   * Ends what the provider holds (the HTTP client of a token endpoint); tokens asked for afterwards may fail.
   * A {@code BuddyClient} closes the provider it made itself ({@code oidc(…)}), not one it was given.
   */
  @Override
  default void close() {}

  /** A provider of one fixed token (a personal access token). */
  static TokenProvider of(String token) {
    return new StaticTokenProvider(token);
  }
}
