package org.buddy4j.batch.file;

/**
 * One mistake in a batch file, where it is: {@code release.yaml:7: unknown field 'brnch' (did you mean 'branch'?) …}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 for the whole file
 * @param message what is wrong and what would be valid
 */
public record BatchProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
