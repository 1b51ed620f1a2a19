package org.buddy4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** {@code -v}: shows buddy-core's redacted HTTP log (logger {@code org.buddy4j.core.http}, DEBUG) on stderr. */
final class Verbosity {
  private Verbosity() {}

  static void enableHttpLogging() {
    if (LoggerFactory.getLogger("org.buddy4j.core.http") instanceof Logger logger) {
      logger.setLevel(Level.DEBUG);
    }
  }
}
