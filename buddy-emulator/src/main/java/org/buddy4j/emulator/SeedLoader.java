package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link EmulatorState} a seed describes (see buddy-emulator/README.md for the format):
 * tokens, OAuth clients, members, workspaces, projects, pipelines with their simulation knobs, and the
 * finished past runs of a pipeline's {@code history}.
 */
final class SeedLoader {
  private SeedLoader() {
  }

  /** Builds the state a seed describes (see buddy-emulator/README.md for the format). */
  static EmulatorState build(JsonObject seed, SimulatedClock clock, long randomSeed, long tokenExpiresIn,
                            int runHistory, ResourceCatalog resources) {
    EmulatorState state = new EmulatorState(clock, randomSeed, tokenExpiresIn);
    state.runHistory = runHistory;
    Instant now = clock.now();
    seed.getJsonArray("tokens", new JsonArray()).forEach(t -> state.staticTokens.add(String.valueOf(t)));
    for (Object c : seed.getJsonArray("oauthClients", new JsonArray())) {
      JsonObject client = (JsonObject) c;
      state.oauthClients.put(client.getString("clientId"), client.getString("clientSecret"));
    }
    for (Object o : seed.getJsonArray("oidcProviders", new JsonArray())) {
      JsonObject provider = (JsonObject) o;
      state.oidcProviders.put(provider.getString("providerId"), provider.getString("webIdentityToken"));
    }
    state.user = seed.getJsonObject("user", new JsonObject().put("id", 1).put("name", "Mike Benson")).copy();
    for (Object m : seed.getJsonArray("members", new JsonArray().add(state.user))) {
      JsonObject member = ((JsonObject) m).copy();
      state.members.put(member.getInteger("id"), member);
    }
    state.members.putIfAbsent(state.user.getInteger("id", 1), state.user);

    // Pipeline and action ids are unique across the seed; new ones continue after the largest.
    for (Object w : seed.getJsonArray("workspaces", new JsonArray())) {
      for (Object p : ((JsonObject) w).getJsonArray("projects", new JsonArray())) {
        for (Object pl : ((JsonObject) p).getJsonArray("pipelines", new JsonArray())) {
          JsonObject pipeline = (JsonObject) pl;
          state.nextPipelineId = Math.max(state.nextPipelineId, pipeline.getInteger("id", 0) + 1);
          for (Object a : pipeline.getJsonArray("actions", new JsonArray())) {
            state.nextActionId = Math.max(state.nextActionId, ((JsonObject) a).getInteger("id", 0) + 1);
          }
        }
      }
    }
    for (Object w : seed.getJsonArray("workspaces", new JsonArray())) {
      JsonObject wj = (JsonObject) w;
      String domain = wj.getString("domain");
      WorkspaceRecord ws = new WorkspaceRecord(wj.getInteger("id", state.workspaces.size() + 1),
        wj.getString("name", domain), domain, now.minus(Duration.ofDays(400)));
      state.workspaces.put(domain, ws);
      for (Object p : wj.getJsonArray("projects", new JsonArray())) {
        JsonObject pj = (JsonObject) p;
        ProjectRecord project = new ProjectRecord(domain, pj.getString("name"),
          pj.getString("display_name", pj.getString("name")), now.minus(Duration.ofDays(300)));
        project.status = pj.getString("status", "ACTIVE");
        for (Object b : pj.getJsonArray("branches", new JsonArray().add(new JsonObject().put("name", "master").put("default", true)))) {
          JsonObject branch = b instanceof JsonObject ? (JsonObject) b : new JsonObject().put("name", String.valueOf(b));
          project.branches.add(branch.getString("name"));
          if (branch.getBoolean("default", false)) {
            project.defaultBranch = branch.getString("name");
          }
        }
        if (project.defaultBranch == null) {
          project.defaultBranch = project.branches.isEmpty() ? "master" : project.branches.get(0);
        }
        ws.projects.put(project.name, project);
        for (Object pl : pj.getJsonArray("pipelines", new JsonArray())) {
          addSeedPipeline(state, project, (JsonObject) pl, now);
        }
      }
      for (Object i : wj.getJsonArray("integrations", new JsonArray())) {
        JsonObject ij = ((JsonObject) i).copy();
        String hashId = ij.containsKey("hash_id") ? (String) ij.remove("hash_id") : state.ids.hashId();
        String type = (String) ij.remove("type");
        ws.integrations.put(hashId, new IntegrationRecord(hashId, type, ij, new JsonObject()));
      }
      seedWorkspaceResources(state, resources, ws, wj.getJsonObject("resources", new JsonObject()));
    }
    JsonObject userResources = seed.getJsonObject("resources", new JsonObject());
    if (!userResources.containsKey("userEmails") && state.user.getString("email") != null) {
      userResources = userResources.copy().put("userEmails",
        new JsonArray().add(new JsonObject().put("email", state.user.getString("email")).put("confirmed", true)));
    }
    if (!userResources.containsKey("tokens")) {
      JsonArray tokens = new JsonArray();
      state.staticTokens.forEach(t -> tokens.add(new JsonObject().put("name", "Seed token").put("token", t)
        .put("scopes", new JsonArray().add("WORKSPACE"))));
      userResources = userResources.copy().put("tokens", tokens);
    }
    seedItems(state, resources, userResources, List.of());
    return state;
  }

  /** Buddy's built-in permission sets, for a workspace whose seed lists none. */
  private static final JsonArray BUILT_IN_PERMISSION_SETS = new JsonArray()
    .add(permissionSet(1, "Developer", "DEVELOPER", "READ_WRITE", "RUN_ONLY", "READ_WRITE", "READ_ONLY"))
    .add(permissionSet(2, "Read only", "READ_ONLY", "READ_ONLY", "READ_ONLY", "READ_ONLY", "READ_ONLY"))
    .add(permissionSet(3, "Project manager", "PROJECT_MANAGER", "READ_WRITE", "READ_WRITE", "READ_WRITE", "MANAGE"));

  private static JsonObject permissionSet(int id, String name, String type, String repository, String pipeline,
                                          String sandbox, String team) {
    return new JsonObject().put("id", id).put("name", name).put("type", type).put("repository_access_level", repository)
      .put("pipeline_access_level", pipeline).put("sandbox_access_level", sandbox).put("project_team_access_level", team);
  }

  /**
   * A workspace's store items: its {@code resources} ({@code {"variables": [...], "webhooks": [...]}}), the
   * built-in permission sets unless listed, the seed's members, and each project's members (all of them).
   */
  static void seedWorkspaceResources(EmulatorState state, ResourceCatalog resources, WorkspaceRecord ws,
                                             JsonObject items) {
    JsonObject all = items.copy();
    all.put("permissionSets", all.getJsonArray("permissionSets", BUILT_IN_PERMISSION_SETS));
    all.put("members", all.getJsonArray("members", new JsonArray(new ArrayList<>(state.members.values()))));
    seedItems(state, resources, all, List.of(ws.domain));
    for (ProjectRecord project : ws.projects.values()) {
      ResourceCatalog.Family projectMembers = resources.family("projectMembers");
      state.members.keySet().forEach(id -> state.resources.seed(projectMembers, List.of(ws.domain, project.name),
        new JsonObject().put("id", id)));
    }
  }

  private static void seedItems(EmulatorState state, ResourceCatalog resources, JsonObject items, List<String> scope) {
    for (String name : items.fieldNames()) {
      ResourceCatalog.Family family = resources.family(name);
      if (family.scope.size() != scope.size()) {
        throw new IllegalArgumentException("Seed resources '" + name + "' belong to scope " + family.scope);
      }
      for (Object item : items.getJsonArray(name)) {
        state.resources.seed(family, scope, ((JsonObject) item).copy());
      }
    }
  }

  private static void addSeedPipeline(EmulatorState state, ProjectRecord project, JsonObject pj, Instant now) {
    JsonObject definition = pj.copy();
    for (String key : List.of("id", "actions", "actionCount", "actionDuration", "logLines", "failAt", "failAlways",
      "waitForApproval", "waitForApprovalAt", "waitForVariables", "waitForVariablesAt", "queueSeconds", "history")) {
      definition.remove(key);
    }
    definition.put("refs", definition.getJsonArray("refs",
      new JsonArray().add("refs/heads/" + project.defaultBranch)));
    int id = pj.getInteger("id", state.nextPipelineId++);
    PipelineRecord pipeline = new PipelineRecord(id, project, now.minus(Duration.ofDays(200)), definition);
    configureSimulation(pipeline, pj);
    JsonArray actions = pj.getJsonArray("actions");
    if (actions == null) {
      actions = new JsonArray();
      int count = pj.getInteger("actionCount", 2);
      for (int i = 0; i < count; i++) {
        actions.add(new JsonObject().put("name", "Action " + (i + 1)).put("type", "BUILD"));
      }
    }
    for (Object a : actions) {
      JsonObject aj = (JsonObject) a;
      pipeline.actions.add(new ActionRecord(aj.getInteger("id", state.nextActionId++), aj.getString("name", "Action"),
        aj.getString("type", "BUILD"), aj.getLong("duration", pj.getLong("actionDuration", 5L)),
        aj.getInteger("logLines", pj.getInteger("logLines", 12)),
        aj.getString("trigger_time", "ON_EVERY_EXECUTION")));
    }
    project.pipelines.put(id, pipeline);
    addHistory(state, pipeline, pj.getValue("history"), now);
  }

  /** Reads the simulation knobs of a seed pipeline (also used when the API creates a pipeline). */
  static void configureSimulation(PipelineRecord pipeline, JsonObject pj) {
    pipeline.failAt = pj.getInteger("failAt");
    pipeline.failAlways = pj.getBoolean("failAlways", false);
    Object approval = pj.getValue("waitForApproval");
    pipeline.waitForApprovalAt = approval instanceof Boolean ? ((Boolean) approval ? 0 : null)
      : pj.getInteger("waitForApprovalAt");
    Object variables = pj.getValue("waitForVariables");
    pipeline.waitForVariablesAt = variables instanceof Boolean ? ((Boolean) variables ? 0 : null)
      : pj.getInteger("waitForVariablesAt");
    pipeline.queueSeconds = pj.getLong("queueSeconds", 1L);
  }

  /**
   * Finished past runs: {@code "history": 250} or a list of entries, oldest first, each with any of
   * {@code status} (SUCCESSFUL, FAILED, TERMINATED…), {@code comment}, {@code branch}, {@code tag},
   * {@code pullRequest}, {@code revision} (the {@code to_revision} SHA), {@code creator} (a member id),
   * {@code start} and {@code finish} (ISO-8601 instants; or {@code duration} in seconds),
   * {@code queueSeconds} (how long after {@code start_date} the first action starts), {@code failAt}
   * (index of the action that failed or was terminated; the last by default; later ones are
   * NOT_EXECUTED), {@code errorMessage} and {@code log} (that action's log lines, replacing the
   * generated ones). Without {@code start}, runs are 10 minutes apart, the last one 10 minutes ago.
   */
  private static void addHistory(EmulatorState state, PipelineRecord pipeline, Object history, Instant now) {
    JsonArray entries = new JsonArray();
    if (history instanceof Number) {
      for (int i = 0; i < ((Number) history).intValue(); i++) {
        entries.add(new JsonObject());
      }
    } else if (history instanceof JsonArray) {
      entries = (JsonArray) history;
    }
    int n = entries.size();
    for (int i = 0; i < n; i++) {
      JsonObject h = entries.getJsonObject(i);
      Instant created = h.getString("start") != null ? Instant.parse(h.getString("start"))
        : now.minus(Duration.ofMinutes(10L * (n - i)));
      ExecutionRecord execution = state.newExecution(pipeline, created, null);
      execution.comment = h.getString("comment", "Run " + execution.id);
      boolean otherRef = h.getString("tag") != null || h.getString("pullRequest") != null;
      if (h.getString("branch") != null) {
        execution.branch = h.getString("branch");
        execution.toRevision = EmulatorState.revisionOf(pipeline.project, execution.branch + "#" + execution.id);
      } else {
        execution.toRevision = EmulatorState.revisionOf(pipeline.project, "history#" + execution.id);
        if (otherRef) {
          execution.branch = null;
        }
      }
      execution.tag = h.getString("tag");
      execution.pullRequest = h.getString("pullRequest");
      if (h.getString("revision") != null) {
        execution.toRevision = h.getString("revision");
      }
      if (h.getInteger("creator") != null) {
        execution.creatorId = h.getInteger("creator");
      }
      String status = h.getString("status", ExecutionRecord.SUCCESSFUL);
      boolean success = ExecutionRecord.SUCCESSFUL.equals(status);
      int stopAt = execution.runs.isEmpty() ? -1
        : Math.min(h.getInteger("failAt", execution.runs.size() - 1), execution.runs.size() - 1);
      int executed = success ? execution.runs.size() : stopAt + 1;
      execution.startDate = created;
      Instant t = created.plusSeconds(h.getLong("queueSeconds", 0L));
      Instant finish = h.getString("finish") != null ? Instant.parse(h.getString("finish"))
        : h.getLong("duration") != null ? created.plusSeconds(h.getLong("duration")) : null;
      for (int k = 0; k < execution.runs.size(); k++) {
        ActionRun run = execution.runs.get(k);
        if (k >= executed) {
          run.status = ExecutionRecord.NOT_EXECUTED;
          continue;
        }
        run.start = t;
        if (finish == null) {
          t = t.plusSeconds(run.action.durationSeconds);
        } else { // the executed actions share the time up to the finish evenly; the last ends on it
          long left = Math.max(0, Duration.between(t, finish).toMillis());
          t = k == executed - 1 ? finish : t.plusMillis(left / (executed - k));
        }
        run.finish = t;
        run.status = ExecutionRecord.SUCCESSFUL;
      }
      if (!success && stopAt >= 0) {
        ActionRun stopped = execution.runs.get(stopAt);
        stopped.status = status;
        stopped.errorMessage = ExecutionRecord.FAILED.equals(status)
          ? h.getString("errorMessage", "Failed in a past run (seed history)") : null;
        if (ExecutionRecord.TERMINATED.equals(status)) {
          stopped.terminatorId = execution.creatorId;
          stopped.terminationDate = stopped.finish;
        }
        execution.cursor = stopAt;
      } else {
        execution.cursor = execution.runs.size();
      }
      if (h.getJsonArray("log") != null && stopAt >= 0) {
        List<String> lines = new ArrayList<>();
        h.getJsonArray("log").forEach(l -> lines.add(String.valueOf(l)));
        execution.runs.get(success ? execution.runs.size() - 1 : stopAt).seededLog = lines;
      }
      execution.cursorTime = t;
      execution.finishDate = finish != null ? finish : t;
      execution.status = status;
    }
  }
}
