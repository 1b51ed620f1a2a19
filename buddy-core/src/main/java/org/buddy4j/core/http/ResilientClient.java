package org.buddy4j.core.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.Sleeper;
import org.buddy4j.core.auth.TokenProvider;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyTransportException;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.core.ratelimit.RateLimitStatus;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * The Feign {@link Client} every buddy4j request goes through: it adds the bearer token, paces by
 * the rate limit, records every response's rate-limit headers, and sends a request again only when
 * doing so cannot apply it twice.
 *
 * <ul>
 *   <li>Any method: again after a refused connection or connect timeout (nothing was sent), after 429
 *       (Buddy did not apply it; waits for the reset under the WAIT policy), and once after 401 when
 *       the token provider has a new token.</li>
 *   <li>GET, HEAD, OPTIONS, PUT and DELETE also after a timeout or reset once sent, and after 502,
 *       503, 504.</li>
 *   <li>POST and PATCH never after they may have reached Buddy: a timeout or reset after sending is a
 *       {@link BuddyOutcomeUnknownException} (and so is a 5xx answer, in {@link BuddyErrorDecoder}).</li>
 * </ul>
 */
final class ResilientClient implements Client {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

  private final Client delegate;
  private final TokenProvider tokens;
  private final Redactor redactor;
  private final RateLimitTracker tracker;
  private final RateLimitPolicy rateLimitPolicy;
  private final RetryPolicy retryPolicy;
  private final String baseUrl;
  private final Clock clock;
  private final Sleeper sleeper;

  ResilientClient(Client delegate, TokenProvider tokens, Redactor redactor, RateLimitTracker tracker,
                  RateLimitPolicy rateLimitPolicy, RetryPolicy retryPolicy, String baseUrl, Clock clock,
                  Sleeper sleeper) {
    this.delegate = delegate;
    this.tokens = tokens;
    this.redactor = redactor;
    this.tracker = tracker;
    this.rateLimitPolicy = rateLimitPolicy;
    this.retryPolicy = retryPolicy;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * The operations the spec marks {@code security: []}: OAuth's endpoints and the OIDC token exchange
   * authenticate by their body. Sending a bearer there would also ask the token provider for a token
   * while it may be fetching one.
   */
  static boolean isAnonymous(String path) {
    return path.startsWith("/oauth2/") || path.equals("/user/oidc/tokens") || path.startsWith("/user/oidc/tokens?");
  }

  static boolean isIdempotent(String method) {
    return IDEMPOTENT.contains(method);
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    String method = request.httpMethod().name();
    String path = pathOf(request.url(), baseUrl);
    boolean idempotent = isIdempotent(method);
    boolean anonymous = isAnonymous(path);
    int faults = 0;
    int rateLimited = 0;
    boolean refreshed = false;
    while (true) {
      pause(rateLimitPolicy.delayBeforeRequest(tracker.current(), clock.instant()), "rate limit nearly used up");
      String token = anonymous ? null : tokens.token();
      redactor.addSecret(token);
      Response response;
      try {
        tracker.sending();
        response = delegate.execute(anonymous ? request : withToken(request, token), options);
      } catch (IOException e) {
        faults++;
        boolean notSent = notSent(e);
        if (!notSent && !idempotent) {
          throw new BuddyOutcomeUnknownException(method, path, describe(e) + " after the request was sent", e);
        }
        if (faults >= retryPolicy.maxAttempts()) {
          throw new BuddyTransportException(method + " " + path + " failed after " + faults + " attempt(s): " + describe(e)
              + " (talking to " + hostAndPort(request.url()) + ")", e, !notSent);
        }
        Duration wait = retryPolicy.backoff(faults);
        HttpLog.LOG.debug("{} {}: {}; sending again in {} ms", method, path, describe(e), wait.toMillis());
        pause(wait, "backoff");
        continue;
      }
      RateLimitStatus seen = tracker.update(response.headers());
      int status = response.status();
      if (status == 401 && !anonymous && !refreshed && tokens.refreshAfterUnauthorized(token)) {
        refreshed = true;
        close(response);
        HttpLog.LOG.debug("{} {}: 401; sending once more with a refreshed token", method, path);
        continue;
      }
      if (status == 429 && rateLimited < rateLimitPolicy.maxRateLimitRetries()) {
        Duration wait = rateLimitWait(seen, response.headers());
        if (wait.compareTo(rateLimitPolicy.maxWait()) <= 0) {
          rateLimited++;
          close(response);
          HttpLog.LOG.debug("{} {}: 429; waiting {} ms for the rate-limit window", method, path, wait.toMillis());
          pause(wait, "rate limit");
          continue;
        }
      }
      if (idempotent && (status == 502 || status == 503 || status == 504) && faults + 1 < retryPolicy.maxAttempts()) {
        faults++;
        Duration wait = max(retryPolicy.backoff(faults), retryAfter(response.headers()));
        if (wait.compareTo(retryPolicy.maxDelay().multipliedBy(4)) <= 0) {
          close(response);
          HttpLog.LOG.debug("{} {}: {}; sending again in {} ms", method, path, status, wait.toMillis());
          pause(wait, "backoff");
          continue;
        }
      }
      return response;
    }
  }

  /** Until the window resets (by the server's clock), at least Retry-After, at least a short jittered pause. */
  private Duration rateLimitWait(RateLimitStatus seen, Map<String, Collection<String>> headers) {
    Duration untilReset = seen.untilReset(clock.instant());
    Duration wait = max(untilReset, retryAfter(headers));
    return max(wait, retryPolicy.backoff(1));
  }

  private static Duration retryAfter(Map<String, Collection<String>> headers) {
    String v = RateLimitTracker.header(headers, "Retry-After");
    if (v == null) {
      return Duration.ZERO;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException httpDate) {
      return Duration.ZERO;
    }
  }

  /** True when the failure proves nothing reached the server: it never connected. */
  static boolean notSent(IOException e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
          || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  /** {@code host:port} of a URL (the scheme's default port when none is given), for "where did it fail". */
  static String hostAndPort(String url) {
    try {
      URI uri = new URI(url);
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return uri.getHost() + ":" + port;
    } catch (URISyntaxException | RuntimeException e) {
      return "an unreadable URL";
    }
  }

  private static String describe(IOException e) {
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : " (" + msg + ")");
  }

  private static Request withToken(Request request, String token) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
    headers.keySet().removeIf(h -> h.equalsIgnoreCase("Authorization"));
    headers.put("Authorization", List.of("Bearer " + token));
    return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
        request.requestTemplate());
  }

  static String pathOf(String url, String baseUrl) {
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url.replaceFirst("^[a-z]+://[^/]+", "");
  }

  private static void close(Response response) {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // the body of a response we are discarding
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private void pause(Duration d, String why) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuddyTransportException("interrupted while waiting (" + why + ")", e);
    }
  }
}
