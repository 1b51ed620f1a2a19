package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.Map;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * The statement words of the script's top level, {@code workspace "…" { }} and {@code project "…" { }}:
 * nested blocks, {@code integration { }}, {@code run …} and {@code rollback …}. Which of them a block
 * allows comes from the {@link Vocabulary}.
 */
public class StatementContext extends DslContext {

  public StatementContext(Scope scope, Block block) {
    super(scope, block);
  }

  /** {@code workspace "buddy" { … }}: everything inside works on that workspace. */
  public Object workspace(Object name,
                          @DelegatesTo(value = StatementContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("workspace");
    String ws = WordValues.text(word("workspace"), name);
    return runBlock(body, new StatementContext(scope.withWorkspace(ws), Vocabulary.get().block(Vocabulary.WORKSPACE)));
  }

  /** {@code project "company-website" { … }}: runs inside work on that project. */
  public Object project(Object name,
                        @DelegatesTo(value = StatementContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("project");
    String pj = WordValues.text(word("project"), name);
    return runBlock(body, new StatementContext(scope.withProject(pj), Vocabulary.get().block(Vocabulary.PROJECT)));
  }

  /** {@code integration { … }}: {@code POST /workspaces/{workspace}/integrations} when the block ends. */
  public IntegrationRef integration(
      @DelegatesTo(value = IntegrationContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("integration");
    IntegrationContext spec = runBlock(body, new IntegrationContext(scope));
    return spec.create();
  }

  /** {@code run pipeline 2 on branch "master" …}: the start of the sentence; sent when the statement ends. */
  public RunChain run(Object first) {
    require("run");
    if (first instanceof Map<?, ?> named) {
      return RunChain.named(scope, false, named);
    }
    return RunChain.sentence(scope, false, first);
  }

  /** {@code run(pipeline: 2) { branch "master"; comment "…" }}. */
  public RunChain run(Map<String, Object> named,
                      @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("run");
    return RunChain.block(scope, false, named, body);
  }

  /** {@code rollback pipeline 2}: buddy-core's {@code RollbackPlan} picks the revision and branch. */
  public RunChain rollback(Object first) {
    require("rollback");
    if (first instanceof Map<?, ?> named) {
      return RunChain.named(scope, true, named);
    }
    return RunChain.sentence(scope, true, first);
  }

  /** {@code rollback(pipeline: 2) { comment "…" }}. */
  public RunChain rollback(Map<String, Object> named,
                           @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("rollback");
    return RunChain.block(scope, true, named, body);
  }

  @Override
  protected Object word(Word word, Object[] args) {
    String name = word.name();
    if (name.equals("run") || name.equals("rollback")) {
      throw new DslException(name + " expects pipeline N …, e.g. " + word.example()
          + ", or named values: " + name + "(pipeline: 2) { … }");
    }
    if (word.opens() != null) {
      throw new DslException(name + " expects " + word.kind().description() + ", e.g. " + word.example().lines().findFirst().orElse(""));
    }
    if (name.equals("println") || name.equals("print")) {
      throw new DslException(Messages.takesOneValue(name));
    }
    if (name.equals("env")) {
      throw new DslException(Messages.envArguments());
    }
    return super.word(word, args);
  }

  private Word word(String name) {
    return block.word(name).orElseThrow();
  }
}
