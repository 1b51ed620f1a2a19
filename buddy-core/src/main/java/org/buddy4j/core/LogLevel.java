package org.buddy4j.core;

/**
 * How much of each HTTP exchange buddy4j logs (through SLF4J, logger {@code org.buddy4j.core.http},
 * at DEBUG). Every level is redacted: no token and no secret field value is ever logged.
 */
public enum LogLevel {
  /** Nothing. */
  NONE,
  /** Method, URL, status and time. */
  BASIC,
  /** BASIC plus headers. */
  HEADERS,
  /** HEADERS plus bodies. */
  FULL
}
