package org.buddy4j.dsl.compile;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.GroovyCodeVisitor;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.control.SourceUnit;

/**
 * A script's own statements, as the checks and rewriters walk them: Groovy compiles the top-level code
 * of a script into the body of its {@code run()} method.
 */
final class ScriptCode {
  private ScriptCode() {}

  /** Walks the script's top-level code (the body of {@code run()}) with {@code visitor}, if it has any. */
  static void visit(ClassNode script, GroovyCodeVisitor visitor) {
    MethodNode run = script.getMethod("run", Parameter.EMPTY_ARRAY);
    if (run != null && run.getCode() != null) {
      run.getCode().visit(visitor);
    }
  }

  /** A transformer over a script's code that reports what it finds against the script's source. */
  abstract static class Transformer extends ClassCodeExpressionTransformer {
    final SourceUnit source;

    Transformer(SourceUnit source) {
      this.source = source;
    }

    @Override
    protected SourceUnit getSourceUnit() {
      return source;
    }
  }
}
