package org.buddy4j.core.http.jdk;

import java.net.http.HttpClient;

/**
 * Ends the threads of a JDK HTTP client that is no longer needed (buddy-core's API transport and its token
 * endpoint both use it; a package of its own, so that neither depends on the other for it).
 *
 * <p>Why: the client's selector thread sits in native code ({@code epoll_wait}) until the client is
 * garbage collected, and a JVM that exits while any thread is in native code waits up to 300 ms for it
 * (HotSpot's {@code VM_Exit}, 30 × 10 ms) — on this project's machine that was 0.3 s of a 0.7 s
 * {@code buddy workspaces list}. JDK 21 added {@code HttpClient.close()}; on JDK 17 the selector thread
 * is named {@code HttpClient-<id>-SelectorManager}, with the id the client's {@code toString()} ends
 * with (the JDK's own tests find it that way), and its loop ends when the thread is interrupted.
 */
public final class HttpClientThreads {
  /** Long enough for a selector to notice its interrupt; only a guard against a JDK that ignores it. */
  private static final long JOIN_MILLIS = 2_000;

  private HttpClientThreads() {}

  /** Closes {@code http} (JDK 21+) or stops its selector thread (JDK 17–20); the client fails calls afterwards. */
  public static void close(HttpClient http) {
    if (http instanceof AutoCloseable closeable) { // JDK 21+: HttpClient implements AutoCloseable
      try {
        closeable.close();
      } catch (Exception e) {
        // Nothing to recover: the client is being discarded either way.
      }
      return;
    }
    Thread selector = selectorOf(http);
    if (selector == null) {
      return;
    }
    selector.interrupt();
    try {
      selector.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The client's selector thread, or null when this JDK names it otherwise (then nothing is stopped). */
  static Thread selectorOf(HttpClient http) {
    String text = http.toString(); // "jdk.internal.net.http.HttpClientImpl@1b2c3d(7)"
    int open = text.lastIndexOf('(');
    if (open < 0 || !text.endsWith(")")) {
      return null;
    }
    String name = "HttpClient-" + text.substring(open + 1, text.length() - 1) + "-SelectorManager";
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      if (threads[i].getName().equals(name)) {
        return threads[i];
      }
    }
    return null;
  }
}
