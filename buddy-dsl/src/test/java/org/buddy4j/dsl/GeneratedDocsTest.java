package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.dsl.ide.GdslGenerator;
import org.buddy4j.dsl.ide.ReferenceWriter;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.junit.jupiter.api.Test;

/**
 * The DSL words, the GDSL descriptor and docs/dsl.md come from one source (the vocabulary, fed by the
 * integration catalog) and stay in step. Run with -Dbuddy4j.updateDocs=true to rewrite the generated
 * part of docs/dsl.md.
 */
class GeneratedDocsTest {
  private static final Path DOC = ExamplesTest.ROOT.resolve("docs/dsl.md");

  @Test
  void everyCatalogTypeAndFieldIsAWord() {
    Vocabulary v = Vocabulary.get();
    Block integration = v.block(Vocabulary.INTEGRATION);
    IntegrationCatalog catalog = IntegrationCatalog.get();
    assertEquals(new TreeSet<>(catalog.types().keySet()), new TreeSet<>(integration.word("type").orElseThrow().choices()));
    assertEquals(53, catalog.types().size(), "the catalog's type count changed: fine, but look at the docs");
    for (IntegrationCatalog.TypeSpec type : catalog.types().values()) {
      List<String> words = v.integrationWordsFor(type.type());
      for (String field : type.fields()) {
        String word = field.equals("role_assumptions") ? "roleAssumption" : Vocabulary.camel(field);
        assertTrue(words.contains(word), type.type() + "." + field + " has no word " + word);
      }
      type.aliases().keySet().forEach(alias -> assertTrue(words.contains(Vocabulary.camel(alias)), alias));
      type.modes().forEach(m -> assertTrue(v.authTypes().contains(m.authType()), m.authType()));
    }
    for (String common : catalog.commonFields()) {
      assertTrue(integration.has(Vocabulary.camel(common)), common);
    }
  }

  @Test
  void everyAuthTypeIsAConstant() throws Exception {
    for (String authType : Vocabulary.get().authTypes()) {
      assertEquals(authType, DslConstants.class.getField(authType).get(null));
    }
  }

  @Test
  void docsReferenceIsGeneratedFromTheVocabulary() throws IOException {
    String doc = Files.readString(DOC);
    String current = ReferenceWriter.update(doc);
    if (Boolean.getBoolean("buddy4j.updateDocs")) {
      Files.writeString(DOC, current);
      doc = current;
    }
    assertEquals(current, doc, "docs/dsl.md's word reference is stale: run the tests with -Dbuddy4j.updateDocs=true");
  }

  /** Every word has an example that runs: each word is used in a groovy block of docs/dsl.md (run by ExamplesTest). */
  @Test
  void everyWordIsUsedInARunnableExample() throws IOException {
    StringBuilder code = new StringBuilder();
    ExamplesTest.docExamples().forEach(e -> code.append(e.text()).append('\n'));
    String all = code.toString();
    Set<String> missing = new TreeSet<>();
    Set<String> nonCreatableOnly = new TreeSet<>();
    for (Block block : Vocabulary.get().blocks()) {
      for (Word w : block.words().values()) {
        Pattern used = Pattern.compile("(?<![\\w.])" + Pattern.quote(w.name()) + "\\b|\\." + Pattern.quote(w.name()) + "\\b");
        if (!used.matcher(all).find()) {
          boolean onlyUncreatable = !w.types().isEmpty() && w.types().stream()
              .noneMatch(t -> IntegrationCatalog.get().type(t).orElseThrow().creatable());
          (onlyUncreatable ? nonCreatableOnly : missing).add(block.id() + "." + w.name());
        }
      }
    }
    assertEquals(Set.of(), missing, "words without a runnable example in docs/dsl.md");
    // Fields only of types Buddy creates in its UI cannot be shown in a script that runs:
    System.out.println("words of non-creatable types only (documented in the reference): " + nonCreatableOnly);
  }

  @Test
  void gdslInTheJarIsWhatTheVocabularyGenerates() throws IOException {
    try (InputStream in = GdslGenerator.class.getClassLoader().getResourceAsStream(GdslGenerator.RESOURCE)) {
      assertTrue(in != null, "the GDSL descriptor is not on the classpath (the build writes it after compiling)");
      String shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(GdslGenerator.generate(), shipped);
      List<String> absent = new ArrayList<>();
      for (Block block : Vocabulary.get().blocks()) {
        if (block.id().equals(Vocabulary.RESULT) || block.id().equals(Vocabulary.RUN_NAMED)
            || block.id().equals(Vocabulary.RUN_CHAIN) || block.id().equals(Vocabulary.ROLLBACK_CHAIN)) {
          continue; // calls on variables, map keys and sentence words: not block words
        }
        for (Word w : block.words().values()) {
          if (w.kind() != ArgKind.MARKER && !shipped.contains("method name: '" + w.name() + "'")) {
            absent.add(block.id() + "." + w.name());
          }
        }
      }
      assertEquals(List.of(), absent);
    }
  }

  @Test
  void gdslParsesAsGroovy() {
    new groovy.lang.GroovyShell().parse(GdslGenerator.generate(), "buddy.gdsl");
  }
}
