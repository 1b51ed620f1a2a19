package org.buddy4j.dsl.compile;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.control.SourceUnit;

/**
 * Walks a script's code once, every branch included, and hands each node to the layer it concerns:
 * {@link BoundaryCheck} for what the boundary refuses, {@link PlacementCheck} for the DSL's words (which
 * pass their values to {@link ValueCheck}) and {@link RunStatementCheck} for run statements.
 */
final class ScriptWalker extends ClassCodeVisitorSupport {
  private final ScriptProblems problems;
  private final BoundaryCheck boundary;
  private final PlacementCheck placement;
  private final RunStatementCheck runs;

  ScriptWalker(ScriptProblems problems) {
    this.problems = problems;
    this.boundary = new BoundaryCheck(problems);
    this.placement = new PlacementCheck(problems, this);
    ValueCheck values = new ValueCheck(problems, placement);
    this.runs = new RunStatementCheck(problems, placement, values, this);
    placement.use(values, runs);
  }

  BoundaryCheck boundary() {
    return boundary;
  }

  @Override
  protected SourceUnit getSourceUnit() {
    return problems.source();
  }

  @Override
  public void visitMethodCallExpression(MethodCallExpression call) {
    MethodCallExpression root = RunStatementShape.root(call);
    if (root != null) {
      runs.statement(call, root);
      return;
    }
    if (call.isImplicitThis()) {
      placement.word(call);
      return;
    }
    boundary.receiver(call.getObjectExpression(), call);
    boundary.methodName(call);
    call.getObjectExpression().visit(this);
    call.getArguments().visit(this);
  }

  @Override
  public void visitPropertyExpression(PropertyExpression p) {
    if (p instanceof AttributeExpression) {
      problems.refuse("'.@' field access is not allowed in Buddy scripts", p);
      return;
    }
    MethodCallExpression root = RunStatementShape.root(p);
    if (root != null) {
      runs.statement(p, root);
      return;
    }
    Expression receiver = p.getObjectExpression();
    if (receiver instanceof ClassExpression c && BoundaryCheck.isConstantClass(c)) {
      return; // a static-imported constant such as AMAZON or HIGH
    }
    boundary.receiver(receiver, p);
    boundary.propertyName(p);
    receiver.visit(this);
  }

  @Override
  public void visitAttributeExpression(AttributeExpression a) {
    problems.refuse("'.@' field access is not allowed in Buddy scripts", a);
  }

  @Override
  public void visitVariableExpression(VariableExpression v) {
    String bare = RunStatementShape.bareWord(v);
    if (bare != null) {
      placement.bare(bare, v);
    } else {
      boundary.receiver(v, v);
    }
  }

  @Override
  public void visitBinaryExpression(BinaryExpression b) {
    String assigned = RunStatementShape.bareWord(b.getLeftExpression());
    if (!(b instanceof DeclarationExpression) && b.getOperation().getText().equals("=") && assigned != null) {
      placement.assignment(assigned, b);
      return;
    }
    boundary.subscript(b);
    super.visitBinaryExpression(b);
  }

  @Override
  public void visitDeclarationExpression(DeclarationExpression d) {
    if (d.isMultipleAssignmentDeclaration()) {
      d.getTupleExpression().getExpressions().forEach(v -> boundary.type(v.getType(), v));
    } else {
      boundary.type(d.getVariableExpression().getOriginType(), d.getLeftExpression());
    }
    d.getRightExpression().visit(this);
  }

  @Override
  public void visitCatchStatement(CatchStatement c) {
    boundary.catchType(c);
    super.visitCatchStatement(c);
  }

  @Override
  public void visitClosureExpression(ClosureExpression c) {
    if (c.getParameters() != null) {
      for (Parameter p : c.getParameters()) {
        if (!p.isDynamicTyped()) {
          boundary.type(p.getOriginType(), p);
        }
        if (p.hasInitialExpression()) {
          p.getInitialExpression().visit(this); // a default value is code too: { x = … -> }
        }
      }
    }
    // A closure of the user's own (e.g. list.each { … }): its words resolve in the enclosing block.
    if (c.getCode() != null) {
      c.getCode().visit(this);
    }
  }

  @Override
  public void visitConstructorCallExpression(ConstructorCallExpression c) {
    problems.refuse("'new' is not allowed in Buddy scripts", c);
  }

  @Override
  public void visitStaticMethodCallExpression(StaticMethodCallExpression c) {
    problems.refuse("'" + c.getMethod() + "' is not available in Buddy scripts", c);
  }

  @Override
  public void visitMethodPointerExpression(MethodPointerExpression m) {
    problems.refuse("method pointers (.&, ::) are not allowed in Buddy scripts", m);
  }

  @Override
  public void visitClassExpression(ClassExpression c) {
    boundary.classReference(c);
  }

  @Override
  public void visitCastExpression(CastExpression c) {
    boundary.cast(c.getType(), c);
    c.getExpression().visit(this);
  }
}
