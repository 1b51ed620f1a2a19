package org.buddy4j.dsl;

import groovy.lang.Binding;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import java.time.Duration;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.errors.BuddyException;
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
 * A script that compiled and passed the vocabulary check; it can be dry-run or run, any number of
 * times. Each execution gets a fresh script object with an empty binding.
 */
public final class CompiledScript {
  private final String displayName;
  private final String sourceName;
  private final Class<? extends BuddyScript> type;
  private final Duration compileTime;

  CompiledScript(String displayName, Class<? extends BuddyScript> type, Duration compileTime) {
    this.displayName = displayName;
    this.sourceName = ScriptCompiler.sourceName(displayName);
    this.type = type;
    this.compileTime = compileTime;
  }

  public String name() {
    return displayName;
  }

  /** Runs the script against a recorder: every request it would send, and none sent. */
  public DryRun dryRun(ScriptOptions options) {
    return dryRun(options, options.workspace(), options.project());
  }

  private DryRun dryRun(ScriptOptions options, String workspace, String project) {
    DryRunSender recorder = new DryRunSender(options.assumedOutcome());
    execute(recorder, true, options, workspace, project);
    return new DryRun(recorder.requests());
  }

  /**
   * Checks the script by a dry run, then runs it for real with the client. If the check finds a
   * mistake, nothing is sent.
   *
   * @throws DslException for a mistake in the script
   * @throws ScriptFailedException when Buddy refused or failed a request during the real run
   */
  public ScriptResult run(BuddyClient client, ScriptOptions options) {
    String workspace = options.workspace() != null ? options.workspace() : clientDefault(client, true);
    String project = options.project() != null ? options.project() : clientDefault(client, false);
    long t0 = System.nanoTime();
    DryRun check = dryRun(options, workspace, project);
    long t1 = System.nanoTime();
    execute(new ClientSender(client), false, options, workspace, project);
    long t2 = System.nanoTime();
    return new ScriptResult(check.requests(), compileTime, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
  }

  private static String clientDefault(BuddyClient client, boolean workspace) {
    try {
      return workspace ? client.workspace().name() : client.project().name();
    } catch (IllegalStateException none) {
      return null;
    }
  }

  private void execute(Sender sender, boolean checking, ScriptOptions options, String workspace, String project) {
    Duration limit = options.timeLimit();
    DslRuntime runtime = new DslRuntime(sender, checking, options.out(), options.environment(), workspace, project,
        options.waitLimit(), limit);
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
