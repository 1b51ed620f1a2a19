package org.buddy4j.core.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger of buddy4j's HTTP stack ({@code org.buddy4j.core.http}: Feign's redacted exchanges at DEBUG,
 * retries and waits). A holder class, initialised at the first line logged: SLF4J binds its backend on the
 * first {@code getLogger}, and logback then configures itself — about 25 ms of a short CLI command that,
 * without {@code -v}, logs nothing at all.
 */
final class HttpLog {
  static final Logger LOG = LoggerFactory.getLogger("org.buddy4j.core.http");

  private HttpLog() {}
}
