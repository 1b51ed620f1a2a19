package org.buddy4j.core.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.integrations.IntegrationCatalog.AuthMode;
import org.buddy4j.core.integrations.IntegrationCatalog.TypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated factory and builders match the spec's catalog type for type and field for field. */
class GeneratedBuildersCatalogTest {
  private static final IntegrationCatalog CATALOG = IntegrationCatalog.get();

  static Stream<String> types() {
    return CATALOG.types().keySet().stream().sorted();
  }

  @Test
  void catalogHasEveryTypeTheSpecLists() throws Exception {
    // Read the type names from openapi.yaml's text, independently of the generator's YAML parsing.
    String spec;
    try (var in = getClass().getClassLoader().getResourceAsStream("buddy4j/openapi.yaml")) {
      assertNotNull(in, "openapi.yaml on the test classpath");
      spec = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String section = spec.substring(spec.indexOf("\nx-buddy-integration-catalog:"));
    section = section.substring(section.indexOf("\n  types:"));
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^    ([A-Z][A-Z0-9_]*):\\s*$").matcher(section);
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(53, listed.size(), "the spec's catalog lists 53 types");
    assertEquals(listed, new TreeSet<>(CATALOG.types().keySet()));
  }

  @Test
  void factoryHasOneMethodPerTypeNamedAfterIt() throws Exception {
    Map<String, String> methodByType = new TreeMap<>();
    for (Method m : Integrations.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        assertEquals(0, m.getParameterCount(), m.getName());
        IntegrationBuilder<?> b = (IntegrationBuilder<?>) m.invoke(null);
        assertNull(methodByType.put(b.type(), m.getName()), "two factory methods for " + b.type());
      }
    }
    assertEquals(new TreeSet<>(CATALOG.types().keySet()), methodByType.keySet());
    methodByType.forEach((type, method) -> assertEquals(camel(type), method, type));
    assertEquals("amazon", methodByType.get("AMAZON"));
    assertEquals("gitHub", methodByType.get("GIT_HUB"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void builderSettersCoverExactlyTheTypesFields(String type) throws Exception {
    TypeSpec spec = CATALOG.types().get(type);
    IntegrationBuilder<?> builder = factory(type);
    Set<String> expected = spec.fields().stream()
        .map(f -> f.equals("role_assumptions") ? "roleAssumption" : camel(f)).collect(Collectors.toCollection(TreeSet::new));
    Set<String> declared = Arrays.stream(builder.getClass().getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
        .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, declared, type + " builder setters");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void eachSetterWritesItsOwnFieldIntoADeclaredProperty(String type) throws Exception {
    TypeSpec spec = CATALOG.types().get(type);
    IntegrationBuilder<?> builder = factory(type).name("n-" + type).workspaceScope();
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : spec.fields()) {
      if (field.equals("role_assumptions")) {
        builder.getClass().getMethod("roleAssumption", String.class).invoke(builder, "arn:aws:iam::000000000000:role/fake");
      } else {
        String value = "v-" + type + "-" + field;
        values.put(field, value);
        builder.getClass().getMethod(camel(field), String.class).invoke(builder, value);
      }
    }

    Integration built = builder.build();

    assertTrue(built.getAdditionalProperties() == null || built.getAdditionalProperties().isEmpty(),
        type + ": catalog fields missing from the Integration schema: " + built.getAdditionalProperties());
    JsonNode json = BuddyJson.mapper().valueToTree(built);
    values.forEach((field, value) -> assertEquals(value, json.path(field).asText(null), type + "." + field));
    if (spec.fields().contains("role_assumptions")) {
      assertEquals("arn:aws:iam::000000000000:role/fake", json.path("role_assumptions").path(0).path("arn").asText());
    }
    assertEquals(type, built.getType());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void everyModeBuildsWithItsRequiredFieldsAndFailsWithoutEachOne(String type) throws Exception {
    TypeSpec spec = CATALOG.types().get(type);
    for (AuthMode mode : spec.modes()) {
      List<String> required = mode.required();
      IntegrationBuilder<?> ok = withRequired(type, mode, required);
      Integration built = ok.build();
      assertEquals(mode.isDefault() ? null : mode.authType(), built.getAuthType(), type + " " + mode.authType());
      for (String missing : required) {
        IntegrationBuilder<?> without = withRequired(type, mode, required.stream().filter(f -> !f.equals(missing)).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, without::build, type + " without " + missing);
        assertTrue(e.getMessage().contains(type) && e.getMessage().contains(missing), e.getMessage());
      }
    }
  }

  @Test
  void typesThatCannotBeCreatedThroughTheApiStillBuild() {
    List<String> notCreatable = CATALOG.types().values().stream().filter(t -> !t.creatable()).map(TypeSpec::type).toList();
    assertFalse(notCreatable.isEmpty());
    for (String type : notCreatable) {
      Integration built = factory(type).name("n").workspaceScope().build();
      assertEquals(type, built.getType());
    }
    assertTrue(notCreatable.contains("BITBUCKET"));
  }

  @Test
  void everyTypeHasExactlyOneDefaultModeAndKnownRequiredFields() {
    for (TypeSpec spec : CATALOG.types().values()) {
      assertEquals(1, spec.modes().stream().filter(AuthMode::isDefault).count(), spec.type());
      for (AuthMode mode : spec.modes()) {
        assertTrue(spec.fields().containsAll(mode.required()), spec.type() + " " + mode.authType() + " requires a field it does not take");
      }
    }
  }

  private static IntegrationBuilder<?> withRequired(String type, AuthMode mode, List<String> required) throws Exception {
    IntegrationBuilder<?> b = factory(type).name("n-" + type).workspaceScope();
    if (!mode.isDefault()) {
      b.authType(mode.authType());
    }
    for (String field : required) {
      if (field.equals("role_assumptions")) {
        b.getClass().getMethod("roleAssumption", String.class).invoke(b, "arn:aws:iam::000000000000:role/fake");
      } else {
        b.getClass().getMethod(camel(field), String.class).invoke(b, "v-" + field);
      }
    }
    return b;
  }

  private static IntegrationBuilder<?> factory(String type) {
    try {
      return (IntegrationBuilder<?>) Integrations.class.getMethod(camel(type)).invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no factory method Integrations." + camel(type) + "() for " + type, e);
    }
  }

  /** {@code GIT_HUB_APP} → {@code gitHubApp}, as Buddy's snake case reads in Java. */
  static String camel(String snake) {
    String[] parts = snake.toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
