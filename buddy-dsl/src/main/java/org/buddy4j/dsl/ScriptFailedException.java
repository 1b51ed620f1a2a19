package org.buddy4j.dsl;

/**
 * A script was correct but Buddy refused or failed a request while it ran (an API error, a timeout,
 * a lost answer): {@code file:line: message}, with the buddy-core exception as the cause. Requests
 * before this line were sent.
 */
public final class ScriptFailedException extends RuntimeException {
  private final DslProblem where;

  public ScriptFailedException(DslProblem where, Throwable cause) {
    super(where.toString(), cause);
    this.where = where;
  }

  public DslProblem where() {
    return where;
  }
}
