package org.buddy4j.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.buddy4j.core.auth.IdentityTokens;
import org.buddy4j.core.auth.OidcTokenProvider;
import org.buddy4j.core.auth.StaticTokenProvider;
import org.buddy4j.core.auth.TokenProvider;
import org.buddy4j.core.generated.api.WorkspacesApi;
import org.buddy4j.core.generated.model.Workspace;
import org.buddy4j.core.generated.model.WorkspaceCreateRequest;
import org.buddy4j.core.generated.model.WorkspaceUpdateRequest;
import org.buddy4j.core.http.Transport;
import org.buddy4j.core.http.RequestRecorder;
import org.buddy4j.core.http.RetryPolicy;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.core.ratelimit.RateLimitStatus;
import org.buddy4j.core.ratelimit.RateLimitTracker;

/**
 * The entry point: an immutable, thread-safe client of Buddy's REST API, navigated like its URL tree.
 *
 * <pre>{@code
 * BuddyClient buddy = BuddyClient.builder().token(System.getenv("BUDDY_TOKEN")).build();
 * Execution run = buddy.workspace("acme").project("web").pipeline(2).run(RunOptions.onBranch("master"));
 * Execution done = run.waitUntilFinished(Duration.ofMinutes(30));
 * }</pre>
 *
 * <p>Configuration is frozen at {@link Builder#build()}. {@link #api(Class)} reaches every generated
 * Feign interface, on the same transport (auth, retries, rate limits, redacted logging), for anything
 * the facade lacks, and {@link #raw()} any method and path the spec lacks.
 */
public final class BuddyClient implements AutoCloseable {
  private final ClientContext context;
  private final String defaultWorkspace;
  private final String defaultProject;
  private final TokenProvider ownTokens; // made by the builder (oidc), closed with the client; else null

  private BuddyClient(ClientContext context, String defaultWorkspace, String defaultProject, TokenProvider ownTokens) {
    this.context = context;
    this.defaultWorkspace = defaultWorkspace;
    this.defaultProject = defaultProject;
    this.ownTokens = ownTokens;
  }

  /**
   * Ends the HTTP threads, the client's and those of a token provider it made ({@link Builder#oidc}; one passed
   * in is its owner's to close); calls afterwards fail. Optional, but a short program then exits up to 0.3 s
   * sooner on JDK 17: the JVM waits at exit for a thread left in native code.
   */
  @Override
  public void close() {
    context.transport().close();
    if (ownTokens != null) {
      ownTokens.close();
    }
  }

  /** Starts a configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured like Buddy's CLI: {@code BUDDY_TOKEN} (required), {@code BUDDY_API_ENDPOINT}
   * (us, eu, ap or a URL; US by default), and {@code BUDDY_WORKSPACE} / {@code BUDDY_PROJECT} as defaults.
   */
  public static BuddyClient fromEnvironment() {
    return builder().environment(System.getenv()).build();
  }

  /**
   * The workspaces the token can reach, {@code /workspaces} (answered whole), by URL handle ({@code domain}):
   * {@code create} makes one ({@code POST /workspaces}), {@code update} renames it or changes its
   * {@code encryption_salt}, {@code delete} removes it and everything in it.
   */
  public Resources<Workspace, String, WorkspaceCreateRequest, WorkspaceUpdateRequest> workspaces() {
    WorkspacesApi api = api(WorkspacesApi.class);
    return Resources.<Workspace, String, WorkspaceCreateRequest, WorkspaceUpdateRequest>at("/workspaces")
        .whole(() -> api.getWorkspaces().getWorkspaces())
        .get(domain -> api.getWorkspace(Handles.require("workspace", domain)))
        .create(body -> api.createWorkspace(body))
        .update((domain, body) -> api.updateWorkspace(Handles.require("workspace", domain), body))
        .delete(domain -> api.deleteWorkspace(Handles.require("workspace", domain)))
        .build();
  }

  /** The workspace with this URL handle ({@code domain}); nothing is fetched yet. */
  public WorkspaceClient workspace(String domain) {
    return new WorkspaceClient(context, domain);
  }

  /** The default workspace ({@code BUDDY_WORKSPACE} or {@link Builder#defaultWorkspace(String)}). */
  public WorkspaceClient workspace() {
    if (defaultWorkspace == null) {
      throw new IllegalStateException("no default workspace: set BUDDY_WORKSPACE or call defaultWorkspace(...) on the builder");
    }
    return workspace(defaultWorkspace);
  }

  /** The default project of the default workspace ({@code BUDDY_PROJECT}). */
  public ProjectClient project() {
    if (defaultProject == null) {
      throw new IllegalStateException("no default project: set BUDDY_PROJECT or call defaultProject(...) on the builder");
    }
    return workspace().project(defaultProject);
  }

  /** A generated Feign interface (e.g. {@code ExecutionsApi.class}) on this client's transport. */
  public <T> T api(Class<T> type) {
    return context.transport().api(type);
  }

  /**
   * Raw calls: any method and path under this client's endpoint, on the same transport (auth, retries,
   * rate limits, typed errors, redaction), for what Buddy offers before the spec and the facade do.
   */
  public RawCall raw() {
    return new RawCall(context);
  }

  /** What the latest response said about the rate limit. */
  public RateLimitStatus rateLimit() {
    return context.tracker().current();
  }

  /**
   * The latest request sent on the calling thread: when it went out and what its answer said about
   * the rate limit. Right after a call, that call's own (calls in parallel on other threads do not
   * mix in); null before the first.
   */
  public RateLimitTracker.Exchange lastExchangeOnThisThread() {
    return context.tracker().lastExchangeOnThisThread();
  }

  /** The endpoint this client talks to. */
  public BuddyEndpoint endpoint() {
    return context.endpoint();
  }

  /**
   * How long a request waits for its answer once sent ({@link Builder#readTimeout}). A POST whose
   * answer was lost may still be applied until about this long after it was sent: the batch runner
   * waits this out (plus a margin) before it counts an in-doubt start as absent.
   */
  public Duration readTimeout() {
    return context.readTimeout();
  }

  /** The redactor this client masks its output with; reports written by callers should use it too. */
  public Redactor redactor() {
    return context.redactor();
  }

  @Override
  public String toString() {
    return "BuddyClient[" + context.endpoint() + ", token ***]";
  }

  /**
   * The token's user, {@code /user}: {@code user().get()} reads the profile ({@code GET /user}); also its
   * e-mails, SSH keys, access tokens and own integrations. Nothing is fetched yet.
   */
  public UserClient user() {
    return new UserClient(context);
  }

  /** Configures a {@link BuddyClient}. Not thread-safe; the client it builds is. */
  public static final class Builder {
    private TokenProvider tokens;
    private String oidcProvider;
    private Supplier<String> identityToken;
    private BuddyEndpoint endpoint = BuddyEndpoint.US;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.waitForReset();
    private RetryPolicy retryPolicy = RetryPolicy.standard();
    private LogLevel logLevel = LogLevel.NONE;
    private String userAgent = "buddy4j/" + version() + " Java/" + Runtime.version().feature();
    private Duration pollInitial = Duration.ofSeconds(1);
    private Duration pollMax = Duration.ofSeconds(10);
    private String defaultWorkspace;
    private String defaultProject;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD;
    private RequestRecorder recorder;

    private Builder() {}

    /** A personal access token (or any fixed bearer token). */
    public Builder token(String token) {
      this.tokens = new StaticTokenProvider(token);
      this.oidcProvider = null;
      return this;
    }

    /** Where tokens come from (e.g. an {@code OAuth2TokenProvider} that refreshes). */
    public Builder tokenProvider(TokenProvider tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokenProvider");
      this.oidcProvider = null;
      return this;
    }

    /**
     * A CI job's token: its OIDC identity token ({@link IdentityTokens}) exchanged for a Buddy token with the
     * workspace's OIDC provider, on this client's endpoint ({@link OidcTokenProvider}).
     */
    public Builder oidc(String providerId, Supplier<String> identityToken) {
      this.oidcProvider = Objects.requireNonNull(providerId, "providerId");
      this.identityToken = Objects.requireNonNull(identityToken, "identityToken");
      this.tokens = null;
      return this;
    }

    /** US (default), EU, AP or a self-hosted Buddy. */
    public Builder endpoint(BuddyEndpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** {@code us}, {@code eu}, {@code ap} or a URL such as {@code https://buddy.example.com/api}. */
    public Builder endpoint(String urlOrRegion) {
      return endpoint(BuddyEndpoint.of(urlOrRegion));
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How long to wait for an answer once a request is sent. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** WAIT (default) or FAIL on an exhausted rate limit. */
    public Builder rateLimitPolicy(RateLimitPolicy policy) {
      this.rateLimitPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /** How requests that are safe to repeat are repeated after faults. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /** How much of each exchange to log (redacted at every level). */
    public Builder logLevel(LogLevel level) {
      this.logLevel = Objects.requireNonNull(level);
      return this;
    }

    /**
     * Names your tool in the {@code User-Agent}, before buddy4j's own product token
     * (e.g. {@code my-deployer/2.1 buddy4j/0.1.0 Java/17}).
     */
    public Builder userAgent(String product) {
      this.userAgent = product + " " + this.userAgent;
      return this;
    }

    /** How often {@code waitUntilFinished} and log following poll: first interval, growing to max. */
    public Builder pollInterval(Duration initial, Duration max) {
      this.pollInitial = Objects.requireNonNull(initial);
      this.pollMax = Objects.requireNonNull(max);
      return this;
    }

    public Builder defaultWorkspace(String workspace) {
      this.defaultWorkspace = workspace;
      return this;
    }

    public Builder defaultProject(String project) {
      this.defaultProject = project;
      return this;
    }

    /** The clock rate-limit resets, token expiry and wait deadlines are judged by (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** How the client pauses (polls, rate-limit waits, backoff); tests pair one with a simulated {@link #clock}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * Sends nothing: each request goes to {@code recorder}, which notes it as core built it and answers
     * it (dry runs: the client describes what each call would send).
     */
    public Builder recordInstead(RequestRecorder recorder) {
      this.recorder = Objects.requireNonNull(recorder);
      return this;
    }

    /** Reads {@code BUDDY_TOKEN}, {@code BUDDY_API_ENDPOINT}, {@code BUDDY_WORKSPACE}, {@code BUDDY_PROJECT}. */
    public Builder environment(Map<String, String> env) {
      String token = blankToNull(env.get("BUDDY_TOKEN"));
      if (token != null) {
        token(token);
      }
      String ep = blankToNull(env.get("BUDDY_API_ENDPOINT"));
      if (ep != null) {
        endpoint(ep);
      }
      String ws = blankToNull(env.get("BUDDY_WORKSPACE"));
      if (ws != null) {
        defaultWorkspace(ws);
      }
      String project = blankToNull(env.get("BUDDY_PROJECT"));
      if (project != null) {
        defaultProject(project);
      }
      return this;
    }

    /** Freezes the configuration. */
    public BuddyClient build() {
      TokenProvider own = oidcProvider == null ? null : OidcTokenProvider.builder(oidcProvider, identityToken)
          .endpoint(endpoint).clock(clock).timeout(connectTimeout).build();
      tokens = own != null ? own : tokens;
      if (tokens == null) {
        throw new IllegalStateException("no Buddy token: set BUDDY_TOKEN or call token(...) / tokenProvider(...)");
      }
      Redactor redactor = Redactor.standard();
      RateLimitTracker tracker = new RateLimitTracker(clock);
      Transport transport = Transport.feign(new Transport.Settings(endpoint.baseUrl(), tokens, redactor,
          tracker, rateLimitPolicy, retryPolicy, connectTimeout, readTimeout, logLevel, userAgent, clock, sleeper), recorder);
      ClientContext context = new ClientContext(transport, endpoint, redactor, tracker, pollInitial, pollMax, readTimeout,
          clock, sleeper);
      return new BuddyClient(context, defaultWorkspace, defaultProject, own);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }

    private static String version() {
      String v = BuddyClient.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }
  }
}
