package org.buddy4j.dsl.compile;

import java.util.List;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.ValueRules;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;

/**
 * The value rules, applied before anything runs to what a script writes as constants or bare words:
 * how many values a word takes and of what kind. The rules and their messages are {@link ValueRules},
 * the same the run-time contexts apply to computed values.
 */
final class ValueCheck {
  private final ScriptProblems problems;
  private final PlacementCheck placement;

  ValueCheck(ScriptProblems problems, PlacementCheck placement) {
    this.problems = problems;
    this.placement = placement;
  }

  /** The values after a word: how many, and each one's kind. */
  void arguments(Word word, List<Expression> args, ASTNode at) {
    String n = word.name();
    switch (word.kind()) {
      case BLOCK -> {
        if (args.size() != 1 || !(args.get(0) instanceof ClosureExpression)) {
          problems.error(n + " expects a block: " + n + " { … }", at);
        }
      }
      case NAME_AND_BLOCK -> {
        if (args.size() != 2 || !(args.get(1) instanceof ClosureExpression)) {
          problems.error(n + " expects a name and a block: " + n + " \"name\" { … }", at);
        } else {
          value(word, ArgKind.TEXT, args.get(0));
        }
      }
      case DECLARATION -> declaration(word, args, at);
      case TEXTS, CHOICES -> {
        if (args.isEmpty()) {
          problems.error(n + " expects " + ValueRules.expected(word, word.kind()), at);
        }
        ArgKind one = word.kind() == ArgKind.TEXTS ? ArgKind.TEXT : ArgKind.CHOICE;
        for (Expression a : args) {
          if (a instanceof ListExpression l) {
            l.getExpressions().forEach(x -> value(word, one, x));
          } else {
            value(word, one, a);
          }
        }
      }
      case OBJECT, OBJECTS -> {
        if (args.size() != 1 && !(word.kind() == ArgKind.OBJECTS && !args.isEmpty())) {
          problems.error(n + " expects " + word.kind().description() + ", e.g. " + word.example(), at);
        }
        for (Expression a : args) {
          boolean ok = a instanceof MapExpression || (word.kind() == ArgKind.OBJECTS && a instanceof ListExpression)
              || !(a instanceof ConstantExpression || a instanceof GStringExpression || a instanceof ClosureExpression
              || RunStatementShape.bareWord(a) != null);
          if (!ok) {
            problems.error(n + " expects " + word.kind().description() + ", e.g. " + word.example(), a);
          }
        }
      }
      case KEY_VALUE, FIELD -> {
        if (args.size() != 2) {
          problems.error(n + " expects " + word.kind().description(), at);
        } else {
          value(word, ArgKind.TEXT, args.get(0));
        }
      }
      case ID_AND_CHOICE -> {
        if (args.size() != 2) {
          problems.error(n + " expects " + word.kind().description(), at);
        } else {
          value(word, ArgKind.NUMBER, args.get(0));
          value(word, ArgKind.CHOICE, args.get(1));
        }
      }
      case NUMBERS -> {
        if (args.isEmpty()) {
          problems.error(n + " expects " + word.kind().description(), at);
        }
        args.forEach(a -> numbers(word, a));
      }
      case ANY -> {
        if (args.size() > 1 || (n.equals("print") && args.isEmpty())) {
          problems.error(Messages.takesOneValue(n), at);
        }
      }
      case TEXT -> {
        if (n.equals("env") ? args.isEmpty() || args.size() > 2 : args.size() != 1) {
          problems.error(n.equals("env") ? Messages.envArguments() : n + " expects " + word.kind().description(), at);
        } else {
          value(word, ArgKind.TEXT, args.get(0));
        }
      }
      default -> {
        if (args.size() != 1) {
          problems.error(n + " expects " + ValueRules.expected(word, word.kind()), at);
        } else {
          value(word, word.kind(), args.get(0));
        }
      }
    }
  }

  /**
   * A declaration's head: its natural key and a block ({@code pipeline "deploy" { … }}), the short form
   * {@code variable "KEY", "value"} of a kind with a value, or {@code integration { … }} (keyed inside).
   */
  private void declaration(Word word, List<Expression> args, ASTNode at) {
    String n = word.name();
    DeclaredKind kind = Vocabulary.get().kind(n).orElse(null);
    String key = kind == null ? "name" : Vocabulary.camel(kind.keyField());
    boolean block = args.size() == 2 && args.get(1) instanceof ClosureExpression;
    boolean imperative = args.size() == 1 && args.get(0) instanceof ClosureExpression && n.equals(Vocabulary.INTEGRATION);
    boolean shortForm = args.size() == 2 && !block && kind != null && Vocabulary.get().hasShortForm(kind);
    if (imperative) {
      return;
    }
    if (!block && !shortForm) {
      boolean keyless = args.size() == 1 && args.get(0) instanceof ClosureExpression;
      problems.error(keyless
          ? n + " needs its " + key + " before the block: " + word.example().lines().findFirst().orElse(n)
          : n + " expects its " + key + " and a block: " + n + " \"…\" { … }"
          + (kind != null && Vocabulary.get().hasShortForm(kind) ? ", or its " + key + " and a value: " + n + " \"KEY\", \"value\"" : ""),
          at);
      return;
    }
    Expression head = args.get(0);
    if (head instanceof ConstantExpression c && c.getValue() instanceof String s && s.isBlank()) {
      problems.error(n + " needs its " + key + ": it is empty", head);
    } else {
      value(word, ArgKind.TEXT, head);
    }
  }

  /** One value of a word taking whole numbers: a number, or a list of them. */
  void numbers(Word word, Expression e) {
    if (e instanceof ListExpression l) {
      l.getExpressions().forEach(x -> value(word, ArgKind.NUMBER, x));
    } else {
      value(word, ArgKind.NUMBER, e);
    }
  }

  /** Checks one value against what the word expects, where the value is a constant or a bare word. */
  void value(Word word, ArgKind kind, Expression e) {
    String n = word.name();
    String bare = RunStatementShape.bareWord(e);
    Object constant = e instanceof ConstantExpression c ? c.getValue() : null;
    boolean isConstant = e instanceof ConstantExpression;
    switch (kind) {
      case TEXT -> {
        if (bare != null) {
          problems.error(ValueRules.unquoted(word, bare), e);
        } else if (isConstant && !(constant instanceof String)) {
          problems.error(ValueRules.wrongKind(word, kind, constant), e);
        } else if (e instanceof ClosureExpression || e instanceof MapExpression || e instanceof ListExpression) {
          problems.error(n + " expects " + ValueRules.expected(word, kind), e);
        }
      }
      case NUMBER -> {
        if (bare != null) {
          Place place = placement.place();
          problems.error(Messages.unknownWord(bare, place.title(), place.valid()), e);
        } else if (isConstant && ValueRules.wholeNumber(constant).isEmpty()) {
          problems.error(ValueRules.wrongKind(word, kind, constant), e);
        } else if (e instanceof GStringExpression || e instanceof ClosureExpression || e instanceof MapExpression) {
          problems.error(n + " expects " + ValueRules.expected(word, kind), e);
        }
      }
      case BOOLEAN -> {
        if (bare != null) {
          problems.error(n + " expects true or false, not '" + bare + "'", e);
        } else if (isConstant && !(constant instanceof Boolean)) {
          problems.error(ValueRules.wrongKind(word, kind, constant), e);
        } else if (e instanceof GStringExpression) {
          problems.error(ValueRules.wrongKind(word, kind, ""), e);
        }
      }
      case CHOICE -> {
        String constName = constantName(e);
        String given = bare != null ? bare : constName != null ? constName : constant instanceof String s ? s : null;
        if (given != null && !word.choices().contains(given)) {
          problems.error(ValueRules.notAChoice(word, given), e);
        } else if (given == null && isConstant) {
          problems.error(ValueRules.wrongKind(word, kind, constant), e);
        }
      }
      case DATE_TIME -> {
        if (bare != null) {
          problems.error(n + " expects " + ArgKind.DATE_TIME.description(), e);
        } else if (constant instanceof String s) {
          if (ValueRules.dateTime(s).isEmpty()) {
            problems.error(ValueRules.notADateTime(word, s), e);
          }
        } else if (isConstant) {
          problems.error(ValueRules.wrongKind(word, kind, constant), e);
        }
      }
      case MAP -> {
        if (!(e instanceof MapExpression) && (isConstant || bare != null)) {
          problems.error(n + " expects " + ArgKind.MAP.description(), e);
        }
      }
      default -> {
      }
    }
  }

  /** {@code AMAZON} after the static import: IntegrationTypes.AMAZON → "AMAZON". */
  static String constantName(Expression e) {
    if (e instanceof PropertyExpression p && p.getObjectExpression() instanceof ClassExpression c
        && BoundaryCheck.isConstantClass(c)) {
      return p.getPropertyAsString();
    }
    return null;
  }

  /** A constant's name or a text constant, else null. */
  static String constantText(Expression e) {
    String name = constantName(e);
    if (name != null) {
      return name;
    }
    return e instanceof ConstantExpression c && c.getValue() instanceof String s ? s : null;
  }
}
