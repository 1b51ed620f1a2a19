package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.buddy4j.emulator.ApiClient.executions;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code GET …/executions/{id}} answers bytes rendered once per state change: whatever changes what a
 * run shows (a new run of its pipeline, an edit of the pipeline, the run's own progress) shows at once.
 * The parts every run repeats (its creator, pipeline, actions, branch) are encoded once and reused while
 * what they show is unchanged: an edit of one shows in the next run's answer.
 */
class RenderedAnswerTest extends EmulatorTestBase {
  @Test
  void aFinishedRunShowsItsPipelinesLatestStatusAndEdits() {
    String run1 = executions(2) + "/1";
    JsonObject first = api.get(run1).json();
    assertEquals(first, api.get(run1).json(), "the same answer twice");
    assertEquals("SUCCESSFUL", first.getJsonObject("pipeline").getString("last_execution_status"));

    api.post(executions(2), new JsonObject());
    assertEquals("ENQUEUED", api.get(run1).json().getJsonObject("pipeline").getString("last_execution_status"));
    api.advance(60);
    api.get(executions(2) + "/3"); // brings run 3 up to date: it finished
    assertEquals("SUCCESSFUL", api.get(run1).json().getJsonObject("pipeline").getString("last_execution_status"));

    api.patch(ApiClient.pipeline(2), new JsonObject().put("name", "renamed"));
    assertEquals("renamed", api.get(run1).json().getJsonObject("pipeline").getString("name"));
    assertEquals(first.getString("status"), api.get(run1).json().getString("status"));
  }

  @Test
  void aRunStillGoingShowsItsProgress() {
    int id = api.post(executions(2), new JsonObject()).json().getInteger("id");
    String run = executions(2) + "/" + id;
    assertEquals("ENQUEUED", api.get(run).json().getString("status"));
    api.advance(2);
    JsonObject going = api.get(run).json();
    assertEquals("INPROGRESS", going.getString("status"));
    api.advance(2);
    double before = going.getJsonArray("action_executions").getJsonObject(0).getDouble("progress");
    double after = api.get(run).json().getJsonArray("action_executions").getJsonObject(0).getDouble("progress");
    assertEquals(true, after > before, before + " then " + after);
    api.advance(60);
    assertEquals("SUCCESSFUL", api.get(run).json().getString("status"));
    assertEquals("SUCCESSFUL", api.get(run).json().getString("status"));
  }

  @Test
  void aNewRunShowsEditsOfThePipelineActionsAndBranchItRepeats() {
    JsonObject before = api.post(executions(2), new JsonObject()).json();
    assertEquals(new JsonArray().add("refs/heads/master"), before.getJsonObject("pipeline").getJsonArray("refs"));

    api.patch(ApiClient.pipeline(2), new JsonObject().put("name", "dev-2").put("refs", new JsonArray().add("refs/heads/develop")));
    api.patch(ApiClient.pipeline(2) + "/actions/5", new JsonObject().put("name", "Upload, renamed")
      .put("commands", new JsonArray().add("echo hi")));
    JsonObject after = api.post(executions(2), new JsonObject().put("branch", new JsonObject().put("name", "develop"))).json();

    assertEquals("dev-2", after.getJsonObject("pipeline").getString("name"));
    assertEquals(new JsonArray().add("refs/heads/develop"), after.getJsonObject("pipeline").getJsonArray("refs"));
    JsonObject action = after.getJsonArray("action_executions").getJsonObject(0).getJsonObject("action");
    assertEquals("Upload, renamed", action.getString("name"));
    assertEquals(new JsonArray().add("echo hi"), action.getJsonArray("commands"));
    assertEquals("develop", after.getJsonObject("branch").getString("name"));
    assertEquals(false, after.getJsonObject("branch").getBoolean("default"));
    assertEquals("master", before.getJsonObject("branch").getString("name"));
    assertEquals("dev-2", api.get(executions(2) + "/" + before.getInteger("id")).json()
      .getJsonObject("pipeline").getString("name"), "an older run shows the edit too");
    assertEquals(after.getJsonObject("creator"), after.getJsonObject("to_revision").getJsonObject("author"));
  }

  @Test
  void aQueuedOrWaitingRunShowsWhatTheClockAndAPatchDoToIt() {
    // Pipeline 3 waits for approval at its first action; the clock is frozen.
    String run = executions(3) + "/" + api.post(executions(3), new JsonObject()).json().getInteger("id");
    JsonObject queued = api.get(run).json();
    assertEquals("ENQUEUED", queued.getString("status"));
    assertEquals(queued, api.get(run).json(), "the same answer while nothing changes");
    api.advance(2);
    JsonObject waiting = api.get(run).json();
    assertEquals("WAITING_FOR_APPLY", waiting.getString("status"), "the clock started it: not the queued answer");
    assertEquals("WAITING_FOR_APPLY", waiting.getJsonObject("pipeline").getString("last_execution_status"));
    api.advance(60);
    assertEquals(waiting, api.get(run).json(), "a run waiting at a gate does not change on the clock");
    api.patch(run, new JsonObject().put("operation", "APPLY"));
    assertEquals("INPROGRESS", api.get(run).json().getString("status"));
    api.advance(60);
    assertEquals("SUCCESSFUL", api.get(run).json().getString("status"));
  }
}
