package org.buddy4j.emulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A pipeline run ({@code …/pipelines/{pipeline_id}/executions/{execution_id}}) and its state machine on
 * the simulated clock: ENQUEUED (until its queue time or {@code delay_until}) → INPROGRESS (actions one
 * after another) → SUCCESSFUL / FAILED, with WAITING_FOR_APPLY / WAITING_FOR_VARIABLES gates and
 * TERMINATED on cancel. {@link #advance(Instant)} brings it up to a given moment; nothing runs in the
 * background, so a frozen clock means a frozen run.
 */
final class ExecutionRecord {
  static final String ENQUEUED = "ENQUEUED";
  static final String INPROGRESS = "INPROGRESS";
  static final String SUCCESSFUL = "SUCCESSFUL";
  static final String FAILED = "FAILED";
  static final String TERMINATED = "TERMINATED";
  static final String SKIPPED = "SKIPPED";
  static final String NOT_EXECUTED = "NOT_EXECUTED";
  static final String WAITING_FOR_APPLY = "WAITING_FOR_APPLY";
  static final String WAITING_FOR_VARIABLES = "WAITING_FOR_VARIABLES";
  private static final Set<String> RUNNING = Set.of(ENQUEUED, INPROGRESS, WAITING_FOR_APPLY, WAITING_FOR_VARIABLES);

  final int id;
  final PipelineRecord pipeline;
  final Instant created;
  final List<ActionRun> runs;
  final long queueSeconds;
  final boolean failAlways;
  Instant delayUntil;
  Instant runNowAt;
  Instant startDate;
  Instant finishDate;
  String status = ENQUEUED;
  int cursor;
  Instant cursorTime;

  String priority = "NORMAL";
  String comment;
  String environment;
  boolean refresh;
  boolean clearCache;
  String branch;
  String tag;
  String pullRequest;
  String fromRevision;
  String toRevision;
  JsonArray variables = new JsonArray();
  int creatorId;
  /**
   * {@code GET}'s answer while it cannot change: the state version it was rendered at, and the instant
   * until which the clock cannot change it (see ExecutionViews).
   */
  Buffer rendered;
  long renderedVersion;
  Instant renderedUntil;

  ExecutionRecord(int id, PipelineRecord pipeline, Instant created, List<ActionRun> runs, long queueSeconds,
                  boolean failAlways) {
    this.id = id;
    this.pipeline = pipeline;
    this.created = created;
    this.runs = runs;
    this.queueSeconds = queueSeconds;
    this.failAlways = failAlways;
  }

  boolean finished() {
    return !RUNNING.contains(status);
  }

  /** Moves the run forward to {@code now}. */
  void advance(Instant now) {
    while (true) {
      switch (status) {
        case ENQUEUED: {
          Instant startAt = startsAt();
          if (now.isBefore(startAt)) {
            return;
          }
          status = INPROGRESS;
          startDate = startAt;
          cursorTime = startAt;
          cursor = 0;
          continue;
        }
        case INPROGRESS: {
          while (cursor < runs.size() && !runs.get(cursor).selected) {
            cursor++;
          }
          if (cursor >= runs.size()) {
            status = SUCCESSFUL;
            finishDate = cursorTime;
            return;
          }
          ActionRun run = runs.get(cursor);
          if (run.gate != ActionRun.Gate.NONE && !run.gateOpened) {
            run.status = run.gate == ActionRun.Gate.APPLY ? WAITING_FOR_APPLY : WAITING_FOR_VARIABLES;
            status = run.status;
            return;
          }
          if (run.start == null) {
            run.start = cursorTime;
            run.status = INPROGRESS;
          }
          Instant end = run.start.plusSeconds(run.action.durationSeconds);
          if (now.isBefore(end)) {
            return;
          }
          run.finish = end;
          if (run.failsNextAttempt) {
            run.status = FAILED;
            run.errorMessage = "Simulated failure of action '" + run.action.name + "' (seed failAt)";
            run.failsNextAttempt = failAlways;
            markPending(NOT_EXECUTED);
            status = FAILED;
            finishDate = end;
            return;
          }
          run.status = SUCCESSFUL;
          cursorTime = end;
          cursor++;
          continue;
        }
        default:
          return;
      }
    }
  }

  /** When a queued run starts: after its queue time, or at {@code delay_until}, or when RUN_DELAYED said. */
  Instant startsAt() {
    Instant at = runNowAt != null ? runNowAt : created.plusSeconds(queueSeconds);
    return runNowAt == null && delayUntil != null && delayUntil.isAfter(at) ? delayUntil : at;
  }

  /**
   * After {@link #advance}: the instant at which the clock alone brings this run to rest (finished, or
   * waiting at a gate), or null when it is at rest and only a request can move it. Walks the actions
   * still to go as {@code advance} would: each selected one starts when the one before ends; a closed
   * gate stops the walk; an action that fails ends the run.
   */
  Instant settlesAt() {
    Instant at;
    int next;
    switch (status) {
      case ENQUEUED:
        at = startsAt();
        next = 0;
        break;
      case INPROGRESS: {
        ActionRun current = cursor < runs.size() ? runs.get(cursor) : null;
        if (current == null || current.start == null) {
          at = cursorTime;
          next = cursor;
          break;
        }
        at = current.start.plusSeconds(current.action.durationSeconds);
        if (current.failsNextAttempt) {
          return at;
        }
        next = cursor + 1;
        break;
      }
      default:
        return null;
    }
    for (int i = next; i < runs.size(); i++) {
      ActionRun run = runs.get(i);
      if (!run.selected) {
        continue;
      }
      if (run.gate != ActionRun.Gate.NONE && !run.gateOpened) {
        return at;
      }
      at = at.plusSeconds(run.action.durationSeconds);
      if (run.failsNextAttempt) {
        return at;
      }
    }
    return at;
  }

  /** PATCH operation CANCEL: a running, queued or waiting run becomes TERMINATED. */
  void cancel(Instant now, int userId) {
    advance(now);
    requireState("CANCEL", "ENQUEUED, INPROGRESS or WAITING_*", RUNNING.contains(status));
    if (cursor < runs.size() && (INPROGRESS.equals(runs.get(cursor).status)
      || runs.get(cursor).status.startsWith("WAITING_"))) {
      ActionRun run = runs.get(cursor);
      run.status = TERMINATED;
      run.finish = now;
      run.terminatorId = userId;
      run.terminationDate = now;
    }
    markPending(NOT_EXECUTED);
    status = TERMINATED;
    finishDate = now;
  }

  /** PATCH operation RETRY: a FAILED or TERMINATED run restarts from the action that stopped it. */
  void retry(Instant now) {
    advance(now);
    requireState("RETRY", "FAILED or TERMINATED", FAILED.equals(status) || TERMINATED.equals(status));
    for (int i = cursor; i < runs.size(); i++) {
      if (runs.get(i).selected) {
        runs.get(i).resetForRetry();
      }
    }
    status = INPROGRESS;
    if (startDate == null) {
      startDate = now;
    }
    cursorTime = now;
    finishDate = null;
    advance(now);
  }

  /** PATCH operation APPLY: approves a run WAITING_FOR_APPLY. */
  void apply(Instant now, int userId) {
    advance(now);
    requireState("APPLY", WAITING_FOR_APPLY, WAITING_FOR_APPLY.equals(status));
    openGate(now, userId);
  }

  /** PATCH operation APPLY_VARIABLES: gives a run WAITING_FOR_VARIABLES its variables. */
  void applyVariables(Instant now, int userId, JsonArray values) {
    advance(now);
    requireState("APPLY_VARIABLES", WAITING_FOR_VARIABLES, WAITING_FOR_VARIABLES.equals(status));
    if (values == null || values.isEmpty()) {
      throw ApiError.badRequest("Field 'variables' is required for operation APPLY_VARIABLES");
    }
    values.forEach(variables::add);
    openGate(now, userId);
  }

  /** PATCH operation RUN_DELAYED: starts a run scheduled with a future {@code delay_until} now. */
  void runDelayed(Instant now) {
    advance(now);
    requireState("RUN_DELAYED", "ENQUEUED with a future delay_until",
      ENQUEUED.equals(status) && delayUntil != null && delayUntil.isAfter(now));
    runNowAt = now;
    advance(now);
  }

  private void openGate(Instant now, int userId) {
    ActionRun run = runs.get(cursor);
    run.gateOpened = true;
    run.approverId = userId;
    run.approvalDate = now;
    run.status = ENQUEUED;
    status = INPROGRESS;
    cursorTime = now;
    advance(now);
  }

  private void markPending(String newStatus) {
    for (ActionRun run : runs) {
      if (run.selected && (ENQUEUED.equals(run.status) || run.status.startsWith("WAITING_"))) {
        run.status = newStatus;
      }
    }
  }

  private void requireState(String operation, String needed, boolean ok) {
    if (!ok) {
      throw ApiError.unprocessable(String.format("Cannot %s execution %d of pipeline %d: it is %s (%s needs %s)",
        operation, id, pipeline.id, status, operation, needed));
    }
  }
}
