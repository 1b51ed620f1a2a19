package org.buddy4j.dsl;

import groovy.lang.Binding;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.provision.ApplyReport;
import org.buddy4j.core.provision.Change;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.InMemorySecretLedger;
import org.buddy4j.core.provision.Plan;
import org.buddy4j.core.provision.Provisioner;
import org.buddy4j.core.provision.SecretLedger;
import org.buddy4j.dsl.boundary.ScriptBudget;
import org.buddy4j.dsl.boundary.ScriptStopped;
import org.buddy4j.dsl.compile.ScriptCompiler;
import org.buddy4j.dsl.context.BuddyScript;
import org.buddy4j.dsl.runtime.ClientSender;
import org.buddy4j.dsl.runtime.DryRunSender;
import org.buddy4j.dsl.runtime.DslRuntime;
import org.buddy4j.dsl.runtime.Sender;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * A script that compiled and passed the vocabulary check; it can be dry-run, planned, applied or run, any
 * number of times. Each execution gets a fresh script object with an empty binding.
 *
 * <p>The phases keep "check everything first, then act": the check run ({@link #dryRun},
 * {@link #desiredState}) collects what the script declares and checks every declaration and statement,
 * sending nothing; {@link #plan} compares the declarations with Buddy (GETs only); {@link #apply} applies
 * the plan; {@link #run} applies it and then runs the statements for real.
 */
public final class CompiledScript {
  private final String displayName;
  private final String sourceName;
  private final Class<? extends BuddyScript> type;
  private final Duration compileTime;
  private final Path file;
  private final SecretLedger ledger = new InMemorySecretLedger();

  CompiledScript(String displayName, Path file, Class<? extends BuddyScript> type, Duration compileTime) {
    this.displayName = displayName;
    this.file = file;
    this.sourceName = ScriptCompiler.sourceName(displayName);
    this.type = type;
    this.compileTime = compileTime;
  }

  public String name() {
    return displayName;
  }

  /** Runs the script against a recorder: every request its statements would send, what it declares; none sent. */
  public DryRun dryRun(ScriptOptions options) {
    return dryRun(options, options.workspace(), options.project());
  }

  private DryRun dryRun(ScriptOptions options, String workspace, String project) {
    DryRunSender recorder = new DryRunSender(options.assumedOutcome());
    DslRuntime runtime = execute(recorder, true, options, workspace, project, DslRuntime.LiveState.NONE);
    return new DryRun(recorder.requests(), runtime.declarations().state());
  }

  /**
   * The check run: every declaration and every statement checked, nothing sent; returns what the script
   * declares.
   *
   * @throws DslException for a mistake in the script
   */
  public DesiredState desiredState(ScriptOptions options) {
    return dryRun(options).desiredState();
  }

  /**
   * The check run, then the plan of the declared state against Buddy's (GETs only). Statements (runs,
   * rollbacks) are checked but not run.
   *
   * @throws DslException for a mistake in the script; nothing was read
   */
  public Plan plan(BuddyClient client, ScriptOptions options) {
    DesiredState desired = dryRun(options, workspace(client, options), project(client, options)).desiredState();
    return provisioner(client, options).plan(desired, options.prune());
  }

  /**
   * The check run, the plan, then applying it (no statement runs); {@code onApplied} hears of each change as
   * it is done. An apply stops at the first failure: the report says what was and was not applied.
   *
   * @throws DslException for a mistake in the script; nothing was sent
   */
  public ApplyReport apply(BuddyClient client, ScriptOptions options, Consumer<Change> onApplied) {
    DesiredState desired = dryRun(options, workspace(client, options), project(client, options)).desiredState();
    return apply(provisioner(client, options), desired, options, onApplied);
  }

  private static ApplyReport apply(Provisioner provisioner, DesiredState desired, ScriptOptions options,
                                   Consumer<Change> onApplied) {
    if (desired.isEmpty() && !options.prune()) {
      return new ApplyReport(List.of(), List.of(), Optional.empty());
    }
    return provisioner.apply(provisioner.plan(desired, options.prune()), onApplied);
  }

  /**
   * Checks the script (a check run: nothing sent if it finds a mistake), applies what it declares (plan,
   * then apply), then runs its statements for real with the client; they see the applied resources. A
   * script that declares nothing reads and writes nothing before its statements.
   *
   * @throws DslException for a mistake in the script
   * @throws ScriptFailedException when Buddy refused or failed a request: while applying (nothing of the
   *     statements ran) or during the real run
   */
  public ScriptResult run(BuddyClient client, ScriptOptions options) {
    String workspace = workspace(client, options);
    String project = project(client, options);
    long t0 = System.nanoTime();
    DryRun check = dryRun(options, workspace, project);
    long t1 = System.nanoTime();
    Provisioner provisioner = provisioner(client, options);
    ApplyReport applied = apply(provisioner, check.desiredState(), options, change -> { });
    if (applied.failure().isPresent()) {
      RuntimeException failure = applied.failure().get();
      String source = applied.notApplied().isEmpty() || applied.notApplied().get(0).declared() == null ? null
          : applied.notApplied().get(0).declared().source();
      throw new ScriptFailedException(placeAt(source, "applying the declared state failed ("
          + applied.applied().size() + " applied, " + applied.notApplied().size() + " not): " + failure.getMessage()), failure);
    }
    DslRuntime.LiveState live = check.desiredState().isEmpty() ? DslRuntime.LiveState.NONE : provisioner::live;
    execute(new ClientSender(client), false, options, workspace, project, live);
    long t2 = System.nanoTime();
    return new ScriptResult(applied, check.requests(), compileTime, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
  }

  private static String workspace(BuddyClient client, ScriptOptions options) {
    return options.workspace() != null ? options.workspace() : clientDefault(client, true);
  }

  private static String project(BuddyClient client, ScriptOptions options) {
    return options.project() != null ? options.project() : clientDefault(client, false);
  }

  private Provisioner provisioner(BuddyClient client, ScriptOptions options) {
    return new Provisioner(client, Ledgers.of(options, file, ledger));
  }

  private static String clientDefault(BuddyClient client, boolean workspace) {
    try {
      return workspace ? client.workspace().name() : client.project().name();
    } catch (IllegalStateException none) {
      return null;
    }
  }

  private DslRuntime execute(Sender sender, boolean checking, ScriptOptions options, String workspace, String project,
                             DslRuntime.LiveState live) {
    Duration limit = options.timeLimit();
    DslRuntime runtime = new DslRuntime(sender, checking, options.out(), options.environment(), workspace, project,
        options.waitLimit(), limit, displayName, sourceName, live);
    BuddyScript script = (BuddyScript) InvokerHelper.createScript(type, new Binding());
    script.attach(runtime);
    try (ScriptBudget budget = ScriptBudget.start(options.cpuLimit(), limit)) {
      script.run();
    } catch (Throwable t) {
      throw translate(t, checking);
    }
    List<Object> unfinished = runtime.unfinished();
    if (!unfinished.isEmpty()) {
      throw new DslException(List.of(new DslProblem(displayName, 0, 0, "a " + unfinished.get(0) + " was never completed")));
    }
    return runtime;
  }

  /** A problem at a declaration's source ("file:line"), or unplaced in the script. */
  private DslProblem placeAt(String source, String message) {
    int colon = source == null ? -1 : source.lastIndexOf(':');
    int line = 0;
    if (colon > 0) {
      try {
        line = Integer.parseInt(source.substring(colon + 1));
      } catch (NumberFormatException notALine) {
        line = 0;
      }
    }
    return new DslProblem(displayName, line, 0, message);
  }

  /** Turns what went wrong into one clean, placed message. */
  private RuntimeException translate(Throwable t, boolean checking) {
    int line = lineOf(t);
    if (t instanceof DslException d) {
      return d.unplaced() ? new DslException(List.of(place(line, d.problems().get(0).message()))) : d;
    }
    if (t instanceof BuddyException b) {
      return new ScriptFailedException(place(line, b.getMessage()), b);
    }
    if (t instanceof ScriptStopped s) {
      return new DslException(List.of(place(line, s.getMessage())));
    }
    if (t instanceof MissingMethodException m) {
      return new DslException(List.of(place(line, "'" + m.getMethod() + "' is not a method of "
          + (m.getType() == null ? "this value" : article(m.getType())))));
    }
    if (t instanceof MissingPropertyException m) {
      return new DslException(List.of(place(line, "'" + m.getProperty() + "' is not a property of "
          + (m.getType() == null ? "this value" : article(m.getType())))));
    }
    if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      return new DslException(List.of(place(line, t.getMessage())));
    }
    if (t instanceof NullPointerException) {
      return new DslException(List.of(place(line, t.getMessage() == null ? "a value is null" : t.getMessage())));
    }
    if (t instanceof StackOverflowError) {
      return new DslException(List.of(place(line, "the script calls itself too deeply")));
    }
    if (t instanceof Error e) {
      throw e;
    }
    String message = t.getMessage() == null ? "the script failed" : t.getMessage();
    return checking ? new DslException(List.of(place(line, message)))
        : new ScriptFailedException(place(line, message), t);
  }

  /** A value's kind in words, never a Java class name. */
  private static String article(Class<?> type) {
    if (type == String.class || groovy.lang.GString.class.isAssignableFrom(type)) {
      return "text";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class) {
      return "true/false";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "named values";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == IntegrationRef.class) {
      return "an integration";
    }
    if (type == Run.class) {
      return "a run's result";
    }
    return "this value";
  }

  private DslProblem place(int line, String message) {
    return new DslProblem(displayName, line, 0, message);
  }

  /** The line of the first stack frame in the script (the innermost place in the user's code). */
  private int lineOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      for (StackTraceElement frame : c.getStackTrace()) {
        if (sourceName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
          return frame.getLineNumber();
        }
      }
    }
    return 0;
  }
}
