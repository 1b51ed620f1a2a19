package org.buddy4j.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged while it is open (a logback {@link ListAppender} on the root logger),
 * with buddy4j's loggers, {@code org.buddy4j.core.http} included, turned up to DEBUG.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger buddy = (Logger) LoggerFactory.getLogger("org.buddy4j");
  private final Level previous = buddy.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLog() {
    appender.setContext(root.getLoggerContext());
    appender.setName("captured-" + System.identityHashCode(this));
    appender.start();
    root.addAppender(appender);
    buddy.setLevel(Level.DEBUG);
  }

  /** Every captured line (logger, message and any stack trace), joined by newlines. */
  public String text() {
    return appender.list.stream()
        .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  /** How many events were captured. */
  public int size() {
    return appender.list.size();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    buddy.setLevel(previous);
  }
}
