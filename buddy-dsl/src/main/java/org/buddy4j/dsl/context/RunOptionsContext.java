package org.buddy4j.dsl.context;

import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * {@code run(pipeline: 2) { branch "master"; comment "…"; variable "K", "v"; … }}: the block form of the
 * options of {@code POST …/pipelines/{pipeline_id}/executions}.
 */
public final class RunOptionsContext extends DslContext {
  private final RunSpec spec;

  RunOptionsContext(Scope scope, RunSpec spec) {
    super(scope, Vocabulary.get().block(Vocabulary.RUN_BLOCK));
    this.spec = spec;
  }

  @Override
  protected Object word(Word word, Object[] args) {
    if (word.apiField() == null) {
      return super.word(word, args);
    }
    if (spec.rollback() && !Vocabulary.get().settableOnRollback(word.name())) {
      throw new org.buddy4j.dsl.DslException(org.buddy4j.dsl.vocabulary.Messages.notOnRollback(word.name()));
    }
    spec.apply(word, args);
    return null;
  }
}
