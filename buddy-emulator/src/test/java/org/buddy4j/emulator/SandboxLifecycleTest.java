package org.buddy4j.emulator;

import static org.buddy4j.emulator.ApiClient.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A sandbox boots, stops and starts again on the simulated clock (frozen in tests; moved by the admin API). */
class SandboxLifecycleTest extends EmulatorTestBase {
  private String create() {
    ApiClient.Reply reply = api.post(WS + "/sandboxes?project_name=company-website",
      new JsonObject().put("name", "Box").put("identifier", "box").put("os", "ubuntu:24.04"));
    assertEquals(201, reply.status, reply::toString);
    assertEquals("STARTING", reply.json().getString("status"));
    assertEquals("company-website", reply.json().getJsonObject("project").getString("name"));
    return reply.json().getString("id");
  }

  private String status(String id) {
    return api.get(WS + "/sandboxes/" + id).json().getString("status");
  }

  @Test
  void startsRunsStopsAndStartsAgain() {
    String id = create();
    api.advance(SandboxApi.BOOT_SECONDS - 1);
    assertEquals("STARTING", status(id));
    api.advance(1);
    assertEquals("RUNNING", status(id));

    ApiClient.Reply stop = api.post(WS + "/sandboxes/" + id + "/stop", new JsonObject());
    assertEquals(200, stop.status, stop::toString);
    assertEquals("STOPPING", stop.json().getString("status"));
    api.advance(SandboxApi.STOP_SECONDS);
    assertEquals("STOPPED", status(id));

    ApiClient.Reply start = api.post(WS + "/sandboxes/" + id + "/start", new JsonObject());
    assertEquals("STARTING", start.json().getString("status"));
    api.advance(SandboxApi.BOOT_SECONDS);
    assertEquals("RUNNING", status(id));
  }

  @Test
  void startingARunningSandboxChangesNothing() {
    String id = create();
    api.advance(SandboxApi.BOOT_SECONDS);
    assertEquals("RUNNING", api.post(WS + "/sandboxes/" + id + "/start", new JsonObject()).json().getString("status"));
  }

  @Test
  void aSandboxListedByProject() {
    String id = create();
    assertEquals(id, api.get(WS + "/sandboxes?project_name=company-website").json().getJsonArray("sandboxes")
      .getJsonObject(0).getString("id"));
    assertEquals(0, api.get(WS + "/sandboxes?project_name=my-project").json().getJsonArray("sandboxes").size());
  }

  @Test
  void anUnknownSandboxIs404() {
    assertEquals(404, api.post(WS + "/sandboxes/nope/stop", new JsonObject()).status);
  }
}
