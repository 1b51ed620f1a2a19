package org.buddy4j.dsl.compile;

import java.util.List;
import java.util.Set;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Makes {@code workspace "buddy" { … }} (and every declaration, {@code pipeline "deploy" { … }}) mean
 * {@code workspace("buddy", { … })}. Groovy reads a text
 * followed by a block as a call named by the text ({@code workspace("buddy"({ … }))}); this puts the
 * name and the block back as two arguments before anything else looks at the script.
 */
final class NamedBlockRewriter extends CompilationCustomizer {
  private static final Set<String> NAMED_BLOCKS = namedBlocks();

  NamedBlockRewriter() {
    super(CompilePhase.CONVERSION);
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    ClassCodeVisitorSupport visitor = new ClassCodeVisitorSupport() {
      @Override
      protected SourceUnit getSourceUnit() {
        return source;
      }

      @Override
      public void visitMethodCallExpression(MethodCallExpression call) {
        rewrite(call);
        super.visitMethodCallExpression(call);
      }
    };
    if (source.getAST().getStatementBlock() != null) {
      source.getAST().getStatementBlock().visit(visitor);
    }
    visitor.visitClass(classNode);
  }

  /** workspace and every declarable kind ({@code pipeline "deploy" { … }}, {@code integration "id" { … }}, …). */
  private static Set<String> namedBlocks() {
    Set<String> out = new java.util.HashSet<>(Set.of("workspace", "project"));
    Vocabulary.get().kinds().forEach(k -> out.add(k.word()));
    return Set.copyOf(out);
  }

  private static void rewrite(MethodCallExpression call) {
    if (!call.isImplicitThis() || !NAMED_BLOCKS.contains(call.getMethodAsString())
        || !(call.getArguments() instanceof ArgumentListExpression args) || args.getExpressions().size() != 1
        || !(args.getExpression(0) instanceof MethodCallExpression inner) || !inner.isImplicitThis()) {
      return;
    }
    Expression name = inner.getMethod();
    List<Expression> innerArgs = RunStatementShape.arguments(inner);
    if (!(name instanceof ConstantExpression c && c.getValue() instanceof String) && !(name instanceof GStringExpression)) {
      return;
    }
    if (innerArgs.size() != 1 || !(innerArgs.get(0) instanceof ClosureExpression body)) {
      return;
    }
    Expression text = name instanceof ConstantExpression c ? new ConstantExpression(c.getValue()) : name;
    text.setSourcePosition(name.getLineNumber() > 0 ? name : inner);
    call.setArguments(new ArgumentListExpression(text, body));
  }
}
