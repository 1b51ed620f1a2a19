package org.buddy4j.core;

import java.util.regex.Pattern;

/**
 * The rule for the names of the variables a run passes ({@code variables[].key} of
 * {@code POST …/executions}): letters, digits, {@code _}, {@code .} and {@code -}, not starting with a
 * digit, {@code .} or {@code -}, and each name once per run, whether plain or encrypted (Buddy would
 * otherwise receive both and keep one). {@link RunOptions} enforces it; batch files, the CLI's
 * {@code --var}/{@code --secret-var} and the DSL's run words check with it before anything is sent.
 */
public final class RunVariables {
  /** What a name may be, for messages. */
  public static final String RULE = "letters, digits, '_', '.' and '-', not starting with a digit, '.' or '-'";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private RunVariables() {}

  /** Whether {@code name} is a valid variable name. */
  public static boolean isName(String name) {
    return name != null && name.length() <= 255 && NAME.matcher(name).matches();
  }

  /**
   * Why {@code name} is not a valid variable name, or null. The name is not repeated (callers add it
   * when they know it is not part of a secret).
   */
  public static String nameProblem(String name) {
    if (name == null || name.isEmpty()) {
      return "a variable name is empty; use " + RULE;
    }
    return isName(name) ? null : "is not a variable name; use " + RULE;
  }

  /** The message for a name given twice in one run. */
  public static String duplicate(String name, boolean firstEncrypted, boolean againEncrypted) {
    String how = firstEncrypted == againEncrypted
        ? "is given twice" : "is given both as a plain and as a secret variable";
    return "variable '" + name + "' " + how + "; give each variable once per run";
  }
}
