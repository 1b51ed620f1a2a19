package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.PROJECT;
import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pipelines CRUD and the read-only workspace, project, branch and user endpoints. */
class PipelinesAndProjectsTest extends EmulatorTestBase {

  @Test
  void pipelinesCanBeCreatedEditedAndDeleted() {
    ApiClient.Reply created = api.post(PROJECT + "/pipelines", new JsonObject().put("name", "Deploy to production")
      .put("trigger_condition", "ALWAYS").put("priority", "HIGH"));
    assertEquals(201, created.status, created::toString);
    int id = created.json().getInteger("id");
    assertEquals("HIGH", created.json().getString("priority"));
    assertEquals(400, api.post(PROJECT + "/pipelines", new JsonObject().put("name", "Deploy to production")).status,
      "names are unique in a project");

    ApiClient.Reply patched = api.patch(ApiClient.pipeline(id), new JsonObject().put("paused", true));
    assertEquals(200, patched.status, patched::toString);
    assertEquals(true, patched.json().getBoolean("paused"));
    assertEquals("Deploy to production", patched.json().getString("name"), "PATCH is partial");
    assertEquals(201, api.patch(ApiClient.pipeline(id), new JsonObject().put("clear_cache", true)).status);

    assertEquals(200, api.post(ApiClient.executions(id), new JsonObject()).status, "a created pipeline can run");
    assertEquals(204, api.delete(ApiClient.pipeline(id)).status);
    assertEquals(404, api.get(ApiClient.pipeline(id)).status);
  }

  @Test
  void pipelineListAndDetails() {
    JsonObject list = api.get(PROJECT + "/pipelines?per_page=2").json();
    assertEquals(2, list.getJsonArray("pipelines").size());
    assertEquals(2, api.get(PROJECT + "/pipelines?page=2&per_page=2").json().getJsonArray("pipelines").size());
    assertEquals(0, api.get(PROJECT + "/pipelines?page=3&per_page=2").json().getJsonArray("pipelines").size());
    JsonObject dev = api.get(ApiClient.pipeline(2)).json();
    assertEquals("dev", dev.getString("name"));
    JsonArray actions = dev.getJsonArray("actions");
    assertEquals(5, actions.getJsonObject(0).getInteger("id"));
    assertEquals("Upload files to dev", actions.getJsonObject(0).getString("name"));
    assertEquals("FTP", actions.getJsonObject(0).getString("type"));
    assertEquals("Company Website", dev.getJsonObject("project").getString("display_name"));
    assertEquals("FTP", api.get(ApiClient.pipeline(2) + "/actions/5").json().getString("type"));
    assertEquals(404, api.get(ApiClient.pipeline(2) + "/actions/99").status);
  }

  @Test
  void workspacesProjectsBranchesAndUser() {
    JsonObject ws = api.get("/workspaces").json().getJsonArray("workspaces").getJsonObject(0);
    assertEquals(1, ws.getInteger("id"));
    assertEquals("buddy", ws.getString("name"));
    assertEquals("buddy", ws.getString("domain"));
    assertEquals("buddy", api.get(WS).json().getString("domain"));
    JsonObject project = api.get(PROJECT).json();
    assertEquals("Company Website", project.getString("display_name"));
    assertEquals("master", project.getString("default_branch"));
    JsonArray branches = api.get(PROJECT + "/repository/branches").json().getJsonArray("branches");
    assertEquals("master", branches.getJsonObject(0).getString("name"));
    assertEquals(true, branches.getJsonObject(0).getBoolean("default"));
    assertEquals("develop", branches.getJsonObject(1).getString("name"));
    assertEquals("Mike Benson", api.get("/user").json().getString("name"));
    assertEquals("Mike Benson", api.get(WS + "/members").json().getJsonArray("members").getJsonObject(0).getString("name"));
    assertTrue(api.get(WS + "/projects").json().getJsonArray("projects").size() >= 1);
    ApiClient.Reply created = api.post(WS + "/projects", new JsonObject().put("display_name", "Landing page"));
    assertEquals(201, created.status, created::toString);
    assertEquals("landing-page", created.json().getString("name"));
    assertEquals(200, api.get(WS + "/projects/landing-page").status);
  }
}
