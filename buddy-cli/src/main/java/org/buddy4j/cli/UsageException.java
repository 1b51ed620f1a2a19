package org.buddy4j.cli;

/** A user mistake (option, input file, missing configuration): printed as is, exit code 2, no stack trace. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
