package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.GroovyInterceptable;
import groovy.lang.MetaClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.rollback.NoRollbackTargetException;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.Run;
import org.buddy4j.dsl.runtime.ExecutionPort;
import org.buddy4j.dsl.vocabulary.RunGrammar;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * A run (or rollback) statement being written: {@code run pipeline 2 on branch "master" comment "x"}
 * arrives as {@code run(pipeline).2(on).branch("master").comment("x")}, so every method name (digits
 * too, such as {@code 2}), property name and argument is collected in source order; the statement's
 * end (a call the compiler puts around each run statement, see {@link RunStatements}) parses the
 * collected words with {@link RunGrammar} and sends {@code POST …/pipelines/{pipeline_id}/executions}.
 */
public final class RunChain implements GroovyInterceptable {
  private final Scope scope;
  private final RunSpec spec;
  private final List<Object> tokens;
  private boolean sent;

  private RunChain(Scope scope, boolean rollback, List<Object> tokens) {
    this.scope = scope;
    this.spec = new RunSpec(rollback);
    this.tokens = tokens;
    scope.runtime().opened(this);
  }

  static RunChain sentence(Scope scope, boolean rollback, Object first) {
    List<Object> tokens = new ArrayList<>();
    tokens.add(first);
    return new RunChain(scope, rollback, tokens);
  }

  static RunChain named(Scope scope, boolean rollback, Map<?, ?> named) {
    RunChain chain = new RunChain(scope, rollback, null);
    chain.applyNamed(named);
    return chain;
  }

  static RunChain block(Scope scope, boolean rollback, Map<String, Object> named, Closure<?> body) {
    RunChain chain = named(scope, rollback, named);
    DslContext.runBlock(body, new RunOptionsContext(scope, chain.spec), scope);
    return chain;
  }

  private void applyNamed(Map<?, ?> named) {
    var block = Vocabulary.get().block(Vocabulary.RUN_NAMED);
    String verb = spec.rollback() ? "rollback" : "run";
    for (Map.Entry<?, ?> e : named.entrySet()) {
      String key = String.valueOf(e.getKey());
      Word word = block.word(key).orElseThrow(() -> new DslException(
          org.buddy4j.dsl.vocabulary.Messages.unknownWord(key, verb + " " + block.title().substring(4), block.names())));
      if (spec.rollback() && !Vocabulary.get().settableOnRollback(key)) {
        throw new DslException(org.buddy4j.dsl.vocabulary.Messages.notOnRollback(key));
      }
      Object value = e.getValue();
      Object[] args = value instanceof Collection<?> c && word.kind() == org.buddy4j.dsl.vocabulary.ArgKind.NUMBERS
          ? c.toArray() : new Object[] {value};
      spec.apply(word, args);
    }
  }

  /** Every call on the chain is a word of the sentence (including method names made of digits). */
  @Override
  public Object invokeMethod(String name, Object args) {
    requireOpen();
    tokens().add(name);
    if (args instanceof Object[] values) {
      for (Object v : values) {
        tokens.add(v);
      }
    } else if (args != null) {
      tokens.add(args);
    }
    return this;
  }

  @Override
  public Object getProperty(String name) {
    requireOpen();
    tokens().add(name);
    return this;
  }

  @Override
  public void setProperty(String name, Object value) {
    throw new DslException("a run statement cannot be assigned to ('" + name + " = …')");
  }

  @Override
  public MetaClass getMetaClass() {
    return InvokerHelper.getMetaClass(RunChain.class);
  }

  @Override
  public void setMetaClass(MetaClass metaClass) {
    throw new UnsupportedOperationException();
  }

  private List<Object> tokens() {
    if (tokens == null) {
      String verb = spec.rollback() ? "rollback" : "run";
      throw new DslException(org.buddy4j.dsl.vocabulary.Messages.bothRunForms(verb));
    }
    return tokens;
  }

  private void requireOpen() {
    if (sent) {
      throw new DslException("this run statement was already sent");
    }
  }

  /** Parses the statement and sends it; returns the run. */
  public Run send() {
    requireOpen();
    sent = true;
    scope.runtime().completed(this);
    String verb = spec.rollback() ? "rollback" : "run";
    if (tokens != null) {
      parseSentence();
    }
    if (spec.pipelineId() == null && spec.pipelineName() == null) {
      throw new DslException(verb + " needs the pipeline: " + verb + " pipeline 2 … or " + verb + "(pipeline: 2, …)");
    }
    String ws = scope.requireWorkspace();
    String project = scope.requireProject();
    int id = spec.pipelineId() != null ? spec.pipelineId()
        : scope.runtime().sender().pipelineId(ws, project, spec.pipelineName());
    ExecutionPort execution;
    if (spec.rollback()) {
      try {
        execution = scope.runtime().sender().rollback(ws, project, id, spec.options());
      } catch (NoRollbackTargetException e) {
        throw new DslException(e.getMessage());
      }
    } else {
      execution = scope.runtime().sender().run(ws, project, id, spec.options());
    }
    return new Run(scope.runtime(), ws, project, id, execution);
  }

  private void parseSentence() {
    List<Object> t = tokens;
    Vocabulary vocabulary = Vocabulary.get();
    Word pipelineWord = vocabulary.block(Vocabulary.RUN_NAMED).word("pipeline").orElseThrow();
    try {
      RunGrammar.parse(spec.rollback(), new RunGrammar.Tokens() {
        @Override
        public int size() {
          return t.size();
        }

        @Override
        public String word(int index) {
          Object o = t.get(index);
          return o instanceof String || o instanceof GString ? o.toString() : null;
        }

        @Override
        public boolean isWholeNumber(int index) {
          Object o = t.get(index);
          return o instanceof Integer || o instanceof Long || (o instanceof String s && s.matches("\\d+"));
        }
      }, new RunGrammar.Sink() {
        @Override
        public void pipeline(int index) {
          Object o = t.get(index);
          spec.pipeline(pipelineWord, o);
        }

        @Override
        public void word(Word word, int wordIndex, int from, int to) {
          spec.apply(word, t.subList(from, to).toArray());
        }
      });
    } catch (RunGrammar.Mistake m) {
      throw new DslException(m.getMessage());
    }
  }

  @Override
  public String toString() {
    return (spec.rollback() ? "rollback" : "run") + " statement";
  }
}
