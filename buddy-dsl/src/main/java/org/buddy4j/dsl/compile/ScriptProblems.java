package org.buddy4j.dsl.compile;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * The one error collector of the compile-time check: every layer ({@link BoundaryCheck},
 * {@link PlacementCheck}, {@link ValueCheck}, {@link RunStatementCheck}) reports its mistakes here, each
 * with its line and column; all of them are collected, none stops the check.
 */
final class ScriptProblems {
  private final SourceUnit source;
  private final boolean trusted;
  private int quiet;

  /** @param trusted whether the script boundary is lifted ({@code --trusted}): only the words are checked */
  ScriptProblems(SourceUnit source, boolean trusted) {
    this.source = source;
    this.trusted = trusted;
  }

  SourceUnit source() {
    return source;
  }

  boolean trusted() {
    return trusted;
  }

  /** A mistake in the DSL's words or values. */
  void error(String message, ASTNode at) {
    if (quiet == 0) {
      report(source, message, at);
    }
  }

  /** A refusal of the script boundary (lifted by --trusted), as opposed to a mistake in the DSL's words. */
  void refuse(String message, ASTNode at) {
    if (!trusted) {
      error(message, at);
    }
  }

  /** Checks inside a mistake without reporting: one mistake should not produce a cascade. */
  void quietly(Runnable check) {
    quiet++;
    try {
      check.run();
    } finally {
      quiet--;
    }
  }

  /** Reports at the node's line and column (1 when Groovy does not know). */
  static void report(SourceUnit source, String message, ASTNode node) {
    int line = Math.max(node.getLineNumber(), 1);
    int col = Math.max(node.getColumnNumber(), 1);
    source.getErrorCollector().addErrorAndContinue(
        new SyntaxException(message, line, col, node.getLastLineNumber(), node.getLastColumnNumber()), source);
  }
}
