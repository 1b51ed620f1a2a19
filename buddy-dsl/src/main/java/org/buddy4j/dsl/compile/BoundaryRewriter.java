package org.buddy4j.dsl.compile;

import java.util.ArrayList;
import java.util.List;
import org.buddy4j.dsl.boundary.Boundary;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.SpreadMapExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * The script boundary, at compile time: every call, property read, property write and subscript whose
 * receiver is a value becomes a checked call into {@link Boundary} (which decides on the receiver's
 * actual class), and every loop body and closure body starts with {@link Boundary#tick()}. DSL words
 * (implicit-this calls, already checked against the vocabulary) and the run sentence
 * ({@code run pipeline 2 on branch "master"}, which only collects words) stay as written; their value
 * arguments are rewritten like everything else. With {@code trusted} only the ticks are added.
 *
 * <p>Runs after {@link VocabularyChecker} (which refuses what can be refused statically, with file and
 * line) and before {@link RunStatementCompleter} (whose own calls are the engine's, not the script's).
 */
final class BoundaryRewriter extends CompilationCustomizer {
  private static final ClassNode BOUNDARY = ClassHelper.make(Boundary.class);
  private final boolean trusted;

  BoundaryRewriter(boolean trusted) {
    super(CompilePhase.CANONICALIZATION);
    this.trusted = trusted;
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    if (!classNode.isScript() || source.getErrorCollector().hasErrors()) {
      return; // the compilation fails anyway; its messages are about the user's code, not ours
    }
    ScriptCode.visit(classNode, new Rewriter(source));
  }

  private final class Rewriter extends ScriptCode.Transformer {
    Rewriter(SourceUnit source) {
      super(source);
    }

    @Override
    public void visitWhileLoop(WhileStatement loop) {
      super.visitWhileLoop(loop);
      loop.setLoopBlock(ticked(loop.getLoopBlock()));
    }

    @Override
    public void visitDoWhileLoop(DoWhileStatement loop) {
      super.visitDoWhileLoop(loop);
      loop.setLoopBlock(ticked(loop.getLoopBlock()));
    }

    @Override
    public void visitForLoop(ForStatement loop) {
      super.visitForLoop(loop);
      loop.setLoopBlock(ticked(loop.getLoopBlock()));
    }

    @Override
    public Expression transform(Expression e) {
      if (e == null) {
        return null;
      }
      if (e instanceof ClosureExpression c) {
        if (c.getParameters() != null && !trusted) {
          for (Parameter p : c.getParameters()) {
            if (p.hasInitialExpression()) {
              p.setInitialExpression(transform(p.getInitialExpression()));
            }
          }
        }
        if (c.getCode() != null) {
          c.getCode().visit(this);
          c.setCode(ticked(c.getCode()));
        }
        return c;
      }
      if (trusted) {
        return e.transformExpression(this);
      }
      if (RunStatementShape.root(e) != null) {
        sentenceArguments(e);
        return e;
      }
      if (e instanceof MethodCallExpression call) {
        return call(call);
      }
      if (e instanceof PropertyExpression p) {
        if (p.getObjectExpression() instanceof ClassExpression c && BoundaryCheck.isConstantClass(c)) {
          return p; // a DSL constant such as AMAZON
        }
        return checked(p, "property", transform(p.getObjectExpression()), name(p.getProperty()),
            bool(p.isSafe()), bool(p.isSpreadSafe()));
      }
      if (e instanceof DeclarationExpression d) {
        d.setRightExpression(transform(d.getRightExpression()));
        return d;
      }
      if (e instanceof BinaryExpression b) {
        return binary(b);
      }
      if ((e instanceof PostfixExpression || e instanceof PrefixExpression) && changesMember(operand(e))) {
        ScriptProblems.report(source, "'++' and '--' work on local variables only in Buddy scripts", e);
        return e;
      }
      return e.transformExpression(this);
    }

    private Expression call(MethodCallExpression call) {
      if (call.isImplicitThis()) {
        call.setArguments(transform(call.getArguments())); // a DSL word, checked against the vocabulary
        return call;
      }
      Expression receiver = transform(call.getObjectExpression());
      return checked(call, "call", receiver, name(call.getMethod()), arguments(call.getArguments()),
          bool(call.isSafe()), bool(call.isSpreadSafe()));
    }

    private Expression binary(BinaryExpression b) {
      int op = b.getOperation().getType();
      Expression left = b.getLeftExpression();
      if (op == Types.LEFT_SQUARE_BRACKET) {
        return checked(b, "getAt", transform(left), transform(b.getRightExpression()), bool(b.isSafe()));
      }
      if (op == Types.ASSIGN && left instanceof BinaryExpression sub && sub.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
        return checked(b, "putAt", transform(sub.getLeftExpression()), transform(sub.getRightExpression()),
            transform(b.getRightExpression()));
      }
      if (op == Types.ASSIGN && left instanceof PropertyExpression p) {
        return checked(b, "setProperty", transform(p.getObjectExpression()), name(p.getProperty()),
            transform(b.getRightExpression()));
      }
      if (Types.ofType(op, Types.ASSIGNMENT_OPERATOR) && changesMember(left)) {
        ScriptProblems.report(source, "'" + b.getOperation().getText()
            + "' works on local variables only in Buddy scripts: write x[k] = x[k] + 1", b);
        return b;
      }
      return b.transformExpression(this);
    }

    /** Bare words of a run sentence stay; its values (env("X"), variables, "${…}") are rewritten. */
    private void sentenceArguments(Expression e) {
      for (MethodCallExpression call : RunStatementShape.calls(e)) {
        call.setArguments(transform(call.getArguments()));
      }
    }

    /** The call's arguments as one Object[]; named arguments become the leading map, as Groovy passes them. */
    private Expression arguments(Expression args) {
      List<Expression> values = new ArrayList<>();
      List<Expression> items = args instanceof TupleExpression t ? t.getExpressions() : List.of(args);
      for (Expression a : items) {
        if (a instanceof SpreadExpression || a instanceof SpreadMapExpression) {
          ScriptProblems.report(source, "spreading arguments (*list) is not allowed in Buddy scripts", a);
        } else if (a instanceof NamedArgumentListExpression named) {
          values.add(transform(new MapExpression(named.getMapEntryExpressions())));
        } else {
          values.add(transform(a));
        }
      }
      return new ArrayExpression(ClassHelper.OBJECT_TYPE, values);
    }

    private Expression name(Expression name) {
      return transform(name); // a constant, or a GString the checker has already refused
    }

    private Expression checked(Expression original, String method, Expression... args) {
      MethodCallExpression call = new MethodCallExpression(new ClassExpression(BOUNDARY), method, new ArgumentListExpression(args));
      call.setImplicitThis(false);
      call.setSourcePosition(original);
      return call;
    }

    private Statement ticked(Statement body) {
      MethodCallExpression tick = new MethodCallExpression(new ClassExpression(BOUNDARY), "tick", ArgumentListExpression.EMPTY_ARGUMENTS);
      tick.setImplicitThis(false);
      tick.setSourcePosition(body);
      ExpressionStatement first = new ExpressionStatement(tick);
      first.setSourcePosition(body);
      BlockStatement block = new BlockStatement();
      block.setSourcePosition(body);
      block.addStatement(first);
      block.addStatement(body);
      block.setVariableScope(body instanceof BlockStatement b ? b.getVariableScope() : null);
      return block;
    }
  }

  private static boolean changesMember(Expression e) {
    return e instanceof PropertyExpression
        || (e instanceof BinaryExpression b && b.getOperation().getType() == Types.LEFT_SQUARE_BRACKET);
  }

  private static Expression operand(Expression e) {
    return e instanceof PostfixExpression p ? p.getExpression() : ((PrefixExpression) e).getExpression();
  }

  private static ConstantExpression bool(boolean b) {
    return new ConstantExpression(b, true);
  }
}
