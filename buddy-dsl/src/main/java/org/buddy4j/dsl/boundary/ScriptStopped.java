package org.buddy4j.dsl.boundary;

/**
 * The script was stopped: it reached for something outside the {@link Allowlist}, or spent its
 * {@link ScriptBudget}. An {@link Error}, so that a script's own {@code try { } catch (e) { }} (which
 * catches exceptions) cannot swallow it and carry on; the engine turns it into a placed script mistake
 * (exit code 2).
 */
public final class ScriptStopped extends Error {
  public ScriptStopped(String message) {
    super(message); // with its stack trace: the engine reads the script line from it
  }
}
