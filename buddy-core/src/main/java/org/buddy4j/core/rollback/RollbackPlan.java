package org.buddy4j.core.rollback;

import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.Execution;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;

/**
 * What a rollback of a pipeline would do, worked out from {@code GET …/pipelines/{pipeline_id}/executions}
 * (newest first) and run with {@code POST …/executions}:
 * <ul>
 *   <li>{@link #current()}: the newest finished run (whatever its outcome: a failed deploy or a
 *       successful one that turned out bad). Runs still queued or in progress are passed over and
 *       counted in {@link #runsInProgress()}.</li>
 *   <li>{@link #target()}: the newest SUCCESSFUL run before it, on the same branch (when the current
 *       run has one), whose revision differs from the current one (re-running the current revision
 *       would change nothing).</li>
 *   <li>{@link #revision()}: the target's {@code to_revision}, run again on the target's branch with
 *       a comment naming the rollback.</li>
 * </ul>
 * {@link #toString()} describes it for a dry run; {@link #execute()} starts the run, exactly once.
 */
public final class RollbackPlan {
  /** How many past runs are searched for a target, at most. */
  public static final int MAX_RUNS_SCANNED = 1000;

  private final PipelineClient pipeline;
  private final Execution current;
  private final Execution target;
  private final int runsInProgress;

  private RollbackPlan(PipelineClient pipeline, Execution current, Execution target, int runsInProgress) {
    this.pipeline = pipeline;
    this.current = current;
    this.target = target;
    this.runsInProgress = runsInProgress;
  }

  /**
   * Plans a rollback of {@code pipeline}.
   *
   * @throws NoRollbackTargetException if the pipeline has no finished run, or no successful run of
   *     another revision before it
   */
  public static RollbackPlan of(PipelineClient pipeline) {
    Objects.requireNonNull(pipeline, "pipeline");
    Execution current = null;
    int inProgress = 0;
    int scanned = 0;
    try (Stream<Execution> runs = pipeline.executions()) {
      Iterator<Execution> it = runs.iterator();
      while (it.hasNext() && scanned++ < MAX_RUNS_SCANNED) {
        Execution e = it.next();
        if (current == null) {
          if (e.isFinished()) {
            current = e;
          } else {
            inProgress++;
          }
          continue;
        }
        if (e.isSuccessful() && e.revision().isPresent() && !e.revision().equals(current.revision())
            && (branchOf(current) == null || branchOf(current).equals(branchOf(e)))) {
          return new RollbackPlan(pipeline, current, e, inProgress);
        }
      }
    }
    if (current == null) {
      throw new NoRollbackTargetException("Cannot roll back " + pipeline + ": it has no finished run yet");
    }
    throw new NoRollbackTargetException("Cannot roll back " + pipeline + ": no successful run of another revision"
        + (branchOf(current) == null ? "" : " on branch " + branchOf(current)) + " before run #" + current.id() + " (" + current.status() + ", revision "
        + current.revision().map(RollbackPlan::shortRev).orElse("unknown") + ")"
        + (scanned > MAX_RUNS_SCANNED ? " in the latest " + MAX_RUNS_SCANNED + " runs" : ""));
  }

  /** The newest finished run: what is deployed now, or what failed to deploy. */
  public Execution current() {
    return current;
  }

  /** The last successful run before {@link #current()} with another revision. */
  public Execution target() {
    return target;
  }

  /** The revision that will run ({@code to_revision.revision} of the target). */
  public String revision() {
    return target.revision().orElseThrow();
  }

  /** The branch it will run on (the target's), or {@code null} if Buddy did not say. */
  public String branch() {
    return target.data().getBranch() == null ? null : target.data().getBranch().getName();
  }

  /** Runs newer than {@link #current()} still queued or in progress when the plan was made. */
  public int runsInProgress() {
    return runsInProgress;
  }

  /** The run's comment: {@code Rollback of #12 to abc1234 (last successful run #9)}. */
  public String comment() {
    return "Rollback of #" + current.id() + " to " + shortRev(revision()) + " (last successful run #" + target.id() + ")";
  }

  /** The request {@link #execute()} sends. */
  public RunOptions runOptions() {
    return applyTo(RunOptions.defaults());
  }

  /**
   * Points {@code options} at the target: its revision and branch (whatever they said before), and
   * {@link #comment()} unless they carry a comment of their own. The DSL's {@code rollback} sends its
   * options (priority, variables, …) this way, so the DSL and the CLI share one rule.
   */
  public RunOptions applyTo(RunOptions options) {
    Objects.requireNonNull(options, "options");
    options.revision(revision());
    if (branch() != null) {
      options.branch(branch());
    }
    if (options.comment() == null) {
      options.comment(comment());
    }
    return options;
  }

  /** {@code POST …/executions} at the target's revision: starts the rollback run (once). */
  public Execution execute() {
    return pipeline.run(runOptions());
  }

  /** Like {@link #execute()}, with the caller's options (see {@link #applyTo(RunOptions)}). */
  public Execution execute(RunOptions options) {
    return pipeline.run(applyTo(options));
  }

  private static String branchOf(Execution e) {
    return e.data().getBranch() == null ? null : e.data().getBranch().getName();
  }

  private static String shortRev(String rev) {
    return rev.substring(0, Math.min(7, rev.length()));
  }

  /** For a dry run: what is current, what it goes back to, and which revision will run. */
  @Override
  public String toString() {
    return "Rollback of " + pipeline + "\n"
        + "  current: run #" + current.id() + " " + current.status() + " at " + current.revision().orElse("?") + "\n"
        + "  back to: run #" + target.id() + " " + target.status() + " at " + revision() + "\n"
        + "  will run revision " + revision() + (branch() == null ? "" : " on branch " + branch())
        + " with comment \"" + comment() + "\""
        + (runsInProgress > 0 ? "\n  note: " + runsInProgress + " newer run(s) still queued or in progress" : "");
  }
}
