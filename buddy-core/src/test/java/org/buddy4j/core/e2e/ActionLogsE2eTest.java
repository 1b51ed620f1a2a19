package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.ActionExecution;
import org.junit.jupiter.api.Test;

/** Action logs through {@code logs} (paged reads of a finished action) and {@code followLogs} (while it runs). */
class ActionLogsE2eTest extends E2eTestBase {

  /** The "Run tests" action (id 10) of pipeline 4, which writes 250 lines and then fails. */
  private static String runTestsAction(Execution run) {
    return run.actionExecutions().stream().filter(a -> a.getAction().getId() == 10).findFirst().orElseThrow()
      .getActionExecutionId();
  }

  private static List<String> expectedLines(String actionExecutionId, int total) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= total; i++) {
      lines.add(String.format("[Run tests] BUILD (%s): step %d of %d", actionExecutionId, i, total));
    }
    lines.add("ERROR: Simulated failure of action 'Run tests' (seed failAt)");
    return lines;
  }

  @Test
  void theLogOfAFinishedActionIsReadInOneRequest() {
    Execution run = pipeline(4).run(RunOptions.onBranch("develop"));
    admin.advance(60);
    assertEquals(ExecutionStatus.FAILED, run.refresh().status());
    String action = runTestsAction(run);
    admin.clearRequests();
    assertEquals(expectedLines(action, 250), run.logs(action).collect(Collectors.toList()));
    assertEquals(1, admin.requests("getActionExecutionLogs").size(), "251 lines fit in one page of 1000");
  }

  @Test
  void aLongLogIsPagedByOffset() {
    JsonObject seed = DefaultSeed.load();
    DefaultSeed.pipeline(seed, 4).getJsonArray("actions").getJsonObject(1).put("logLines", 2500);
    admin.seed(seed);
    Execution run = pipeline(4).run(RunOptions.onBranch("develop"));
    admin.advance(60);
    String action = runTestsAction(run);
    admin.clearRequests();
    assertEquals(expectedLines(action, 2500), run.logs(action).collect(Collectors.toList()));
    assertEquals(List.of("offset=0&limit=1000", "offset=1000&limit=1000", "offset=2000&limit=1000"),
      admin.requests("getActionExecutionLogs").stream().map(r -> r.getString("query")).collect(Collectors.toList()));
  }

  @Test
  void followingAnActionReadsItsLinesAsTheyAreWritten() throws Exception {
    Execution run = pipeline(4).run(RunOptions.onBranch("develop"));
    admin.advance(4); // queue (1 s) and Build (3 s) are over: Run tests starts, 250 lines over 4 simulated seconds
    String action = runTestsAction(run);
    assertEquals(ExecutionStatus.INPROGRESS, run.actionExecution(action).getStatus());

    CompletableFuture<List<String>> followed = CompletableFuture.supplyAsync(() -> {
      List<String> lines = new ArrayList<>();
      Iterator<String> it = run.followLogs(action);
      it.forEachRemaining(lines::add);
      return lines;
    });
    // Move the frozen clock in steps while the follower polls: 8 × 0.5 s = the action's 4 s. After each
    // step, wait until the follower has asked for lines again (a request logged after the step sees it),
    // so it reads in pieces by construction, not because a sleep happened to be long enough.
    for (int i = 0; i < 8; i++) {
      admin.advance(0.5);
      int seen = admin.requests("getActionExecutionLogs").size();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // only guards against a hang
      while (admin.requests("getActionExecutionLogs").size() <= seen && !followed.isDone()) {
        assertTrue(System.nanoTime() < deadline, "the follower stopped polling");
        Thread.sleep(5);
      }
    }
    List<String> lines = followed.get(60, TimeUnit.SECONDS); // only guards against a hang
    assertEquals(expectedLines(action, 250), lines, "every line once, in order, ending with the failure");

    List<Integer> offsets = admin.requests("getActionExecutionLogs").stream()
      .map(r -> Integer.parseInt(r.getString("query").replaceAll("^offset=(\\d+).*$", "$1")))
      .distinct().collect(Collectors.toList());
    assertTrue(offsets.size() >= 4, "read in several pieces while the action ran: offsets " + offsets);
    assertEquals(offsets.stream().sorted().collect(Collectors.toList()), offsets, "offsets only grow");
    ActionExecution finished = run.actionExecution(action);
    assertEquals(ExecutionStatus.FAILED, finished.getStatus());
  }
}
