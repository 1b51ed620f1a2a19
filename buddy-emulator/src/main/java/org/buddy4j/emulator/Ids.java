package org.buddy4j.emulator;

import java.util.Random;

/** Random-looking identifiers drawn from the seeded random, so two runs of a test see the same ids. */
final class Ids {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";
  private final Random random;

  Ids(long seed) {
    this.random = new Random(seed);
  }

  /** An integration {@code hash_id}: 25 alphanumerics, like {@code NLVaDzgp6W2qJljaQlJOoYdmZ}. */
  String hashId() {
    return draw(ALNUM, 25);
  }

  /** An {@code action_execution_id}: 24 hex digits, like {@code 68e49e0e0875a8847e0980da}. */
  String actionExecutionId() {
    return draw(HEX, 24);
  }

  /** A string id of a store resource (environment, target, sandbox, domain, token): 10 alphanumerics. */
  String resourceId() {
    return draw(ALNUM, 10);
  }

  /** An OAuth access or refresh token. */
  String token(String prefix) {
    return prefix + draw(ALNUM, 32);
  }

  private String draw(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
