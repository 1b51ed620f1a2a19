package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.buddy4j.cli.ProvisionFixture.Child;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of {@code buddy apply}, then apply again: converged, nothing duplicated. The
 * emulator holds one write (the first variable's create, after the project, pipeline and actions were
 * created) until its simulated clock has run a day; the test waits — polling the request log — until that
 * write has arrived, kills the process, lets the clock run so that Buddy applies the held write with nobody
 * waiting for the answer, and applies again. Nothing here depends on timing: each step waits for the
 * state it needs.
 */
class ProvisionKillIT {
  @TempDir
  Path dir;

  @Test
  void killedMidApplyThenAppliedAgainConvergesWithNothingDuplicated() throws Exception {
    try (ProvisionFixture buddy = new ProvisionFixture(dir, 50)) {
      Path script = buddy.example("provision-website.groovy");
      buddy.buddy.faults("[{\"method\":\"POST\",\"operationId\":\"createVariable\",\"applyAfterMs\":86400000,\"times\":1}]");

      Path log = dir.resolve("killed.log");
      Process child = buddy.start(ProvisionSeedIT.SECRETS, log, "apply", "--yes", script.toString());
      try {
        ProvisionFixture.await("the held variable create arrived", () -> held(buddy).isPresent() || !child.isAlive());
        assertTrue(child.isAlive(), "the apply waits for the held write:\n" + Files.readString(log));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the killed apply is gone");
        assertEquals(128 + 9, child.exitValue(), "killed by SIGKILL");
      } finally {
        child.destroyForcibly();
      }
      String killedOutput = Files.readString(log);
      List<String> before = buddy.writesAfter(0);
      assertTrue(before.contains("POST createProject") && before.contains("POST createPipeline"),
          "writes before the held one were applied: " + before);
      // Buddy applies the held write after all, with nobody waiting for it.
      buddy.buddy.admin("POST", "/clock/advance", "{\"seconds\":86401}");
      ProvisionFixture.await("the held write was applied", () -> held(buddy).map(r -> !r.path("outcome").isNull()).orElse(false)
          && "applied".equals(held(buddy).get().path("outcome").asText()));
      buddy.buddy.clearFaults();

      long killed = buddy.lastSeq();
      Child again = buddy.run(ProvisionSeedIT.SECRETS, "apply", "--yes", script.toString());
      assertEquals(ExitCode.OK, again.code(), "killed run:\n" + killedOutput + "\nre-run: " + again);
      List<String> rest = buddy.writesAfter(killed);
      assertTrue(rest.stream().anyMatch(w -> w.startsWith("POST create")),
          "the kill landed in the middle: the re-run created what the killed apply had not: " + rest);
      ProvisionSeedIT.assertConverged(buddy);
      long creates = buddy.buddy.requests().stream()
          .filter(r -> r.path("operationId").asText().equals("createVariable"))
          .filter(r -> r.path("body").path("key").asText().equals(held(buddy).get().path("body").path("key").asText()))
          .count();
      assertEquals(1, creates, "the variable whose create was held is not created again");
      Child plan = buddy.run(ProvisionSeedIT.SECRETS, "plan", script.toString());
      assertEquals(ExitCode.OK, plan.code(), "converged: " + plan);
    }
  }

  /** The held write: the request the fault rule holds ("applied after … ms"). */
  private static Optional<JsonNode> held(ProvisionFixture buddy) {
    return buddy.buddy.requests().stream().filter(r -> r.path("fault").asText().startsWith("applied after")).findFirst();
  }
}
