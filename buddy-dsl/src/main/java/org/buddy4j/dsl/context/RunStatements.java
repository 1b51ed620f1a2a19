package org.buddy4j.dsl.context;

/**
 * Completes run statements. The compiler wraps every outermost run or rollback expression of a script
 * in {@code RunStatements.complete(…)}, so the request is sent when the statement ends and the
 * statement's value is the {@link org.buddy4j.dsl.Run}.
 */
public final class RunStatements {
  private RunStatements() {}

  /** Sends a pending run statement; other values pass through. */
  public static Object complete(Object statement) {
    return statement instanceof RunChain chain ? chain.send() : statement;
  }
}
