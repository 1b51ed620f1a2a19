package org.buddy4j.dsl;

/**
 * One mistake in a script, where it is: {@code deploy.groovy:3:5: unknown word 'regoin' in integration { } …}.
 *
 * @param file the script's name as the user gave it
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and what would be valid, with no secret values
 */
public record DslProblem(String file, int line, int column, String message) {

  /** {@code file:line[:column]: message}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(message).toString();
  }
}
