package org.buddy4j.cli;

import org.buddy4j.core.LogLevel;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes (inherited by all subcommands). Flags win over the environment. */
public final class GlobalOptions {
  @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
      description = "Personal access token (default: $BUDDY_TOKEN; prefer the variable: flags show up in `ps`).")
  String token;

  @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "us, eu, ap or a self-hosted API URL (default: $BUDDY_API_ENDPOINT, else US).")
  String endpoint;

  @Option(names = {"-w", "--workspace"}, scope = ScopeType.INHERIT, paramLabel = "DOMAIN",
      description = "Workspace URL handle (default: $BUDDY_WORKSPACE).")
  String workspace;

  @Option(names = {"-p", "--project"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Project URL handle (default: $BUDDY_PROJECT).")
  String project;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log each HTTP exchange (redacted) to stderr; -vv adds headers, -vvv bodies (secrets masked).")
  boolean[] verbose = new boolean[0];

  /** How much of each HTTP exchange to log: one {@code -v} per level. */
  LogLevel logLevel() {
    LogLevel[] levels = LogLevel.values();
    return levels[Math.min(verbose.length, levels.length - 1)];
  }
}
