package org.buddy4j.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslJsonBody;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import java.nio.file.Path;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.http.RetryPolicy;
import org.buddy4j.core.ratelimit.RateLimitPolicy;

/**
 * What every contract test shares: the pact's names, the sentinel credentials (never real ones), the
 * seed's handles, matchers for Buddy's common shapes, and a {@link BuddyClient} pointed at Pact's mock
 * server.
 */
final class Contract {
  static final String CONSUMER = "buddy4j-core";
  static final String PROVIDER = "buddy-api";

  /** The bearer token every interaction sends; the provider seed accepts exactly this one. */
  static final String TOKEN = "FAKE-pact-token-not-a-real-secret";
  /** A token the provider does not know (the 401 interaction). */
  static final String UNKNOWN_TOKEN = "FAKE-pact-revoked-token";
  /** The OAuth client the provider seed registers. */
  static final String OAUTH_CLIENT_ID = "FAKE-pact-oauth-client";
  static final String OAUTH_CLIENT_SECRET = "FAKE-pact-oauth-client-secret";

  static final String WS = "buddy";
  static final String PROJECT = "company-website";
  static final String PROJECT_PATH = "/workspaces/" + WS + "/projects/" + PROJECT;
  /** The integration the provider seed holds (the docs' example hash ID). */
  static final String INTEGRATION = "NLVaDzgp6W2qJljaQlJOoYdmZ3";
  /** An action execution ID as Buddy shows it (24 hex digits); the provider injects a real one. */
  static final String ACTION_EXECUTION_ID = "68e49e0e0875a8847e0980da";

  /** RFC 3339 in UTC with 0 to 9 fractional digits, as the spec says Buddy sends dates. */
  static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";
  static final String DATE_EXAMPLE = "2026-11-18T12:38:16Z";
  static final String EXECUTION_STATUS = "[A-Z_]+";

  /** Where Maven's consumer tests write pacts, and where the committed copy lives. */
  static final Path GENERATED_PACTS = Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  static final Path COMMITTED_PACTS = Path.of("pacts");

  private Contract() {}

  /** The real client, as an application would build it, on the mock server; 429 fails at once. */
  static BuddyClient client(MockServer server) {
    return client(server, TOKEN);
  }

  static BuddyClient client(MockServer server, String token) {
    return BuddyClient.builder()
        .token(token)
        .endpoint(server.getUrl())
        .rateLimitPolicy(RateLimitPolicy.failFast())
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  /** Every Buddy request carries the bearer token. */
  static PactDslRequestWithPath authorized(PactDslRequestWithPath request) {
    return authorized(request, TOKEN);
  }

  static PactDslRequestWithPath authorized(PactDslRequestWithPath request, String token) {
    return request.matchHeader("Authorization", "Bearer .+", "Bearer " + token);
  }

  /** Every Buddy answer carries the rate-limit headers (buddy4j's tracker reads them). */
  static PactDslResponse rateLimitHeaders(PactDslResponse response) {
    return response
        .matchHeader("X-Rate-Limit-Limit", "\\d+", "1000")
        .matchHeader("X-Rate-Limit-Remaining", "\\d+", "999")
        .matchHeader("X-Rate-Limit-Reset", "\\d+", "1795000000");
  }

  /** Buddy's {@code url} and {@code html_url} links. */
  static void links(LambdaDslObject o) {
    o.stringType("url", "https://api.buddy.works/workspaces/buddy");
    o.stringType("html_url", "https://app.buddy.works/buddy");
  }

  /** Buddy's error body: {@code {"errors":[{"message":"…"}]}}. */
  static LambdaDslJsonBody errors(LambdaDslJsonBody body, String example) {
    body.minArrayLike("errors", 1, e -> e.stringType("message", example));
    return body;
  }

  /** A member (user) in its short form. */
  static void member(LambdaDslObject o) {
    links(o);
    o.integerType("id", 1);
    o.stringType("name", "Mike Benson");
  }
}
