package org.buddy4j.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.dsl.compile.ScriptCompiler;

/**
 * Runs Buddy scripts from Java: {@code BuddyScripts.run(Path.of("deploy.groovy"), client)}.
 *
 * <p>Every script is handled in three phases. It is <b>compiled</b> (syntax, every DSL word in every
 * branch, hygiene); <b>checked</b> by running it against a recorder that validates every statement
 * (integration fields against the catalog, required fields, value types) and sends nothing; and only
 * then <b>run</b> with the client. A mistake found in the first two phases is a {@link DslException}
 * and nothing was sent. {@link #dryRun} stops after the check and returns the requests.
 *
 * <p>All three phases run inside the script boundary: a script can call only the DSL's words and the
 * methods of plain values that {@link org.buddy4j.dsl.boundary.Allowlist} permits, refused statically at
 * compile time where possible and on the actual receiver at run time otherwise; it never reaches the
 * token, the file system, the process or reflection. A CPU budget ({@link ScriptOptions#cpuLimit}) stops
 * runaway scripts. {@link ScriptOptions#trusted} lifts the allowlist for local scripts.
 */
public final class BuddyScripts {
  private BuddyScripts() {}

  /** Compiles and checks the words of a script file (no run). */
  public static CompiledScript compile(Path script, ScriptOptions options) {
    return compile(script.toString(), script, read(script), options);
  }

  /** Compiles and checks the words of a script given as text; {@code name} is how messages name it. */
  public static CompiledScript compile(String name, String text, ScriptOptions options) {
    return compile(name, null, text, options);
  }

  private static CompiledScript compile(String name, Path file, String text, ScriptOptions options) {
    long t0 = System.nanoTime();
    var type = ScriptCompiler.compile(name, text, options.trusted());
    return new CompiledScript(name, file, type, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Compiles, checks and runs a script with the client (environment and defaults from the process). */
  public static ScriptResult run(Path script, BuddyClient client) {
    return run(script, client, ScriptOptions.defaults());
  }

  /**
   * Compiles, checks and runs a script with the client.
   *
   * @throws DslException a mistake in the script; nothing was sent
   * @throws ScriptFailedException Buddy refused or failed a request while the script ran
   */
  public static ScriptResult run(Path script, BuddyClient client, ScriptOptions options) {
    return compile(script, options).run(client, options);
  }

  /** Like {@link #run(Path, BuddyClient, ScriptOptions)} for a script given as text. */
  public static ScriptResult run(String name, String text, BuddyClient client, ScriptOptions options) {
    return compile(name, text, options).run(client, options);
  }

  /** Compiles and checks a script and returns every request it would send; sends none. */
  public static DryRun dryRun(Path script, ScriptOptions options) {
    return compile(script, options).dryRun(options);
  }

  public static DryRun dryRun(String name, String text, ScriptOptions options) {
    return compile(name, text, options).dryRun(options);
  }

  /** Every mistake in a script (empty when it is fine), without sending anything. */
  public static List<DslProblem> check(Path script, ScriptOptions options) {
    return check(script.toString(), read(script), options);
  }

  public static List<DslProblem> check(String name, String text, ScriptOptions options) {
    try {
      dryRun(name, text, options);
      return List.of();
    } catch (DslException e) {
      return e.problems();
    }
  }

  private static String read(Path script) {
    try {
      String text = Files.readString(script, StandardCharsets.UTF_8);
      // A UTF-8 byte order mark (some Windows editors write one) is not part of the script.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + script, e);
    }
  }
}
