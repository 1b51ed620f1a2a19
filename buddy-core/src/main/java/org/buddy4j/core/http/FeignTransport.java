package org.buddy4j.core.http;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.Sleeper;
import org.buddy4j.core.auth.TokenProvider;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * Builds the generated Feign interfaces on one shared, fully configured stack: the JDK HTTP client
 * ({@link JdkHttpClient}), buddy4j's mapper (responses read by {@link JsonResponseDecoder}), Feign's
 * own retryer switched off (it re-sends POSTs), {@link ResilientClient} for method-aware retries and
 * rate limits, {@link BuddyErrorDecoder} for typed errors, {@link RedactingLogger}, and
 * {@link OneSegmentContract} so every path parameter is exactly one encoded segment. One instance
 * per {@code BuddyClient}; thread-safe.
 */
public final class FeignTransport {
  private static final Decoder DECODER = new JsonResponseDecoder(BuddyJson.mapper());

  private final Feign.Builder feign;
  private final String baseUrl;
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  /** Everything the transport needs, frozen. */
  public record Settings(String baseUrl, TokenProvider tokens, Redactor redactor, RateLimitTracker tracker,
                         RateLimitPolicy rateLimitPolicy, RetryPolicy retryPolicy, Duration connectTimeout,
                         Duration readTimeout, LogLevel logLevel, String userAgent, Clock clock, Sleeper sleeper) {}

  public FeignTransport(Settings s) {
    this(s, null);
  }

  /**
   * @param wire what carries the requests, instead of the JDK HTTP client (e.g. a {@link RequestRecorder}
   *     that sends nothing), or null for the JDK HTTP client
   */
  public FeignTransport(Settings s, Client wire) {
    this.baseUrl = s.baseUrl();
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(s.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    ResilientClient client = new ResilientClient(wire != null ? wire : new JdkHttpClient(http), s.tokens(), s.redactor(),
        s.tracker(), s.rateLimitPolicy(), s.retryPolicy(), s.baseUrl(), s.clock(), s.sleeper());
    this.feign = Feign.builder()
        .client(client)
        .contract(new OneSegmentContract())
        .encoder(new JacksonEncoder(BuddyJson.mapper()))
        .decoder(decoder())
        .errorDecoder(new BuddyErrorDecoder(s.redactor(), s.baseUrl(), s.clock()))
        .retryer(Retryer.NEVER_RETRY)
        .logger(new RedactingLogger(s.redactor()))
        .logLevel(Logger.Level.valueOf(s.logLevel().name()))
        .options(new Request.Options(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
            s.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false))
        .requestInterceptor(t -> t.header("User-Agent", s.userAgent()));
  }

  /**
   * The response decoder every transport installs ({@link JsonResponseDecoder} on
   * {@code BuddyJson.mapper()}); public so buddy-bench measures the decode step of a real call.
   */
  public static Decoder decoder() {
    return DECODER;
  }

  /** The generated Feign interface {@code type} (e.g. {@code ExecutionsApi.class}) on this transport. */
  public <T> T api(Class<T> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(t, baseUrl)));
  }
}
