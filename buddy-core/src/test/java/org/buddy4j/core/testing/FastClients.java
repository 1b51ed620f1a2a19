package org.buddy4j.core.testing;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.http.RetryPolicy;

/** Client builders for tests against a {@link LoopbackServer}: fast retries and polling, a short connect timeout. */
public final class FastClients {
  /** 4 attempts, 10–50 ms backoff. */
  public static final RetryPolicy FAST_RETRIES = RetryPolicy.of(4, Duration.ofMillis(10), Duration.ofMillis(50));

  private FastClients() {}

  /** A builder pointed at {@code server} with a fake static token and fast settings. */
  public static BuddyClient.Builder against(LoopbackServer server, String token) {
    return against(server.url(), token);
  }

  /** A builder pointed at {@code url} with a fake static token and fast settings. */
  public static BuddyClient.Builder against(String url, String token) {
    return BuddyClient.builder()
        .token(token)
        .endpoint(url)
        .connectTimeout(Duration.ofSeconds(2))
        // Only guards against a hang: a test of read timeouts holds its answer and sets its own.
        .readTimeout(Duration.ofSeconds(30))
        .retryPolicy(FAST_RETRIES)
        .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100));
  }

  /**
   * A rate-limit reset (whole Unix seconds, as Buddy sends it) between 1 and 2 seconds from now, so
   * a test can wait for it and still tell a real wait from none.
   */
  public static Instant resetInOneToTwoSeconds() {
    return Instant.ofEpochSecond(Instant.now().plusSeconds(1).getEpochSecond() + 1);
  }

  /** A loopback port nothing listens on: bound, noted and closed again. */
  public static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
