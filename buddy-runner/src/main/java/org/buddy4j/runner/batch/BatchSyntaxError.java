package org.buddy4j.runner.batch;

/** A reader cannot get past a syntax error at {@code line}; the checker names the file. */
final class BatchSyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int line;

  BatchSyntaxError(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }
}
