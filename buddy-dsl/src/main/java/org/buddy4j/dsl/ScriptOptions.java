package org.buddy4j.dsl;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.buddy4j.core.provision.SecretLedger;

/**
 * How a Buddy script runs: the environment it reads ({@code BUDDY_WORKSPACE}, {@code BUDDY_PROJECT},
 * {@code env("…")}), default workspace and project, the time limit, how long a wait may take, where
 * {@code println} writes, what a dry run assumes about how runs end, and for declarations the secret
 * ledger (or the state file that keeps it) and whether an apply prunes.
 */
public final class ScriptOptions {
  private Map<String, String> environment = System.getenv();
  private String workspace;
  private String project;
  private Duration timeLimit = Duration.ofMinutes(90);
  private Duration waitLimit = Duration.ofMinutes(60);
  private Duration cpuLimit = Duration.ofSeconds(30);
  private boolean trusted;
  private PrintStream out = System.out;
  private String assumedOutcome = "SUCCESSFUL";
  private SecretLedger ledger;
  private Path stateFile;
  private boolean prune;

  private ScriptOptions() {}

  public static ScriptOptions defaults() {
    return new ScriptOptions();
  }

  /** The environment scripts see (default: the process's). BUDDY_TOKEN in it is never readable by scripts. */
  public ScriptOptions environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  /** The workspace outside {@code workspace "…" { }} blocks (default: BUDDY_WORKSPACE, then the client's). */
  public ScriptOptions workspace(String workspace) {
    this.workspace = workspace;
    return this;
  }

  /** The project outside {@code project "…" { }} blocks (default: BUDDY_PROJECT, then the client's). */
  public ScriptOptions project(String project) {
    this.project = project;
    return this;
  }

  /** The most one execution of the script may take (default 90 minutes); waits never go past it. */
  public ScriptOptions timeLimit(Duration timeLimit) {
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("timeLimit must be positive");
    }
    this.timeLimit = timeLimit;
    return this;
  }

  /**
   * The most CPU time the script's own code may use in one execution (default 30 s; the CLI's
   * {@code --timeout}). Waiting for Buddy costs none; a loop that never ends is stopped when it is spent.
   */
  public ScriptOptions cpuLimit(Duration cpuLimit) {
    if (cpuLimit.isNegative() || cpuLimit.isZero()) {
      throw new IllegalArgumentException("cpuLimit must be positive");
    }
    this.cpuLimit = cpuLimit;
    return this;
  }

  /**
   * Lifts the script boundary's allowlist (the CLI's {@code --trusted}, off by default): for a local
   * script you wrote yourself. The DSL's words, annotations and the time limits are still checked.
   */
  public ScriptOptions trusted(boolean trusted) {
    this.trusted = trusted;
    return this;
  }

  /** The most {@code waitUntilFinished()} waits (default 60 minutes). */
  public ScriptOptions waitLimit(Duration waitLimit) {
    this.waitLimit = Objects.requireNonNull(waitLimit);
    return this;
  }

  /** Where {@code println} writes (default System.out). */
  public ScriptOptions out(PrintStream out) {
    this.out = Objects.requireNonNull(out);
    return this;
  }

  /** How simulated runs end in a dry run: SUCCESSFUL (default), FAILED, TERMINATED, … */
  public ScriptOptions assumeRunsEnd(String status) {
    this.assumedOutcome = Objects.requireNonNull(status);
    return this;
  }

  /**
   * The secret ledger a plan compares secrets with and an apply records them in (keyed hashes, never
   * values). Default: the file {@link #stateFile} names.
   */
  public ScriptOptions ledger(SecretLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger);
    return this;
  }

  /** The file that keeps the secret ledger (default: beside the script, see {@code CompiledScript}). */
  public ScriptOptions stateFile(Path stateFile) {
    this.stateFile = Objects.requireNonNull(stateFile);
    return this;
  }

  /**
   * Whether applying deletes live resources of a declared kind, under a parent that declares at least one
   * of that kind, that the script does not declare (default false: nothing is ever deleted without it).
   */
  public ScriptOptions prune(boolean prune) {
    this.prune = prune;
    return this;
  }

  /** The ledger given, or null (then the state file's is used). */
  public SecretLedger ledger() {
    return ledger;
  }

  /** The state file given, or null (then the default beside the script). */
  public Path stateFile() {
    return stateFile;
  }

  public boolean prune() {
    return prune;
  }

  public Map<String, String> environment() {
    return environment;
  }

  public String workspace() {
    return workspace != null ? workspace : blankToNull(environment.get("BUDDY_WORKSPACE"));
  }

  public String project() {
    return project != null ? project : blankToNull(environment.get("BUDDY_PROJECT"));
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  public Duration cpuLimit() {
    return cpuLimit;
  }

  public boolean trusted() {
    return trusted;
  }

  public Duration waitLimit() {
    return waitLimit;
  }

  public PrintStream out() {
    return out;
  }

  public String assumedOutcome() {
    return assumedOutcome;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
