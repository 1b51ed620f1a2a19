package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.Map;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.runtime.DslRuntime;
import org.buddy4j.dsl.vocabulary.Vocabulary;

/**
 * The base class of every Buddy script: the top-level words ({@code workspace}, {@code project},
 * {@code integration}, {@code run}, {@code rollback}, {@code println}, {@code env}). The runtime is set
 * directly on the object; the binding stays empty, so nothing secret is reachable through it.
 */
public abstract class BuddyScript extends Script {
  private StatementContext top;

  /** Called by the engine before {@code run()}; not a DSL word. */
  public final void attach(DslRuntime runtime) {
    if (top != null) {
      throw new IllegalStateException("already attached");
    }
    runtime.script(this);
    top = new StatementContext(new Scope(runtime), Vocabulary.get().block(Vocabulary.SCRIPT));
  }

  private StatementContext top() {
    if (top == null) {
      throw new IllegalStateException("Buddy scripts run through BuddyScripts");
    }
    return top;
  }

  public Object workspace(Object name,
                          @DelegatesTo(value = StatementContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    return top().workspace(name, body);
  }

  public Object project(Object name,
                        @DelegatesTo(value = StatementContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    return top().project(name, body);
  }

  public IntegrationRef integration(
      @DelegatesTo(value = IntegrationContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    return top().integration(body);
  }

  public RunChain run(Object first) {
    return top().run(first);
  }

  public RunChain run(Map<String, Object> named,
                      @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    return top().run(named, body);
  }

  public RunChain rollback(Object first) {
    return top().rollback(first);
  }

  public RunChain rollback(Map<String, Object> named,
                           @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    return top().rollback(named, body);
  }

  public String env(Object name) {
    return top().env(name);
  }

  public String env(Object name, Object fallback) {
    return top().env(name, fallback);
  }

  @Override
  public void println(Object value) {
    top().println(value);
  }

  @Override
  public void println() {
    top().println();
  }

  @Override
  public void print(Object value) {
    top().print(value);
  }

  public Object methodMissing(String name, Object args) {
    return top().methodMissing(name, args);
  }

  public Object propertyMissing(String name) {
    return top().propertyMissing(name);
  }
}
