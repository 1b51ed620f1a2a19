package org.buddy4j.dsl.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.provision.Address;
import org.buddy4j.dsl.DslException;

/**
 * What one execution of a script works with: where requests go, the default workspace and project,
 * the environment, where {@code println} writes, and the deadline. It is handed to the script object
 * directly, never through the binding; the API token stays inside the client.
 */
public final class DslRuntime {
  private final Sender sender;
  private final boolean checking;
  private final PrintStream out;
  private final Map<String, String> environment;
  private final String defaultWorkspace;
  private final String defaultProject;
  private final Duration waitLimit;
  private final Instant deadline;
  private final List<Object> pending = new ArrayList<>();
  private final Declarations declarations = new Declarations();
  private final String displayName;
  private final String sourceName;
  private final LiveState live;
  private Object script;

  /** What Buddy has at an address, once the declared state is applied (empty in the check run). */
  @FunctionalInterface
  public interface LiveState {
    Optional<Map<String, Object>> at(Address address);

    LiveState NONE = address -> Optional.empty();
  }

  public DslRuntime(Sender sender, boolean checking, PrintStream out, Map<String, String> environment,
                    String defaultWorkspace, String defaultProject, Duration waitLimit, Duration timeLimit,
                    String displayName, String sourceName, LiveState live) {
    this.sender = sender;
    this.displayName = displayName;
    this.sourceName = sourceName;
    this.live = live;
    this.checking = checking;
    this.out = out;
    Map<String, String> readable = new java.util.HashMap<>(environment);
    readable.keySet().removeIf(DslRuntime::isCredential); // not even held where a script runs
    this.environment = Map.copyOf(readable);
    this.defaultWorkspace = defaultWorkspace;
    this.defaultProject = defaultProject;
    this.waitLimit = waitLimit;
    this.deadline = Instant.now().plus(timeLimit);
  }

  /** The script object: the owner and {@code this} of every block closure. */
  public Object script() {
    return script;
  }

  public void script(Object script) {
    if (this.script != null) {
      throw new IllegalStateException("already attached to a script");
    }
    this.script = script;
  }

  public Sender sender() {
    return sender;
  }

  /** The declarations made so far. */
  public Declarations declarations() {
    return declarations;
  }

  /** The applied state (the check run knows none). */
  public LiveState live() {
    return live;
  }

  /** The script's name as messages give it. */
  public String displayName() {
    return displayName;
  }

  /**
   * Where the script is now, {@code "deploy.groovy:12"}: the innermost line of the script's own code on the
   * stack (the statement being run), for declarations' sources and messages.
   */
  public String here() {
    for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
      if (sourceName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
        return displayName + ":" + frame.getLineNumber();
      }
    }
    return displayName;
  }

  /** The line of {@link #here()}, or 0. */
  public int line() {
    String h = here();
    int colon = h.lastIndexOf(':');
    return colon < 0 ? 0 : Integer.parseInt(h.substring(colon + 1));
  }

  /** Whether this is the check run (nothing is sent, nothing is printed). */
  public boolean checking() {
    return checking;
  }

  public String defaultWorkspace() {
    return defaultWorkspace;
  }

  public String defaultProject() {
    return defaultProject;
  }

  /** {@code println} from the script. */
  public void print(Object value, boolean newline) {
    if (!checking) {
      String text = String.valueOf(value);
      if (newline) {
        out.println(text);
      } else {
        out.print(text);
      }
      out.flush();
    }
  }

  /**
   * {@code env("NAME")}: an environment variable. The client's own credentials (BUDDY_TOKEN and any other
   * BUDDY_… variable but the workspace, project and endpoint) are never readable from scripts.
   */
  public String env(String name, String fallback, boolean hasFallback) {
    if (isCredential(name)) {
      throw new DslException("env(\"" + name + "\") is not available to scripts: the token stays inside the client");
    }
    String value = environment.get(name);
    if (value == null) {
      if (hasFallback) {
        return fallback;
      }
      throw new DslException("environment variable " + name + " is not set (use env(\"" + name + "\", \"default\") for a default)");
    }
    return value;
  }

  /** Whether the name is one of the client's credentials, which scripts never read. */
  public static boolean isCredential(String name) {
    String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
    return upper.startsWith("BUDDY_") && !java.util.Set.of("BUDDY_WORKSPACE", "BUDDY_PROJECT", "BUDDY_API_ENDPOINT").contains(upper);
  }

  /** How long {@code waitUntilFinished()} may wait: the wait limit, but never past the script's deadline. */
  public Duration waitBudget(Duration requested) {
    Duration left = Duration.between(Instant.now(), deadline);
    Duration limit = requested == null ? waitLimit : requested;
    return left.compareTo(limit) < 0 ? (left.isNegative() ? Duration.ZERO : left) : limit;
  }

  /** A run statement has started; it must be completed before the script ends. */
  public void opened(Object statement) {
    pending.add(statement);
  }

  public void completed(Object statement) {
    pending.remove(statement);
  }

  /** Statements that were started but never completed (a bug if non-empty). */
  public List<Object> unfinished() {
    return List.copyOf(pending);
  }
}
