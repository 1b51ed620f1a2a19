package org.buddy4j.core.http;

import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import org.buddy4j.core.BuddyJson;

/**
 * Builds the generated Feign interfaces on one shared, fully configured stack: the JDK HTTP client
 * ({@link JdkHttpClient}), buddy4j's mapper (responses read by {@link JsonResponseDecoder}), Feign's
 * own retryer switched off (it re-sends POSTs), {@link ResilientClient} for method-aware retries and
 * rate limits, {@link BuddyErrorDecoder} for typed errors, {@link RedactingLogger}, and
 * {@link OneSegmentContract} so every path parameter is exactly one encoded segment. One instance
 * per {@code BuddyClient}; thread-safe; {@link #close()} ends the HTTP client's threads. Built through
 * {@link Transport#feign}.
 */
final class FeignTransport implements Transport {
  private static final Decoder DECODER = new JsonResponseDecoder(BuddyJson.mapper());

  private final Feign.Builder feign;
  private final String baseUrl;
  private final JdkHttpClient jdk; // null when a wire was given
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  /** @param wire see {@link Transport#feign} */
  FeignTransport(Settings s, Client wire) {
    this.baseUrl = s.baseUrl();
    this.jdk = wire != null ? null : new JdkHttpClient(http(s));
    ResilientClient client = new ResilientClient(wire != null ? wire : jdk, s.tokens(), s.redactor(),
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
        .requestInterceptor(t -> t.header("User-Agent", s.userAgent()))
        // Before the request is logged or sent: its secrets are masked wherever they come back.
        .requestInterceptor(t -> s.redactor().addSecretsOfBody(t.body()));
  }

  /** The JDK HTTP client of these settings: HTTP/1.1, no redirects, no TLS set-up for plain http. */
  private static HttpClient http(Settings s) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(s.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (s.baseUrl().regionMatches(true, 0, "http:", 0, 5)) {
      // Plain HTTP (an emulator on loopback): without a context of its own the JDK client sets up the
      // default TLS one (the JSSE provider, its cipher suites, the whole CA trust store), a large part
      // of a short CLI command's work.
      builder.sslContext(PlainHttpContext.INSTANCE).sslParameters(new SSLParameters());
    }
    return builder.build();
  }

  /** The response decoder every transport installs ({@link JsonResponseDecoder} on {@code BuddyJson.mapper()}). */
  static Decoder decoder() {
    return DECODER;
  }

  @Override
  public <T> T api(Class<T> type) {
    return type.cast(apis.computeIfAbsent(type, t -> feign.target(t, baseUrl)));
  }

  @Override
  public void close() {
    if (jdk != null) {
      jdk.close();
    }
  }
}
