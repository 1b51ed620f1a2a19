package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.PassVariable;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.junit.jupiter.api.Test;

/**
 * A user's {@code log.info(model)} is as safe as the SDK's own logging: every generated model's
 * {@code toString} masks secrets it does not declare (unknown fields named like a catalog secret, at any
 * depth, and encrypted variables inside them) and the value of an encrypted variable.
 */
class ModelToStringSecretsTest {
  private static final ObjectMapper JSON = BuddyJson.mapper();

  @Test
  void unknownFieldsNamedLikeSecretsAreMaskedInEveryModel() throws Exception {
    Set<String> secretNames = new TreeSet<>(IntegrationCatalog.get().secretFields());
    List<String> checked = new ArrayList<>();
    for (Class<?> model : generatedModels()) {
      if (Stream.of(model.getMethods()).noneMatch(m -> m.getName().equals("putAdditionalProperty"))) {
        continue;
      }
      Set<String> declared = declaredProperties(model);
      ObjectNode body = JSON.createObjectNode();
      for (String name : secretNames) {
        if (!declared.contains(name)) {
          body.put(name, "FAKE-SENTINEL-" + model.getSimpleName() + "-" + name);
        }
      }
      body.putObject("future_settings").put("password", "FAKE-SENTINEL-nested-password")
          .putObject("deeper").put("api_key", "FAKE-SENTINEL-deeper-api_key");
      body.putArray("future_variables").addObject().put("key", "DB").put("value", "FAKE-SENTINEL-encrypted-var")
          .put("encrypted", true);
      body.put("future_plain_field", "visible-FAKE-plain");

      Object decoded = JSON.treeToValue(body, model);
      String shown = decoded.toString();
      assertFalse(shown.contains("FAKE-SENTINEL"), model.getSimpleName() + " printed a secret:\n" + shown);
      assertTrue(shown.contains("visible-FAKE-plain"), model.getSimpleName() + " prints its unknown fields:\n" + shown);
      checked.add(model.getSimpleName());
    }
    assertTrue(checked.contains("Integration") && checked.contains("Variable") && checked.size() > 20,
        "the models with unknown fields were found: " + checked);
  }

  @Test
  void anIntegrationsDeclaredAndUnknownSecretsAreMasked() {
    Integration integration = new Integration().name("deploy").type("AMAZON").secretKey("FAKE-SENTINEL-declared");
    integration.putAdditionalProperty("client_secret_v2", "not a catalog name: shown");
    integration.putAdditionalProperty("token", "FAKE-SENTINEL-token-not-declared-here");
    // token is declared on Integration, so Jackson never puts it in additionalProperties; a caller can.
    String shown = integration.toString();
    assertFalse(shown.contains("FAKE-SENTINEL"), shown);
    assertTrue(shown.contains("deploy") && shown.contains("not a catalog name: shown"), shown);
  }

  @Test
  void anEncryptedVariablesValueIsMaskedAndAPlainOnePrints() {
    Variable secret = new Variable().key("DB_PASSWORD").value("FAKE-SENTINEL-variable").encrypted(true);
    PassVariable passed = new PassVariable().key("DB_PASSWORD").value("FAKE-SENTINEL-pass-variable").encrypted(true);
    for (Object model : List.of(secret, passed)) {
      assertFalse(model.toString().contains("FAKE-SENTINEL"), model.toString());
      assertTrue(model.toString().contains("DB_PASSWORD"), model.toString());
    }
    Variable plain = new Variable().key("REGION").value("eu-west-1").encrypted(false);
    assertTrue(plain.toString().contains("eu-west-1"), plain.toString());
    assertTrue(new PassVariable().key("REGION").value("eu-west-1").toString().contains("eu-west-1"));
  }

  private static Set<String> declaredProperties(Class<?> model) {
    BeanDescription bean = JSON.getDeserializationConfig().introspect(JSON.constructType(model));
    return bean.findProperties().stream().map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
  }

  private static List<Class<?>> generatedModels() throws Exception {
    Path classes = Path.of(Integration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(Integration.class.getPackageName().replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> c = Class.forName(Integration.class.getPackageName() + "." + name.replace(".class", ""));
          if (!c.isEnum() && !c.isInterface()) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }
}
