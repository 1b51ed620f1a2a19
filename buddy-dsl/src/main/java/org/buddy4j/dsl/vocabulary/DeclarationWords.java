package org.buddy4j.dsl.vocabulary;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.FieldSpec;

/**
 * The declarable kinds and the words of their blocks, derived from core's {@link DeclaredKind}s (the spec's
 * {@code x-buddy-declare}): a field's word, kind, choices, secrecy and summary come from its
 * {@link FieldSpec}, and a kind's word goes in the blocks of its parents, so a kind or field the spec gains
 * is a word with no edit here.
 */
final class DeclarationWords {
  private final Map<String, DeclaredKind> kinds = new LinkedHashMap<>();
  private final Map<String, Word> kindWords = new LinkedHashMap<>();
  /** Block ID → word → the declared field it sets. */
  private final Map<String, Map<String, FieldSpec>> fields = new LinkedHashMap<>();

  /**
   * @param all the declarable kinds, in dependency order
   * @param existing the words of kinds that have theirs already (project, integration)
   */
  DeclarationWords(List<DeclaredKind> all, Map<String, Word> existing) {
    for (DeclaredKind k : all) {
      kinds.put(k.word(), k);
      kindWords.put(k.word(), existing.containsKey(k.word()) ? existing.get(k.word())
          : Word.of(k.word(), ArgKind.DECLARATION, k.summary() + " Declared by its " + Vocabulary.camel(k.keyField())
              + ": created if missing, updated where a declared field differs.", example(k)).opens(k.word()));
    }
  }

  Optional<DeclaredKind> kind(String word) {
    return Optional.ofNullable(kinds.get(word));
  }

  List<DeclaredKind> kinds() {
    return List.copyOf(kinds.values());
  }

  Optional<FieldSpec> field(String blockId, String word) {
    return Optional.ofNullable(fields.getOrDefault(blockId, Map.of()).get(word));
  }

  /** The field words of a declaration block, the kinds nested in it and {@code field "api_name", value}. */
  void fill(Block block, DeclaredKind kind) {
    Set<String> nestedWords = new LinkedHashSet<>();
    kinds.values().stream().filter(k -> k.parents().contains(kind.word())).forEach(k -> nestedWords.add(k.word()));
    for (FieldSpec f : kind.fields()) {
      if (f.apiName().equals(kind.keyField()) || nestedWords.contains(f.word()) || block.has(f.word())) {
        continue; // the key is the block's head; a nested kind's or a statement's word wins (the field is field "…")
      }
      block.add(word(f));
      fields.computeIfAbsent(block.id(), b -> new LinkedHashMap<>()).put(f.word(), f);
    }
    nest(block, kind.word());
    block.add(Word.of("field", ArgKind.FIELD,
        "Sets any field by its API name, for fields newer than this library (untyped, no IDE help).",
        "field \"api_name\", \"value\""));
  }

  /** Adds the words of the kinds that may be declared in {@code parent} (a kind's word, or "workspace"). */
  void nest(Block block, String parent) {
    kinds.values().stream().filter(k -> k.parents().contains(parent) && !block.has(k.word()))
        .forEach(k -> block.add(kindWords.get(k.word())));
  }

  /** The word that sets {@code f}. */
  static Word word(FieldSpec f) {
    ArgKind kind = kind(f.type());
    String summary = (f.summary() == null || f.summary().isBlank() ? "Sets " + f.apiName() + "." : f.summary())
        + (f.secret() ? " A secret: never printed." : f.secretWhen() != null
        ? " A secret when " + Vocabulary.camel(f.secretWhen()) + " is true: never printed." : "");
    return new Word(f.word(), kind, f.choices(), null, f.apiName(), f.secret(), List.of(), summary, example(f));
  }

  static ArgKind kind(FieldSpec.Type type) {
    return switch (type) {
      case TEXT -> ArgKind.TEXT;
      case NUMBER -> ArgKind.NUMBER;
      case BOOLEAN -> ArgKind.BOOLEAN;
      case CHOICE -> ArgKind.CHOICE;
      case TEXTS -> ArgKind.TEXTS;
      case CHOICES -> ArgKind.CHOICES;
      case NUMBERS -> ArgKind.NUMBERS;
      case OBJECT -> ArgKind.OBJECT;
      case OBJECTS -> ArgKind.OBJECTS;
    };
  }

  /** {@code priority HIGH}, {@code value env("VALUE")}, … */
  static String example(FieldSpec f) {
    String w = f.word();
    if (f.secret() || f.secretWhen() != null) {
      return w + " env(\"" + f.apiName().toUpperCase(Locale.ROOT) + "\")";
    }
    String first = f.choices().isEmpty() ? "VALUE" : f.choices().get(0);
    return switch (f.type()) {
      case TEXT -> w + " \"…\"";
      case NUMBER -> w + " 1";
      case BOOLEAN -> w + " true";
      case CHOICE -> w + " " + first;
      case TEXTS -> w + " \"a\", \"b\"";
      case CHOICES -> w + " " + String.join(", ", f.choices().subList(0, Math.min(2, f.choices().size())));
      case NUMBERS -> w + " 1, 2";
      case OBJECT, OBJECTS -> w + " key: \"value\"";
    };
  }

  /** {@code pipeline "my-pipeline" {\n  priority HIGH\n}}. */
  static String example(DeclaredKind k) {
    String head = k.word() + " \"" + exampleKey(k) + "\" {\n";
    String inner = k.fields().stream().filter(f -> !f.apiName().equals(k.keyField())).findFirst()
        .map(f -> "  " + example(f) + "\n").orElse("");
    return head + inner + "}";
  }

  static String exampleKey(DeclaredKind k) {
    return k.keyField().endsWith("url") ? "https://example.com/" + k.word() : "my-" + k.word().toLowerCase(Locale.ROOT);
  }
}
