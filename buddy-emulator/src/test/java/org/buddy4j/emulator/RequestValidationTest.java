package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.WS;
import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 401, 400 naming the field, and 404, each with Buddy's error body. */
class RequestValidationTest extends EmulatorTestBase {

  private static void assertError(ApiClient.Reply reply, int status, String... fragments) {
    assertEquals(status, reply.status, reply::toString);
    for (String fragment : fragments) {
      assertTrue(reply.errorMessage().contains(fragment), () -> "'" + fragment + "' missing from " + reply);
    }
  }

  @Test
  void missingOrUnknownTokenIs401() {
    assertError(api.exchange("GET", "/workspaces", null, null, null), 401, "Missing bearer token");
    assertError(api.exchange("GET", "/workspaces", null, null, "not-a-token"), 401, "Invalid token");
    assertError(api.exchange("POST", executions(2), "{\"priority\":\"URGENT\"}", "application/json", null), 401);
    assertEquals(200, api.exchange("GET", "/workspaces?access_token=" + emulator.token(), null, null, null).status,
      "the docs' access_token query parameter works too");
    assertEquals(0, api.get(executions(2)).json().getInteger("total_element_count") - 2, "nothing ran");
  }

  @Test
  void aPriorityOutsideTheEnumIs400NamingTheField() {
    assertError(api.post(executions(2), new JsonObject().put("priority", "URGENT")), 400, "priority", "HIGH");
    assertError(api.post(executions(2), new JsonObject().put("refresh", "yes")), 400, "refresh");
    assertError(api.post(executions(2), new JsonObject().put("to_revision", new JsonObject())), 400, "revision");
    // per_page has no maximum (no source states one; coverage finding 17), but it is at least 1.
    assertError(api.get(executions(2) + "?per_page=0"), 400, "per_page");
    assertEquals(200, api.get(executions(2) + "?per_page=500").status);
    assertError(api.get(ApiClient.PROJECT + "/pipelines/two"), 400, "pipeline_id");
    assertError(api.patch(executions(2) + "/1", new JsonObject().put("operation", "PAUSE")), 400, "operation");
    assertError(api.post(executions(2), "{not json"), 400);
  }

  @Test
  void aRepeatedRequestIsCheckedAsTheFirstWas() {
    // Parameter and body checks are remembered per raw value; refusals are not, and a body is handed out fresh.
    for (int i = 0; i < 3; i++) {
      assertError(api.post(executions(2), new JsonObject().put("priority", "URGENT")), 400, "priority", "HIGH");
      assertError(api.get(ApiClient.PROJECT + "/pipelines/two"), 400, "pipeline_id");
      assertEquals(200, api.get(ApiClient.PROJECT + "/pipelines/2").status);
    }
    JsonObject body = new JsonObject().put("comment", "same").put("variables", new io.vertx.core.json.JsonArray()
      .add(new JsonObject().put("key", "STAGE").put("value", "one")));
    JsonObject first = api.post(executions(2), body).json();
    JsonObject second = api.post(executions(2), body).json();
    assertEquals(first.getInteger("id") + 1, second.getInteger("id"), "two runs, not one remembered answer");
    assertEquals("same", second.getString("comment"));
  }

  @Test
  void integrationBodiesAreCheckedAgainstTheCatalog() {
    String integrations = WS + "/integrations";
    assertError(api.post(integrations, new JsonObject().put("type", "GIT_HUB").put("scope", "WORKSPACE")
      .put("token", "t")), 400, "'name'");
    assertError(api.post(integrations, new JsonObject().put("type", "GIT_HUB").put("name", "gh")
      .put("scope", "PROJECT").put("token", "t")), 400, "'project_name'", "PROJECT");
    assertError(api.post(integrations, new JsonObject().put("type", "GIT_HUB").put("name", "gh")
      .put("scope", "WORKSPACE").put("token", "t").put("region", "eu-west-1")), 400, "GIT_HUB", "'region'");
    assertError(api.post(integrations, new JsonObject().put("type", "AMAZON").put("name", "aws")
      .put("scope", "WORKSPACE").put("access_key", "AKIA")), 400, "AMAZON", "'secret_key'");
    assertError(api.post(integrations, new JsonObject().put("type", "AMAZON").put("name", "aws")
      .put("scope", "WORKSPACE").put("auth_type", "OIDC").put("audience", "x")), 400, "AMAZON", "OIDC", "'role_assumptions'");
    assertError(api.post(integrations, new JsonObject().put("type", "AMAZON").put("name", "aws")
      .put("scope", "WORKSPACE").put("auth_type", "MAGIC")), 400, "AMAZON", "MAGIC");
    assertError(api.post(integrations, new JsonObject().put("name", "x").put("scope", "WORKSPACE")), 400, "'type'");
    assertError(api.post(integrations, new JsonObject().put("type", "GIT_HUB").put("name", "gh")
      .put("scope", "PROJECT").put("project_name", "nope").put("token", "t")), 422, "nope");
    assertError(api.post(integrations, new JsonObject().put("type", "BITBUCKET").put("name", "bb")
      .put("scope", "WORKSPACE")), 422, "BITBUCKET");
  }

  @Test
  void pipelineCreateRequiresAName() {
    assertError(api.post(ApiClient.PROJECT + "/pipelines", new JsonObject().put("priority", "HIGH")), 400, "'name'");
  }

  @Test
  void unknownPathsAndObjectsAre404() {
    assertError(api.get("/no/such/path"), 404, "/no/such/path");
    assertError(api.exchange("GET", "/no/such/path", null, null, null), 404);
    assertError(api.send("PUT", "/workspaces", new JsonObject()), 404);
    assertError(api.get(ApiClient.pipeline(999)), 404, "Pipeline 999");
    assertError(api.post(executions(999), new JsonObject()), 404, "Pipeline 999");
    assertError(api.get(executions(2) + "/999"), 404, "Execution 999");
    assertError(api.get("/workspaces/nope"), 404, "nope");
    assertError(api.get(WS + "/projects/nope"), 404, "nope");
    assertError(api.get(WS + "/integrations/abc"), 404, "abc");
  }
}
