package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A sandbox's life on the simulated clock, on top of the store's CRUD: created or started it is
 * {@code STARTING} and {@code RUNNING} {@link #BOOT_SECONDS} later; stopped it is {@code STOPPING} and
 * {@code STOPPED} {@link #STOP_SECONDS} later (the status names of the spec's {@code SandboxStatus}, as in
 * Buddy's Go SDK). Starting a running sandbox or stopping a stopped one changes nothing.
 */
final class SandboxApi {
  static final long BOOT_SECONDS = 10;
  static final long STOP_SECONDS = 5;
  /** When the current transition ends (simulated epoch milliseconds); hidden from answers. */
  private static final String DUE = "__due";

  private final Emulation emulation;
  private final ResourceApi resources;

  SandboxApi(Emulation emulation, ResourceApi resources) {
    this.emulation = emulation;
    this.resources = resources;
  }

  void register(OperationRegistry registry) {
    resources.behaviour("sandboxes", new ResourceApi.Behaviour() {
      @Override
      public void creating(ApiRequest req, JsonObject item) {
        move(item, "STARTING", BOOT_SECONDS);
        appsAsObjects(item);
      }

      @Override
      public void showing(JsonObject item) {
        advance(item);
        appsAsObjects(item); // an update sends commands too
      }
    });
    registry.on("startSandbox", req -> transition(req, true))
      .on("stopSandbox", req -> transition(req, false));
  }

  /**
   * A request's {@code apps} are commands (text); Buddy answers each as an app ({@code SandboxApp}: id, command,
   * app_status), as the spec's {@code Sandbox.apps} says.
   */
  private static void appsAsObjects(JsonObject item) {
    JsonArray apps = item.getJsonArray("apps");
    if (apps == null) {
      return;
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < apps.size(); i++) {
      Object app = apps.getValue(i);
      out.add(app instanceof String command
          ? new JsonObject().put("id", "app-" + (i + 1)).put("command", command).put("app_status", "NONE")
          : app);
    }
    item.put("apps", out);
  }

  private void transition(ApiRequest req, boolean start) {
    ResourceCatalog.Family sandboxes = emulation.resources.family("sandboxes");
    List<String> scope = List.of(emulation.state().workspace(req.workspace()).domain);
    String id = req.path("sandbox_id");
    JsonObject item = emulation.state().resources.find(sandboxes, scope, id);
    if (item == null) {
      throw ApiError.notFound("Sandbox " + id + " not found");
    }
    advance(item);
    String status = item.getString("status");
    if (start && ("STOPPED".equals(status) || "STOPPING".equals(status) || "FAILED".equals(status))) {
      move(item, "STARTING", BOOT_SECONDS);
    } else if (!start && ("RUNNING".equals(status) || "STARTING".equals(status))) {
      move(item, "STOPPING", STOP_SECONDS);
    }
    Replies.json(req.rc, 200, resources.view(sandboxes, scope, item));
  }

  private void move(JsonObject item, String status, long seconds) {
    item.put("status", status).put(DUE, emulation.clock().now().plusSeconds(seconds).toEpochMilli());
    if ("STARTING".equals(status)) {
      item.put("setup_status", "INPROGRESS");
    }
  }

  /** Ends the transition under way once the simulated clock has reached its end. */
  private void advance(JsonObject item) {
    Long due = item.getLong(DUE);
    if (due == null || emulation.clock().now().toEpochMilli() < due) {
      return;
    }
    item.remove(DUE);
    if ("STARTING".equals(item.getString("status"))) {
      item.put("status", "RUNNING").put("setup_status", "SUCCESS");
    } else if ("STOPPING".equals(item.getString("status"))) {
      item.put("status", "STOPPED");
    }
  }
}
