package org.buddy4j.dsl.compile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * Word placement: which words each block allows. Knows where the check is (the stack of blocks) and
 * reports a word a block does not take with the block, the nearest valid word and the valid words;
 * a word's values go to {@link ValueCheck}, a run statement to {@link RunStatementCheck}.
 */
final class PlacementCheck {
  private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");
  private final ScriptProblems problems;
  private final ScriptWalker walker;
  private final Deque<Place> places = new ArrayDeque<>();
  private ValueCheck values;
  private RunStatementCheck runs;

  PlacementCheck(ScriptProblems problems, ScriptWalker walker) {
    this.problems = problems;
    this.walker = walker;
    places.push(Place.of(Vocabulary.get().block(Vocabulary.SCRIPT)));
  }

  void use(ValueCheck values, RunStatementCheck runs) {
    this.values = values;
    this.runs = runs;
  }

  Place place() {
    return places.peek();
  }

  /** Checks {@code code} as the inside of {@code place}. */
  void within(Place place, Statement code) {
    places.push(place);
    try {
      code.visit(walker);
    } finally {
      places.pop();
    }
  }

  /** A word written as a call on nothing ({@code branch "x"}, {@code integration { … }}). */
  void word(MethodCallExpression call) {
    String name = call.getMethodAsString();
    List<Expression> args = RunStatementShape.arguments(call);
    if (name == null) {
      problems.error("dynamic method names are not allowed in Buddy scripts", call);
      return;
    }
    Place place = place();
    Word word = place.has(name) ? place.block().word(name).orElse(null) : null;
    if (word == null) {
      if (place.integrationType() != null && place.block().has(name)) {
        problems.error(Messages.notTakenByType(name, place.integrationType(), place.valid()), call);
      } else {
        problems.error(Messages.unknownWord(name, place.title(), place.valid()), call);
      }
      problems.quietly(() -> args.forEach(walker::visit));
      return;
    }
    if (word.kind() == ArgKind.RUN) {
      runs.statement(call, call);
      return;
    }
    if (Vocabulary.get().declarationField(place.block().id(), name).isPresent()
        && (word.kind() == ArgKind.CHOICE || word.kind() == ArgKind.CHOICES || word.kind() == ArgKind.TEXT)) {
      constantsAsText(args);
    }
    values.arguments(word, args, call);
    for (Expression arg : args) {
      if (arg instanceof ClosureExpression closure && word.opens() != null) {
        enter(word, closure);
      } else if (word.kind() == ArgKind.CHOICE || word.kind() == ArgKind.ID_AND_CHOICE || word.kind() == ArgKind.CHOICES) {
        if (RunStatementShape.bareWord(arg) == null) {
          walker.visit(arg); // bare constants were reported by the value check
        }
      } else if (RunStatementShape.bareWord(arg) == null || word.kind() == ArgKind.ANY) {
        walker.visit(arg);
      }
    }
  }

  /**
   * A constant written as a bare word in a declaration ({@code type SSH_KEY}, an action's {@code type BUILD})
   * is its text: the choices of declared fields come from the spec, not from a class of constants, so the
   * word becomes text before its value is checked (a choice against the field's choices).
   */
  private static void constantsAsText(List<Expression> args) {
    for (int i = 0; i < args.size(); i++) {
      String bare = RunStatementShape.bareWord(args.get(i));
      if (bare != null && CONSTANT.matcher(bare).matches()) {
        ConstantExpression text = new ConstantExpression(bare);
        text.setSourcePosition(args.get(i));
        args.set(i, text);
      }
      if (args.get(i) instanceof ListExpression list) {
        constantsAsText(list.getExpressions());
      }
    }
  }

  /** A bare word alone: one that needs a value, or one the block does not take. */
  void bare(String bare, VariableExpression v) {
    Place place = place();
    Word word = place.has(bare) ? place.block().word(bare).orElse(null) : null;
    if (word != null) {
      problems.error(Messages.needsValue(word), v);
    } else {
      problems.error(Messages.unknownWord(bare, place.title(), place.valid()), v);
    }
  }

  /** {@code name = value} on a bare word: a word written with '=', or an undeclared variable. */
  void assignment(String name, BinaryExpression b) {
    if (place().block().has(name)) {
      problems.error(Messages.withoutEquals(place().block().word(name).get()), b);
    } else {
      problems.error("'" + name + "' is not declared: write def " + name + " = …", b.getLeftExpression());
    }
    walker.visit(b.getRightExpression());
  }

  private void enter(Word word, ClosureExpression closure) {
    Block block = Vocabulary.get().block(word.opens());
    boolean integration = block.id().equals(Vocabulary.INTEGRATION);
    if (integration && !mentionsType(closure.getCode())) {
      problems.error("integration { } needs a type, e.g. type AMAZON", closure);
    }
    within(new Place(block, integration ? typeIn(closure) : null, Set.of()), closure.getCode());
  }

  /** The integration type written as a constant directly in the block, if any. */
  private static String typeIn(ClosureExpression closure) {
    if (!(closure.getCode() instanceof BlockStatement block)) {
      return null;
    }
    for (Statement s : block.getStatements()) {
      if (s instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression m
          && m.isImplicitThis() && "type".equals(m.getMethodAsString())) {
        List<Expression> args = RunStatementShape.arguments(m);
        String t = args.size() == 1 ? ValueCheck.constantText(args.get(0)) : null;
        return t != null && Vocabulary.get().integrationTypes().contains(t) ? t : null;
      }
    }
    return null;
  }

  private static boolean mentionsType(Statement code) {
    boolean[] found = {false};
    code.visit(new CodeVisitorSupport() {
      @Override
      public void visitMethodCallExpression(MethodCallExpression m) {
        if (m.isImplicitThis() && "type".equals(m.getMethodAsString())) {
          found[0] = true;
        }
        super.visitMethodCallExpression(m);
      }

      @Override
      public void visitClosureExpression(ClosureExpression c) {
        // nested blocks do not count
      }
    });
    return found[0];
  }
}
