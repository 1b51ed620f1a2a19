package org.buddy4j.core.http;

import feign.Client;
import feign.codec.Decoder;
import java.time.Clock;
import java.time.Duration;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.Sleeper;
import org.buddy4j.core.auth.TokenProvider;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * What carries a {@code BuddyClient}'s calls: the generated Feign interfaces on one configured HTTP
 * stack (retries, rate limits, typed errors, redacted logs). Programs use {@code BuddyClient}; this
 * type exists because the facade lives in another package than the stack, whose Feign wiring stays
 * package-private here. Thread-safe.
 */
public interface Transport extends AutoCloseable {
  /** Everything a transport needs, frozen. */
  record Settings(String baseUrl, TokenProvider tokens, Redactor redactor, RateLimitTracker tracker,
                  RateLimitPolicy rateLimitPolicy, RetryPolicy retryPolicy, Duration connectTimeout,
                  Duration readTimeout, LogLevel logLevel, String userAgent, Clock clock, Sleeper sleeper) {}

  /** The generated Feign interface {@code type} (e.g. {@code ExecutionsApi.class}) on this transport. */
  <T> T api(Class<T> type);

  /** Ends the HTTP client's own threads; calls afterwards fail. */
  @Override
  void close();

  /**
   * The Feign stack with {@code settings}.
   *
   * @param wire what carries the requests, instead of the JDK HTTP client (e.g. a {@link RequestRecorder}
   *     that sends nothing), or null for the JDK HTTP client
   */
  static Transport feign(Settings settings, Client wire) {
    return new FeignTransport(settings, wire);
  }

  /**
   * The response decoder every transport installs, exactly as a real call runs it (bytes parsed with
   * {@code BuddyJson.mapper()}, {@code ApiResponse} kept, empty bodies and 204/404 the empty value).
   * Public for buddy-bench, which measures the decode step of a real call without a server.
   */
  static Decoder responseDecoder() {
    return FeignTransport.decoder();
  }
}
