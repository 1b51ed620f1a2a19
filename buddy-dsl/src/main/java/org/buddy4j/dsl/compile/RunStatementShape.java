package org.buddy4j.dsl.compile;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;

/**
 * Recognises run statements in the syntax tree: an implicit-this call {@code run(…)} or
 * {@code rollback(…)} with the command-chain links built on it, e.g.
 * {@code run(pipeline).2(on).branch("master").comment("x")}, and flattens them into tokens in source
 * order. A parenthesised run statement ends the chain: {@code (run …).waitUntilFinished()} calls the
 * result.
 */
final class RunStatementShape {
  private static final String PARENTHESES = "_INSIDE_PARENTHESES_LEVEL";

  private RunStatementShape() {}

  /** One token: a name (method or property name) or a value expression. */
  record Token(String name, Expression value, ASTNode node) {
    /** The token as a word: a name, a bare (undeclared) word, or a text constant. */
    String word() {
      if (name != null) {
        return name;
      }
      String bare = bareWord(value);
      if (bare != null) {
        return bare;
      }
      return value instanceof ConstantExpression c && c.getValue() instanceof String s ? s : null;
    }

    boolean isWholeNumber() {
      if (name != null) {
        return name.matches("\\d+");
      }
      return value instanceof ConstantExpression c && (c.getValue() instanceof Integer || c.getValue() instanceof Long);
    }
  }

  /** The name of an undeclared variable (a bare word), else null. */
  static String bareWord(Expression e) {
    if (e instanceof VariableExpression v && !v.isThisExpression() && !v.isSuperExpression()
        && (v.getAccessedVariable() == null || v.getAccessedVariable() instanceof DynamicVariable)) {
      return v.getName();
    }
    return null;
  }

  static boolean isVerb(MethodCallExpression call) {
    String name = call.getMethodAsString();
    return call.isImplicitThis() && ("run".equals(name) || "rollback".equals(name));
  }

  /** The {@code run}/{@code rollback} call a statement is built on, if {@code e} is (the top of) one. */
  static MethodCallExpression root(Expression e) {
    Expression current = e;
    while (true) {
      if (current instanceof MethodCallExpression call) {
        if (call.isImplicitThis()) {
          return isVerb(call) ? call : null;
        }
        current = call.getObjectExpression();
      } else if (current instanceof PropertyExpression p && !(p instanceof AttributeExpression)) {
        current = p.getObjectExpression();
      } else {
        return null;
      }
      if (current.getNodeMetaData(PARENTHESES) != null) {
        return null;
      }
    }
  }

  /**
   * The calls of a run sentence, from its last link back to the verb's call (property links have no
   * arguments and are stepped over): where its arguments are.
   */
  static List<MethodCallExpression> calls(Expression sentence) {
    List<MethodCallExpression> out = new ArrayList<>();
    Expression current = sentence;
    while (true) {
      if (current instanceof MethodCallExpression call) {
        out.add(call);
        if (call.isImplicitThis()) {
          return out;
        }
        current = call.getObjectExpression();
      } else if (current instanceof PropertyExpression p) {
        current = p.getObjectExpression();
      } else {
        return out;
      }
    }
  }

  /** The tokens after the verb, in source order. */
  static List<Token> flatten(Expression top) {
    List<Token> out = new ArrayList<>();
    flatten(top, out);
    return out;
  }

  private static void flatten(Expression e, List<Token> out) {
    if (e instanceof MethodCallExpression call) {
      if (!call.isImplicitThis()) {
        flatten(call.getObjectExpression(), out);
        out.add(new Token(call.getMethodAsString() == null ? "?" : call.getMethodAsString(), null, positioned(call.getMethod(), call)));
      }
      for (Expression arg : arguments(call)) {
        out.add(new Token(null, arg, arg));
      }
    } else if (e instanceof PropertyExpression p) {
      flatten(p.getObjectExpression(), out);
      out.add(new Token(p.getPropertyAsString() == null ? "?" : p.getPropertyAsString(), null, positioned(p.getProperty(), p)));
    }
  }

  static List<Expression> arguments(MethodCallExpression call) {
    return call.getArguments() instanceof TupleExpression t ? t.getExpressions() : List.of(call.getArguments());
  }

  private static ASTNode positioned(ASTNode preferred, ASTNode fallback) {
    return preferred != null && preferred.getLineNumber() > 0 ? preferred : fallback;
  }
}
