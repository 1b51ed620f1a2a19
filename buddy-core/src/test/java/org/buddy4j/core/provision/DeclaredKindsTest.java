package org.buddy4j.core.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.testing.SpecDocument;
import org.junit.jupiter.api.Test;

/**
 * The generated kinds are the design's table (issue 15: word, natural key, parents, dependency order), and
 * every declared field is a property of the kind's schema in the spec as the test reads it itself, typed and
 * marked secret as that property says.
 */
class DeclaredKindsTest {

  /** The design table, in the dependency order an apply creates in: word → key, parents. */
  private static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put("permissionSet", List.of("name", "workspace"));
    TABLE.put("group", List.of("name", "workspace"));
    TABLE.put("integration", List.of("identifier", "workspace"));
    TABLE.put("project", List.of("name", "workspace"));
    TABLE.put("environment", List.of("identifier", "workspace", "project"));
    TABLE.put("pipeline", List.of("name", "project"));
    TABLE.put("target", List.of("identifier", "workspace", "project", "pipeline"));
    TABLE.put("variable", List.of("key", "workspace", "project", "pipeline"));
    TABLE.put("action", List.of("name", "pipeline"));
    TABLE.put("webhook", List.of("target_url", "workspace"));
    TABLE.put("sandbox", List.of("identifier", "project"));
  }

  @Test
  void theKindsAreTheDesignTableInDependencyOrder() {
    Map<String, List<String>> generated = new LinkedHashMap<>();
    for (DeclaredKind k : DeclaredKind.all()) {
      List<String> row = new ArrayList<>();
      row.add(k.keyField());
      row.addAll(k.parents());
      generated.put(k.word(), row);
    }
    assertEquals(TABLE, generated);
    assertEquals(List.of(TABLE.keySet().toArray()), List.copyOf(generated.keySet()), "dependency order");
    assertTrue(DeclaredKind.of("action").orElseThrow().ordered(), "actions keep declaration order");
    assertTrue(DeclaredKind.of("action").orElseThrow().open(), "an action type's own fields are declarable");
    assertFalse(DeclaredKind.of("pipeline").orElseThrow().ordered());
  }

  @Test
  void everyKindComesAfterItsParents() {
    List<String> before = new ArrayList<>(List.of("workspace"));
    for (DeclaredKind k : DeclaredKind.all()) {
      k.parents().forEach(p -> assertTrue(before.contains(p), k + " is declared before its parent " + p));
      before.add(k.word());
    }
  }

  @Test
  void everyFieldIsAPropertyOfTheSchemaTypedAndMarkedAsItSays() {
    JsonNode declare = SpecDocument.root().get("x-buddy-declare");
    List<String> wrong = new ArrayList<>();
    for (JsonNode entry : declare) {
      DeclaredKind kind = DeclaredKind.of(entry.get("word").asText()).orElseThrow();
      JsonNode properties = SpecDocument.root().at("/components/schemas/" + entry.get("schema").asText() + "/properties");
      assertTrue(kind.field(kind.keyField()).isPresent(), kind + ": its key is declarable");
      for (FieldSpec f : kind.fields()) {
        JsonNode p = properties.get(f.apiName());
        if (p == null) {
          wrong.add(kind + "." + f.apiName() + " is not in the schema");
          continue;
        }
        JsonNode s = SpecDocument.resolve(p);
        boolean choice = s.has("enum") || s.has("x-extensible-enum");
        if (choice != (f.type() == FieldSpec.Type.CHOICE)) {
          wrong.add(kind + "." + f.apiName() + " is " + f.type());
        }
        if ("array".equals(s.path("type").asText()) != f.type().name().endsWith("S")) {
          wrong.add(kind + "." + f.apiName() + " is " + f.type() + " but the schema says " + s.path("type"));
        }
        if ("password".equals(p.path("format").asText()) && !f.secret()) {
          wrong.add(kind + "." + f.apiName() + " is a password but not secret");
        }
        if (p.has("x-buddy-secret-when") && !p.get("x-buddy-secret-when").asText().equals(f.secretWhen())) {
          wrong.add(kind + "." + f.apiName() + " is secret when " + p.get("x-buddy-secret-when"));
        }
      }
      for (JsonNode ro : entry.path("readOnly")) {
        if (kind.field(ro.asText()).isPresent()) {
          wrong.add(kind + "." + ro.asText() + " is read-only but declarable");
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void whatTheSchemaCannotSayIsSaid() {
    DeclaredKind variable = DeclaredKind.of("variable").orElseThrow();
    assertEquals("encrypted", variable.field("value").orElseThrow().secretWhen());
    assertTrue(variable.field("id").isEmpty(), "IDs are Buddy's");
    assertTrue(variable.field("project").isEmpty(), "the scope is the address's");
    FieldSpec type = variable.field("type").orElseThrow();
    assertEquals(FieldSpec.Type.CHOICE, type.type());
    assertTrue(type.choices().contains("SSH_KEY"));
    assertTrue(DeclaredKind.of("integration").orElseThrow().field("token").orElseThrow().secret());
    assertTrue(DeclaredKind.of("webhook").orElseThrow().field("secret_key").orElseThrow().secret());
    assertEquals(FieldSpec.Type.CHOICES, DeclaredKind.of("webhook").orElseThrow().field("events").orElseThrow().type());
    assertEquals(FieldSpec.Type.OBJECTS, DeclaredKind.of("pipeline").orElseThrow().field("events").orElseThrow().type());
    assertEquals(FieldSpec.Type.TEXTS, DeclaredKind.of("pipeline").orElseThrow().field("refs").orElseThrow().type());
    assertEquals(FieldSpec.Type.OBJECT, DeclaredKind.of("target").orElseThrow().field("auth").orElseThrow().type());
    assertTrue(DeclaredKind.of("project").orElseThrow().createOnly().contains("custom_repo_pass"));
    assertTrue(DeclaredKind.of("project").orElseThrow().field("display_name").isPresent());
  }
}
