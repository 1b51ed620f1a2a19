package org.buddy4j.dsl.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DSL block (or statement form) and the words valid directly inside it. Words of an enclosing block
 * are not valid here: blocks run with {@code Closure.DELEGATE_ONLY}.
 */
public final class Block {
  private final String id;
  private final String title;
  private final String summary;
  private final Map<String, Word> words = new LinkedHashMap<>();

  Block(String id, String title, String summary) {
    this.id = id;
    this.title = title;
    this.summary = summary;
  }

  /** A stable ID ({@code integration}, {@code roleAssumption}, …). */
  public String id() {
    return id;
  }

  /** How messages name it: {@code integration { }}. */
  public String title() {
    return title;
  }

  /** One line of documentation. */
  public String summary() {
    return summary;
  }

  /** The words, in documentation order. */
  public Map<String, Word> words() {
    return Collections.unmodifiableMap(words);
  }

  public Optional<Word> word(String name) {
    return Optional.ofNullable(words.get(name));
  }

  public boolean has(String name) {
    return words.containsKey(name);
  }

  /** The word names, in documentation order. */
  public List<String> names() {
    return new ArrayList<>(words.keySet());
  }

  Block add(Word word) {
    words.put(word.name(), word);
    return this;
  }
}
