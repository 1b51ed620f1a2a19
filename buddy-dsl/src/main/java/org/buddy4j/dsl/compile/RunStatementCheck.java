package org.buddy4j.dsl.compile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.RunGrammar;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;

/**
 * Run statements: the sentence form ({@code run pipeline 2 on branch "x" …}) against the
 * {@link RunGrammar} the run-time chain uses too, the named form ({@code run(pipeline: 2) { … }}) and
 * what a rollback may not set.
 */
final class RunStatementCheck {
  private final ScriptProblems problems;
  private final PlacementCheck placement;
  private final ValueCheck values;
  private final ScriptWalker walker;

  RunStatementCheck(ScriptProblems problems, PlacementCheck placement, ValueCheck values, ScriptWalker walker) {
    this.problems = problems;
    this.placement = placement;
    this.values = values;
    this.walker = walker;
  }

  /** A run statement: {@code top} is the whole chain, {@code root} its {@code run(…)} or {@code rollback(…)}. */
  void statement(Expression top, MethodCallExpression root) {
    String verb = root.getMethodAsString();
    boolean rollback = verb.equals("rollback");
    Place place = placement.place();
    if (!place.has(verb)) {
      problems.error(Messages.unknownWord(verb, place.title(), place.valid()), root);
      return;
    }
    List<Expression> rootArgs = RunStatementShape.arguments(root);
    boolean named = !rootArgs.isEmpty() && rootArgs.get(0) instanceof MapExpression;
    boolean block = rootArgs.stream().anyMatch(a -> a instanceof ClosureExpression);
    if (named || block) {
      if (top != root) {
        problems.error(Messages.bothRunForms(verb), top);
      }
      namedForm(verb, rollback, rootArgs, root);
      return;
    }
    if (rootArgs.size() != 1) {
      problems.error(verb + " expects pipeline N …, e.g. " + verb + " pipeline 2" + (rollback ? "" : " on branch \"master\""), root);
      return;
    }
    sentence(top, rollback);
  }

  private void sentence(Expression top, boolean rollback) {
    List<RunStatementShape.Token> tokens = RunStatementShape.flatten(top);
    try {
      RunGrammar.parse(rollback, new RunGrammar.Tokens() {
        @Override
        public int size() {
          return tokens.size();
        }

        @Override
        public String word(int index) {
          return tokens.get(index).word();
        }

        @Override
        public boolean isWholeNumber(int index) {
          return tokens.get(index).isWholeNumber();
        }
      }, new RunGrammar.Sink() {
        @Override
        public void pipeline(int index) {
          RunStatementShape.Token t = tokens.get(index);
          if (!t.isWholeNumber() && t.name() != null && !quoted(t.node())) {
            problems.error("the pipeline's name is text: put it in quotes, run pipeline \"" + t.name()
                + "\" (or give its ID as a number, run pipeline 2)", t.node());
          }
        }

        @Override
        public void word(Word word, int wordIndex, int from, int to) {
          for (int i = from; i < to; i++) {
            RunStatementShape.Token t = tokens.get(i);
            ArgKind kind = word.kind() == ArgKind.KEY_VALUE ? (i == from ? ArgKind.TEXT : ArgKind.ANY)
                : word.kind() == ArgKind.NUMBERS ? ArgKind.NUMBER : word.kind();
            if (t.value() != null) {
              if (!(word.kind() == ArgKind.NUMBERS && t.value() instanceof ListExpression)) {
                values.value(word, kind, t.value());
              }
            } else if (kind == ArgKind.CHOICE && !word.choices().contains(t.name())) {
              problems.error(org.buddy4j.dsl.vocabulary.ValueRules.notAChoice(word, t.name()), t.node());
            }
          }
        }
      });
    } catch (RunGrammar.Mistake m) {
      ASTNode at = m.index() < tokens.size() ? tokens.get(m.index()).node() : top;
      problems.error(m.getMessage(), at.getLineNumber() > 0 ? at : top);
    }
    // Values that are expressions (env("X"), variables, "${…}") are checked in the enclosing block.
    for (RunStatementShape.Token t : tokens) {
      if (t.value() != null && RunStatementShape.bareWord(t.value()) == null) {
        walker.visit(t.value());
      }
    }
  }

  /** Whether the source text at the node starts with a quote (a name written as text, not a bare word). */
  private boolean quoted(ASTNode node) {
    if (node.getLineNumber() <= 0 || node.getColumnNumber() <= 0) {
      return true; // position unknown: leave it to the run-time lookup
    }
    String line = problems.source().getSource().getLine(node.getLineNumber(), null);
    int at = node.getColumnNumber() - 1;
    return line == null || at >= line.length() || line.charAt(at) == '"' || line.charAt(at) == '\'';
  }

  private void namedForm(String verb, boolean rollback, List<Expression> args, MethodCallExpression root) {
    Block named = Vocabulary.get().block(Vocabulary.RUN_NAMED);
    boolean hasPipeline = false;
    ClosureExpression body = null;
    for (Expression arg : args) {
      if (arg instanceof MapExpression map) {
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
          String key = ValueCheck.constantText(entry.getKeyExpression());
          Word word = key == null ? null : named.word(key).orElse(null);
          if (word == null) {
            problems.error(Messages.unknownWord(key == null ? "?" : key, verb + " pipeline: N, …", named.names()),
                entry.getKeyExpression());
            continue;
          }
          if (rollback && !Vocabulary.get().settableOnRollback(key)) {
            problems.error(Messages.notOnRollback(key), entry.getKeyExpression());
          }
          hasPipeline |= key.equals("pipeline");
          Expression value = entry.getValueExpression();
          if (key.equals("pipeline") && ValueCheck.constantText(value) != null) {
            continue; // run pipeline: "deploy" — the pipeline by name
          }
          if (word.kind() == ArgKind.NUMBERS) {
            values.numbers(word, value);
          } else {
            values.value(word, word.kind(), value);
          }
          if (RunStatementShape.bareWord(value) == null) {
            walker.visit(value);
          }
        }
      } else if (arg instanceof ClosureExpression c) {
        body = c;
      } else {
        problems.error(verb + " takes named values and an optional block: " + verb + "(pipeline: 2) { … }", arg);
      }
    }
    if (!hasPipeline) {
      problems.error(verb + " needs the pipeline: " + verb + "(pipeline: 2, …)", root);
    }
    if (body != null) {
      Block runBlock = Vocabulary.get().block(Vocabulary.RUN_BLOCK);
      Set<String> excluded = new HashSet<>();
      if (rollback) {
        runBlock.names().stream()
            .filter(n -> !Vocabulary.get().settableOnRollback(n) && runBlock.word(n).get().apiField() != null)
            .forEach(excluded::add);
      }
      placement.within(new Place(runBlock, null, excluded), body.getCode());
    }
  }
}
