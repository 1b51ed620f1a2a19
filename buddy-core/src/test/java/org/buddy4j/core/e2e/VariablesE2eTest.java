package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.Resources;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Variable;
import org.junit.jupiter.api.Test;

/** Variables at every scope through the facade: the workspace's, a project's, a pipeline's. */
class VariablesE2eTest extends E2eTestBase {
  private static final String SECRET = "FAKE-SECRET-e2e-variable-value";

  @Test
  void aWorkspaceVariableIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Variable, Integer, Variable, Variable> variables = buddy.workspace(WORKSPACE).variables();
    Variable created = variables.create(new Variable().key("E2E_WS").value("one").type("VAR"));
    assertNotNull(created.getId());
    assertEquals("one", variables.get(created.getId()).getValue());
    assertTrue(keys(variables).contains("E2E_WS"), keys(variables).toString());

    assertEquals("two", variables.update(created.getId(), new Variable().key("E2E_WS").value("two")).getValue());
    assertEquals("two", variables.get(created.getId()).getValue());

    variables.delete(created.getId());
    assertTrue(variables.find(created.getId()).isEmpty());
    assertFalse(keys(variables).contains("E2E_WS"));
  }

  /** The scenario of issue 14: a project variable sent encrypted comes back masked, in the project's list only. */
  @Test
  void anEncryptedProjectVariableIsReadBackMaskedAndListedWithItsProject() {
    Resources<Variable, Integer, Variable, Variable> variables = project().variables();
    Variable created = variables.create(new Variable().key("DEPLOY_KEY").value(SECRET).encrypted(true).type("VAR"));
    assertEquals(PROJECT, created.getProject().getName(), "created in the project's scope");

    Variable read = variables.get(created.getId());
    assertEquals(Boolean.TRUE, read.getEncrypted());
    assertNotEquals(SECRET, read.getValue(), "an encrypted value comes back masked");
    assertFalse(read.toString().contains(SECRET));
    assertTrue(keys(variables).contains("DEPLOY_KEY"), keys(variables).toString());
    assertFalse(keys(buddy.workspace(WORKSPACE).project("my-project").variables()).contains("DEPLOY_KEY"));

    // Finding 2: the filter goes out under the camelCase name Buddy's own clients send.
    List<String> queries = admin.requests("getVariables").stream().map(r -> r.getString("query"))
        .collect(Collectors.toList());
    assertTrue(queries.contains("projectName=" + PROJECT), queries.toString());
    assertTrue(queries.stream().noneMatch(q -> q != null && q.contains("project_name")), queries.toString());
    JsonObject sent = admin.requests("createVariable").get(0).getJsonObject("body");
    assertEquals(PROJECT, sent.getJsonObject("project").getString("name"));
  }

  /** The spec: "With no filter, only workspace variables" (getVariables). */
  @Test
  void theWorkspaceListHoldsNoProjectVariable() {
    project().variables().create(new Variable().key("PROJECT_ONLY").value("p").type("VAR"));
    assertFalse(keys(buddy.workspace(WORKSPACE).variables()).contains("PROJECT_ONLY"), "not a workspace variable");
  }

  /** A project's list holds its own variables, not its pipelines' (the filters name a variable's own scope). */
  @Test
  void theProjectListHoldsNoPipelineVariable() {
    pipeline(2).variables().create(new Variable().key("PIPELINE_ONLY").value("p").type("VAR"));
    project().variables().create(new Variable().key("PROJECT_TOO").value("p").type("VAR"));
    assertFalse(keys(project().variables()).contains("PIPELINE_ONLY"), "not a project variable");
    assertTrue(keys(project().variables()).contains("PROJECT_TOO"));
  }

  @Test
  void aPipelineVariableIsCreatedInThePipelineAndListedThere() {
    Resources<Variable, Integer, Variable, Variable> variables = pipeline(2).variables();
    Variable created = variables.create(new Variable().key("E2E_PIPE").value("p").type("VAR"));
    assertEquals(PROJECT, created.getProject().getName());
    assertEquals(2, created.getPipeline().getId());
    assertTrue(keys(variables).contains("E2E_PIPE"), keys(variables).toString());
    assertFalse(keys(pipeline(3).variables()).contains("E2E_PIPE"), "not another pipeline's");
    assertEquals("q", variables.update(created.getId(), new Variable().key("E2E_PIPE").value("q")).getValue());
    variables.delete(created.getId());
    assertFalse(keys(variables).contains("E2E_PIPE"));

    List<String> queries = admin.requests("getVariables").stream().map(r -> r.getString("query"))
        .collect(Collectors.toList());
    assertTrue(queries.contains("projectName=" + PROJECT + "&pipelineId=2"), queries.toString());
  }

  @Test
  void anUnknownVariableIsATypedNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).variables().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> project().variables().delete(999999));
  }

  private static List<String> keys(Resources<Variable, ?, ?, ?> variables) {
    return variables.list().map(Variable::getKey).collect(Collectors.toList());
  }
}
