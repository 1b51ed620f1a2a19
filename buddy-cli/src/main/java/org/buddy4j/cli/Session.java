package org.buddy4j.cli;

import java.time.Duration;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyEndpoint;
import org.buddy4j.core.Handles;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.ratelimit.RateLimitPolicy;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * The client a command talks to Buddy with, configured like Buddy's own CLI: flags first, then
 * {@code BUDDY_TOKEN}, {@code BUDDY_API_ENDPOINT}, {@code BUDDY_WORKSPACE}, {@code BUDDY_PROJECT}.
 * With neither a token nor an endpoint it starts the embedded emulator (the newcomer's first command
 * works offline) and says so in one line on stderr. Closing it closes the client and stops that emulator.
 */
public final class Session implements AutoCloseable {
  /** The embedded emulator's seed: workspace and project used when none is configured. */
  static final String EMBEDDED_WORKSPACE = "buddy";
  static final String EMBEDDED_PROJECT = "company-website";

  private final BuddyClient client;
  private final BuddyEmulator emulator;
  private final String workspace;
  private final String project;

  private Session(BuddyClient client, BuddyEmulator emulator, String workspace, String project) {
    this.client = client;
    this.emulator = emulator;
    this.workspace = workspace;
    this.project = project;
  }

  /** The settings a session is opened with, resolved from flags and environment. */
  public record Settings(String token, String endpoint, String workspace, String project, LogLevel logLevel) {

    /**
     * Flags over environment, each value checked before anything starts: the endpoint is us, eu, ap or an
     * http(s) URL, the workspace and project are URL handles ({@link Handles}).
     */
    static Settings resolve(CliContext ctx, GlobalOptions flags) {
      Settings s = new Settings(
          first(flags.token, ctx.env("BUDDY_TOKEN")),
          first(flags.endpoint, ctx.env("BUDDY_API_ENDPOINT")),
          first(flags.workspace, ctx.env("BUDDY_WORKSPACE")),
          first(flags.project, ctx.env("BUDDY_PROJECT")),
          flags.logLevel());
      if (s.endpoint != null) {
        try {
          BuddyEndpoint.of(s.endpoint);
        } catch (IllegalArgumentException e) {
          throw new UsageException((flags.endpoint != null ? "--endpoint: " : "BUDDY_API_ENDPOINT: ") + e.getMessage());
        }
      }
      check(s.workspace, flags.workspace != null ? "--workspace" : "BUDDY_WORKSPACE", "workspace");
      check(s.project, flags.project != null ? "--project" : "BUDDY_PROJECT", "project");
      return s;
    }

    private static void check(String handle, String where, String kind) {
      String problem = handle == null ? null : Handles.problem(kind, handle);
      if (problem != null) {
        throw new UsageException(where + ": " + problem);
      }
    }

    /** Whether the embedded emulator will be used (no token and no endpoint configured). */
    boolean embedded() {
      return token == null && endpoint == null;
    }

    /** The default workspace, including the embedded emulator's. */
    String effectiveWorkspace() {
      return workspace != null ? workspace : embedded() ? EMBEDDED_WORKSPACE : null;
    }

    String effectiveProject() {
      return project != null ? project : embedded() ? EMBEDDED_PROJECT : null;
    }

    private static String first(String a, String b) {
      return a != null && !a.isBlank() ? a.trim() : b;
    }
  }

  /**
   * Opens a session.
   *
   * @param failFastOnRateLimit the batch runner paces itself and wants 429s back (not applied) rather
   *     than a worker thread blocked until the window resets
   */
  static Session open(CliContext ctx, Settings s, boolean failFastOnRateLimit) {
    return open(ctx, s, failFastOnRateLimit, null);
  }

  /** As above; {@code readTimeout} (when not null) is how long each request waits for its answer. */
  static Session open(CliContext ctx, Settings s, boolean failFastOnRateLimit, Duration readTimeout) {
    if (s.token() == null && s.endpoint() != null) {
      throw new UsageException("BUDDY_API_ENDPOINT is set (" + s.endpoint() + ") but there is no token: set BUDDY_TOKEN"
          + " (or --token) to a personal access token");
    }
    BuddyEmulator emulator = null;
    BuddyClient.Builder b = BuddyClient.builder()
        .rateLimitPolicy(failFastOnRateLimit ? RateLimitPolicy.failFast() : RateLimitPolicy.waitForReset())
        .logLevel(s.logLevel())
        .userAgent("buddy-cli");
    if (readTimeout != null) {
      b.readTimeout(readTimeout);
    }
    if (s.embedded()) {
      EmulatorOptions options = EmulatorOptions.defaults();
      String speed = ctx.env("BUDDY4J_EMULATOR_CLOCK_SPEED");
      if (speed != null) {
        options.clockSpeed(Double.parseDouble(speed));
      }
      emulator = BuddyEmulator.start(options);
      ctx.err().println("buddy: no BUDDY_TOKEN or BUDDY_API_ENDPOINT set; using an embedded Buddy emulator at "
          + emulator.baseUrl() + " (workspace '" + EMBEDDED_WORKSPACE + "', project '" + EMBEDDED_PROJECT + "')");
      ctx.err().flush();
      b.token(emulator.token()).endpoint(emulator.baseUrl()).pollInterval(Duration.ofMillis(250), Duration.ofSeconds(2));
    } else {
      b.token(s.token());
      if (s.endpoint() != null) {
        b.endpoint(s.endpoint());
      }
    }
    String workspace = s.effectiveWorkspace();
    String project = s.effectiveProject();
    if (workspace != null) {
      b.defaultWorkspace(workspace);
    }
    if (project != null) {
      b.defaultProject(project);
    }
    try {
      return new Session(b.build(), emulator, workspace, project);
    } catch (RuntimeException e) {
      if (emulator != null) {
        emulator.close();
      }
      throw e;
    }
  }

  public BuddyClient client() {
    return client;
  }

  public boolean embedded() {
    return emulator != null;
  }

  /** The workspace to use: the argument, else the default; a usage error when there is none. */
  public String workspace(String given) {
    String w = given != null ? given : workspace;
    if (w == null) {
      throw new UsageException("no workspace: pass --workspace or set BUDDY_WORKSPACE");
    }
    return w;
  }

  public String project(String given) {
    String p = given != null ? given : project;
    if (p == null) {
      throw new UsageException("no project: pass --project or set BUDDY_PROJECT");
    }
    return p;
  }

  @Override
  public void close() {
    client.close(); // its HTTP threads: else the JVM's exit waits for them (see BuddyClient#close)
    if (emulator != null) {
      emulator.close();
    }
  }
}
