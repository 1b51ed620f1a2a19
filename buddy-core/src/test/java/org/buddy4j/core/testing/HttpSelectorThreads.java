package org.buddy4j.core.testing;

import java.util.Set;
import java.util.stream.Collectors;

/** The JDK HTTP clients' selector threads alive now ({@code HttpClient-<id>-SelectorManager}), one per client. */
public final class HttpSelectorThreads {
  private HttpSelectorThreads() {}

  /** Every live selector thread (a set the caller may change). */
  public static Set<Thread> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager") && t.isAlive())
        .collect(Collectors.toSet());
  }

  /** Those of {@code threads} still alive. */
  public static Set<Thread> stillAlive(Set<Thread> threads) {
    return threads.stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }
}
