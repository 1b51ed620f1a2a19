package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * Base of every DSL block object. Value words reach {@link #word(Word, Object[])} through Groovy's
 * {@code methodMissing}; a word the block does not have is a {@link DslException} that names the
 * block, the nearest valid word and the valid words (never a Groovy class name). It is a Groovy
 * object so that closures running with {@code DELEGATE_ONLY} hand unknown words to it.
 */
public abstract class DslContext extends groovy.lang.GroovyObjectSupport {
  protected final Scope scope;
  protected final Block block;

  protected DslContext(Scope scope, Block block) {
    this.scope = scope;
    this.block = block;
  }

  /** Applies a value word of this block. */
  protected Object word(Word word, Object[] args) {
    throw new DslException(word.name() + " expects " + word.kind().description() + " here");
  }

  /** How messages name this block (with detail such as the integration type). */
  protected String where() {
    return block.title();
  }

  /** The words valid in this block right now. */
  protected java.util.List<String> validWords() {
    return block.names();
  }

  /** Groovy calls this for a word with no method of its own (or with the wrong arguments). */
  public Object methodMissing(String name, Object args) {
    Object[] values = args instanceof Object[] a ? a : new Object[] {args};
    Word word = block.word(name).orElse(null);
    if (word == null || !validWords().contains(name)) {
      throw unknown(name);
    }
    return word(word, values);
  }

  /** A bare word with no value: unknown, or a word that needs a value. */
  public Object propertyMissing(String name) {
    Word word = block.word(name).orElse(null);
    if (word != null && validWords().contains(name)) {
      throw new DslException(Messages.needsValue(word));
    }
    throw unknown(name);
  }

  /** {@code name = value} is not how words are set. */
  public void propertyMissing(String name, Object value) {
    if (block.has(name)) {
      throw new DslException(Messages.withoutEquals(block.word(name).get()));
    }
    throw unknown(name);
  }

  protected DslException unknown(String name) {
    return new DslException(Messages.unknownWord(name, where(), validWords()));
  }

  /** Fails unless the block has the word (methods of shared classes are not valid everywhere). */
  protected void require(String word) {
    if (!block.has(word)) {
      throw unknown(word);
    }
  }

  public void println(Object value) {
    scope.runtime().print(value, true);
  }

  public void println() {
    scope.runtime().print("", true);
  }

  public void print(Object value) {
    scope.runtime().print(value, false);
  }

  public String env(Object name) {
    return scope.runtime().env(WordValues.text(block.word("env").orElseThrow(), name), null, false);
  }

  public String env(Object name, Object fallback) {
    return scope.runtime().env(WordValues.text(block.word("env").orElseThrow(), name),
        fallback == null ? null : fallback.toString(), true);
  }

  /** Runs a block body on a new context, with DELEGATE_ONLY so outer words do not leak in. */
  protected <T> T runBlock(Closure<?> body, T context) {
    return runBlock(body, context, scope);
  }

  /** Runs a block body on a new context, with DELEGATE_ONLY; the script stays its owner and {@code this}. */
  static <T> T runBlock(Closure<?> body, T context, Scope scope) {
    Object script = scope.runtime().script();
    Closure<?> c = body.rehydrate(context, script, script);
    c.setResolveStrategy(Closure.DELEGATE_ONLY);
    c.call();
    return context;
  }

  @Override
  public String toString() {
    return block.title();
  }
}
