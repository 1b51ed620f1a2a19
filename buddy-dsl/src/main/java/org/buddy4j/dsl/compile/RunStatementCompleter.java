package org.buddy4j.dsl.compile;

import java.util.List;
import org.buddy4j.dsl.context.RunStatements;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Makes run statements send at the end of the statement: every outermost {@code run …} /
 * {@code rollback …} expression (a statement, the right side of {@code def r = …}, an argument) becomes
 * {@code RunStatements.complete(<the expression>)}, and the bare words inside the sentence
 * ({@code pipeline}, {@code on}, {@code at}, …) become text, so they are read by the sentence's grammar
 * and never looked up as variables.
 */
final class RunStatementCompleter extends CompilationCustomizer {

  RunStatementCompleter() {
    super(CompilePhase.CANONICALIZATION);
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    if (!classNode.isScript()) {
      return;
    }
    ScriptCode.visit(classNode, new Transformer(source));
  }

  private static final class Transformer extends ScriptCode.Transformer {
    Transformer(SourceUnit source) {
      super(source);
    }

    @Override
    public Expression transform(Expression e) {
      if (e == null) {
        return null;
      }
      if (RunStatementShape.root(e) != null) {
        rewriteSentence(e);
        MethodCallExpression complete = new MethodCallExpression(
            new ClassExpression(ClassHelper.make(RunStatements.class)), "complete", new ArgumentListExpression(e));
        complete.setImplicitThis(false);
        complete.setSourcePosition(e);
        return complete;
      }
      if (e instanceof ClosureExpression c) {
        if (c.getCode() != null) {
          c.getCode().visit(this);
        }
        return c;
      }
      return e.transformExpression(this);
    }

    /** Bare words in the sentence become text; other arguments are transformed (they may hold closures). */
    private void rewriteSentence(Expression e) {
      for (MethodCallExpression call : RunStatementShape.calls(e)) {
        List<Expression> args = RunStatementShape.arguments(call);
        for (int i = 0; i < args.size(); i++) {
          Expression arg = args.get(i);
          String bare = RunStatementShape.bareWord(arg);
          if (bare != null) {
            ConstantExpression text = new ConstantExpression(bare);
            text.setSourcePosition(arg);
            args.set(i, text);
          } else {
            args.set(i, transform(arg));
          }
        }
      }
    }
  }
}
