package org.buddy4j.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * What a command runs with: the environment (BUDDY_TOKEN, BUDDY_API_ENDPOINT, BUDDY_WORKSPACE,
 * BUDDY_PROJECT…) and where output and diagnostics go. Tests pass their own.
 */
public record CliContext(Map<String, String> env, PrintStream out, PrintStream err) {

  public String env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
