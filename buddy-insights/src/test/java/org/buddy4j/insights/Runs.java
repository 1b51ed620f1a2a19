package org.buddy4j.insights;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.ActionExecution;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.Commit;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.Member;
import org.buddy4j.insights.unified.Job;

/** Hand-built runs (Buddy's execution model, as the API would send it) for the arithmetic tests. */
final class Runs {
  static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");

  private Runs() {}

  /**
   * Run {@code id} of pipeline {@code pipeline} ("p" + id), starting {@code startMin} minutes after T0,
   * lasting {@code seconds} (null: not finished), its one action starting {@code queueSeconds} after it.
   * Its revision was committed {@code id × 10} minutes before the run started.
   */
  static Job run(int pipeline, int id, String status, String branch, int startMin, Integer seconds, int queueSeconds) {
    Instant start = T0.plusSeconds(startMin * 60L);
    ExecutionData e = new ExecutionData().id(id).status(status).startDate(at(start))
        .finishDate(seconds == null ? null : at(start.plusSeconds(seconds)))
        .branch(branch == null ? null : new Branch().name(branch))
        .toRevision(new Commit().revision(String.format("%040d", id)).commitDate(at(start.minusSeconds(id * 600L))))
        .creator(new Member().id(1).name("Mike Benson"));
    e.addActionExecutionsItem(new ActionExecution().actionExecutionId("ae" + pipeline + "-" + id).status(status)
        .startDate(at(start.plusSeconds(queueSeconds))).finishDate(e.getFinishDate())
        .action(new Action().id(1).name("Build").type("BUILD")));
    return Job.of("ws", "proj", pipeline, "p" + pipeline, e);
  }

  static OffsetDateTime at(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
