package org.buddy4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.core.generated.model.MemberList;
import org.buddy4j.core.generated.model.OAuthClient;
import org.buddy4j.core.generated.model.OAuthToken;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.Project;
import org.buddy4j.core.generated.model.ProjectList;
import org.buddy4j.core.generated.model.RepositoryContents;
import org.buddy4j.core.generated.model.User;
import org.buddy4j.core.generated.model.VariableList;
import org.buddy4j.core.generated.model.Webhook;
import org.buddy4j.core.generated.model.WorkspaceList;
import org.buddy4j.core.testing.ExampleFiles;
import org.buddy4j.core.testing.ModelCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** decode → encode → decode is lossless for every documented response, and every documented key has a declared property. */
class ResponseExamplesRoundTripTest {
  /** Operation prefix of the file name → the model its response decodes into. A file not listed here fails. */
  private static final Map<String, Class<?>> MODELS = new LinkedHashMap<>();

  static {
    MODELS.put("executions-run", ExecutionData.class);
    MODELS.put("integrations-create", Integration.class);
    MODELS.put("projects-list", ProjectList.class);
    MODELS.put("projects-create", Project.class);
    MODELS.put("workspaces-list", WorkspaceList.class);
    MODELS.put("members-list", MemberList.class);
    MODELS.put("project-members-list", MemberList.class);
    MODELS.put("project-members-update", Member.class);
    MODELS.put("members-add", Member.class);
    MODELS.put("members-projects", ProjectList.class);
    MODELS.put("permissions-create", PermissionSet.class);
    MODELS.put("variables-list", VariableList.class);
    MODELS.put("webhooks-create", Webhook.class);
    MODELS.put("webhooks-update", Webhook.class);
    MODELS.put("tokens-create", AccessToken.class);
    MODELS.put("user-get", User.class);
    MODELS.put("oauth-token", OAuthToken.class);
    MODELS.put("oauth-register", OAuthClient.class);
    MODELS.put("actions-get", Action.class);
    MODELS.put("repository-contents", RepositoryContents.class);
  }

  /**
   * Keys a schema leaves open on purpose: an action's type-specific settings (FTP's
   * {@code deployment_excludes}, …) are not declared on {@code Action} and are kept as extras.
   */
  private static final Map<String, Set<String>> OPEN_EXTRAS = Map.of("actions-get", Set.of("deployment_excludes"));

  private static final ObjectMapper WITH_BLACKBIRD = BuddyJson.create(true);
  private static final ObjectMapper WITHOUT_BLACKBIRD = BuddyJson.create(false);

  static Stream<String> responseExamples() {
    return ExampleFiles.names().stream().filter(n -> n.contains(".response"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseExamples")
  void decodeEncodeDecodeIsLossless(String file) throws Exception {
    String operation = file.substring(0, file.indexOf(".response"));
    Class<?> model = MODELS.get(operation);
    assertNotNull(model, file + ": no model listed for operation '" + operation + "'; add it to MODELS");
    ObjectMapper mapper = BuddyJson.mapper();
    String original = ExampleFiles.text(file);

    Object first = mapper.readValue(original, model);
    String encoded = mapper.writeValueAsString(first);
    Object second = mapper.readValue(encoded, model);

    assertEquals(first, second, file + ": decoded twice differs");
    // The mapper never writes nulls (a PATCH must not wipe fields), so a documented "key": null comes
    // back as an absent key: compare with the original minus its null-valued keys.
    assertEquals(ExampleFiles.withoutNulls(ExampleFiles.parse(original)), ExampleFiles.parse(encoded), file);
  }

  /** Short CLI commands bind without Blackbird (BuddyJson): both mappers read and write alike. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("responseExamples")
  void withAndWithoutBlackbirdTheMapperReadsAndWritesAlike(String file) throws Exception {
    Class<?> model = MODELS.get(file.substring(0, file.indexOf(".response")));
    assertNotNull(model, file);
    String original = ExampleFiles.text(file);
    Object withAccessors = WITH_BLACKBIRD.readValue(original, model);
    Object withReflection = WITHOUT_BLACKBIRD.readValue(original, model);
    assertEquals(withReflection, withAccessors, file);
    assertEquals(WITHOUT_BLACKBIRD.writeValueAsString(withReflection), WITH_BLACKBIRD.writeValueAsString(withAccessors), file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responseExamples")
  void everyDocumentedKeyHasADeclaredProperty(String file) throws Exception {
    String operation = file.substring(0, file.indexOf(".response"));
    Class<?> model = MODELS.get(operation);
    assertNotNull(model, file);
    ObjectNode json = (ObjectNode) ExampleFiles.tree(file);
    Object decoded = BuddyJson.mapper().readValue(ExampleFiles.text(file), model);
    for (String extra : OPEN_EXTRAS.getOrDefault(operation, Set.of())) {
      @SuppressWarnings("unchecked")
      Map<String, Object> additional = (Map<String, Object>) model.getMethod("getAdditionalProperties").invoke(decoded);
      assertNotNull(additional == null ? null : additional.remove(extra), file + ": " + extra + " should be kept as an extra");
      json.remove(extra);
    }
    ModelCoverage.assertFullyMapped(json, decoded);
  }

  @Test
  void thereAreResponseExamplesAndEveryListedOperationHasOne() {
    List<String> files = responseExamples().toList();
    assertFalse(files.isEmpty());
    Set<String> operations = new TreeSet<>();
    files.forEach(f -> operations.add(f.substring(0, f.indexOf(".response"))));
    assertEquals(new TreeSet<>(MODELS.keySet()), operations, "operations with a response example");
  }

  @Test
  void nullValuedKeysAreTheOnlyDifferenceTheComparisonForgives() {
    JsonNode doc = ExampleFiles.parse("{\"a\":null,\"b\":{\"c\":null,\"d\":[{\"e\":null,\"f\":0}]}}");
    assertEquals(ExampleFiles.parse("{\"b\":{\"d\":[{\"f\":0}]}}"), ExampleFiles.withoutNulls(doc));
  }
}
