package org.buddy4j.batch.engine;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.journal.ItemState;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.journal.JournalReplay;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.http.RetryPolicy;

/**
 * The batch runner's engine: a pump on one Vert.x event loop that keeps at most {@code concurrency}
 * runs in flight, pulling the next run from the streamed batch file as each one settles.
 *
 * <p>Each run moves through an explicit lifecycle ({@link RunState}). The steps — {@link Starter} (intent
 * forced to the journal, then {@code POST …/pipelines/{pipeline_id}/executions} with the run's marker),
 * {@link Reconciler} (a lost answer: look for the marker) and {@link Poller} (until the run is over) — each
 * hand back a {@link RunEvent}; this pump alone decides the next step, journals it and settles the run. A
 * lost answer is never sent again blindly: found, it runs; proven absent after its window, it is sent again
 * once the journal says so, its marker watched for a late start ({@link DuplicateWatch}); else UNKNOWN.
 *
 * <p>All state lives on the event loop; blocking buddy-core calls run on a worker pool after the
 * {@link QuotaGovernor} lets them go; journal and result writes go, in order, through one worker.
 */
public final class BatchEngine {
  private static final int MAX_TRANSPORT_FAILURES = 5;
  /** Pause before reading a pipeline again after it could not be read (jittered: many runs fail at once). */
  private static final RetryPolicy REREAD = RetryPolicy.of(MAX_TRANSPORT_FAILURES, Duration.ofSeconds(1), Duration.ofSeconds(8));
  /** Pause before sending a run again that never reached Buddy. */
  private static final RetryPolicy RESEND = RetryPolicy.of(MAX_TRANSPORT_FAILURES, Duration.ofSeconds(2), Duration.ofSeconds(16));

  /**
   * How the engine runs.
   *
   * @param settle how long after a lost answer to first list executions for the run's marker (after an
   *     answered 500, Buddy is done with the request: this is also when the run may count as absent)
   * @param doubtMargin added to a POST's read timeout ({@code client.readTimeout()}) before an unanswered
   *     start counts as absent: covers the time between writing the intent and the request leaving
   * @param lateStartWatch how long after an in-doubt POST that was declared absent its marker is still
   *     watched for a late start once the re-sent run is no longer watched (0: as long as it is watched)
   * @param clock the runner's wall clock (intent times in the journal and the in-doubt windows)
   */
  public record Settings(int concurrency, boolean waitForRuns, Duration pollInterval, Duration settle,
                         Double maxRate, int workers, Duration doubtMargin, Duration lateStartWatch, Clock clock) {
    public Settings {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
    }
  }

  /** What the engine did; {@code duplicates}: runs found started twice (cancelled or not). */
  public record Result(RunCounters counters, QuotaGovernor governor, Instant started, Instant finished,
                       String abortReason, List<Duplicate> duplicates) {
    public Duration elapsed() {
      return Duration.between(started, finished);
    }
  }

  private final Vertx vertx;
  private final BuddyClient client;
  private final Settings settings;
  private final BatchFile file;
  private final JournalReplay replay;
  private final Journal journal;
  private final ResultLog results;
  private final String batchId;
  private final RunCounters counters = new RunCounters();
  private final QuotaGovernor governor;
  private final Promise<Result> result = Promise.promise();

  private Context context;
  private WorkerExecutor apiWorkers;
  private WorkerExecutor inputWorker;
  private WorkerExecutor journalWorker;
  private EngineScope scope;
  private Starter starter;
  private Reconciler reconciler;
  private Poller poller;
  private Settlement settlement;
  private DuplicateWatch watch;
  private ItemFeed feed;
  private int inFlight;
  private boolean finishing;
  private Instant started;

  /**
   * @param replay the journal read back when resuming, or null for a fresh batch
   * @param total how many runs the batch file has (for progress)
   */
  public BatchEngine(Vertx vertx, BuddyClient client, Settings settings, BatchFile file, int total, String batchId,
                     Journal journal, JournalReplay replay, ResultLog results) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.file = file;
    this.batchId = batchId;
    this.journal = journal;
    this.replay = replay;
    this.results = results;
    this.governor = new QuotaGovernor(vertx, settings.maxRate());
    this.counters.total = total;
  }

  /** Starts the pump on its own event loop; the future completes (on that loop) when every run is settled. */
  public Future<Result> start() {
    context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      started = Instant.now();
      apiWorkers = vertx.createSharedWorkerExecutor("buddy-api", settings.workers());
      inputWorker = vertx.createSharedWorkerExecutor("buddy-input", 1);
      journalWorker = vertx.createSharedWorkerExecutor("buddy-journal", 1);
      JournalWriter writer = new JournalWriter(journalWorker, this::abort);
      ApiCalls calls = new ApiCalls(apiWorkers, client, governor, counters);
      scope = new EngineScope(vertx, client, settings, journal, writer, calls, counters);
      starter = new Starter(scope);
      reconciler = new Reconciler(scope);
      poller = new Poller(scope);
      settlement = new Settlement(scope, results, this::freed);
      watch = new DuplicateWatch(vertx, calls, settings.clock(), settings.pollInterval(), journal, writer::write,
          this::maybeFinish, this::repoint);
      feed = new ItemFeed(file, inputWorker);
      feed.open(this::fill, this::abort);
    });
    return result.future();
  }

  /** The context the engine runs on (progress listeners read the counters there). */
  public Context context() {
    return context;
  }

  public RunCounters counters() {
    return counters;
  }

  public QuotaGovernor governor() {
    return governor;
  }

  // ---- the pump: take runs from the file while there is room -------------------------------------

  private void fill() {
    while (!scope.stopped() && inFlight < settings.concurrency()) {
      BatchItem item = feed.next();
      if (item == null) {
        feed.readMore(this::fill, this::abort);
        break;
      }
      dispatch(item);
    }
    if (feed.exhausted()) {
      governor.submissionsDone();
    }
    maybeFinish();
  }

  /** A run's first step in this session: what its journal record (on resume) says, else start it. */
  private void dispatch(BatchItem item) {
    Slot slot = new Slot(item, RunMarker.of(batchId, item.key()));
    ItemState state = replay == null ? null : replay.state(item.key());
    if (state != null) {
      slot.resumeFrom(state, client.readTimeout(), settings.doubtMargin());
      if (slot.lateStarts > 0) {
        // An earlier POST of this run was declared absent: a late start of it may still show up.
        watch.watch(slot, scope.pipeline(item.pipelineRef()), slot.lateFloor, slot.lateStarts,
            slot.lateSince.plus(settings.lateStartWatch()));
      }
    }
    ItemState.Action action = state == null ? ItemState.Action.SUBMIT : state.resumeAction();
    if (action == ItemState.Action.SKIP) {
      settlement.doneBefore(slot, state);
      return;
    }
    inFlight++;
    switch (action) {
      case POLL -> {
        scope.pipeline(item.pipelineRef()).saw(slot.executionId);
        started(slot, null, false);
      }
      case RECONCILE -> reconcile(slot);
      default -> start(slot); // SUBMIT
    }
  }

  // ---- the steps, and what follows each event ----------------------------------------------------

  private void start(Slot slot) {
    slot.moveTo(RunState.STARTING);
    starter.start(slot).onComplete(ar -> next(slot, ar));
  }

  private void reconcile(Slot slot) {
    slot.moveTo(RunState.RECONCILING);
    reconciler.reconcile(slot).onComplete(ar -> next(slot, ar));
  }

  /**
   * The one place that decides a run's next step from what its last step reported. A step that failed
   * outright (a bug) leaves the run UNKNOWN: never sent again on a guess.
   */
  private void next(Slot slot, AsyncResult<RunEvent> reported) {
    RunEvent e = reported.succeeded() ? reported.result()
        : RunEvent.of(RunEvent.Kind.UNKNOWN, "internal error: " + scope.redact(String.valueOf(reported.cause())));
    String key = slot.item.key();
    JournalWriter writer = scope.writer;
    switch (e.kind()) {
      case STARTED -> {
        counters.submitted++;
        slot.executionId = e.executionId();
        writer.write(() -> journal.submitted(key, e.executionId()));
        started(slot, e.status(), e.finished());
      }
      case IN_DOUBT -> reconcile(slot); // never sent again blindly: find out by its marker
      case RATE_LIMITED -> // the governor now holds until the window resets
          resendOnceJournalled(slot, () -> journal.notApplied(key, e.detail()), () -> start(slot));
      case NOT_SENT -> {
        String notSent = "not sent: " + e.detail();
        if (++slot.transportFailures >= MAX_TRANSPORT_FAILURES) {
          writer.write(() -> journal.notApplied(key, notSent));
          settlement.failed(slot, "NOT_SENT", "could not reach Buddy: " + e.detail());
        } else {
          resendOnceJournalled(slot, () -> journal.notApplied(key, notSent),
              () -> scope.after(RESEND, slot.transportFailures, () -> start(slot)));
        }
      }
      case REJECTED -> settlement.failed(slot, "REJECTED", e.detail());
      case TOKEN_REFUSED, JOURNAL_FAILED -> { // the batch stops
        if (e.status() != null) {
          writer.write(() -> journal.notApplied(key, e.status())); // Buddy refused this POST: not applied
        }
        abort(e.detail());
        settlement.settle(slot, Outcome.NOT_STARTED, null, scope.stopReason());
      }
      case PIPELINE_RATE_LIMITED -> {
        slot.moveTo(RunState.NOT_APPLIED); // nothing was sent
        start(slot);
      }
      case PIPELINE_UNREADABLE -> {
        if (++slot.transportFailures >= MAX_TRANSPORT_FAILURES) {
          settlement.failed(slot, "NOT_SENT", "could not read pipeline " + slot.item.pipelineRef() + ": " + e.detail());
        } else {
          slot.moveTo(RunState.NOT_APPLIED); // nothing was sent
          scope.after(REREAD, slot.transportFailures, () -> start(slot));
        }
      }
      case ABSENT -> absent(slot, e.detail());
      case FINISHED -> settlement.finished(slot, e.status());
      case UNKNOWN -> settlement.unknown(slot, e.detail());
      case STOPPED -> stopped(slot, e.detail());
    }
  }

  /**
   * Sends a run that was proven not applied again — only once the journal says so: a crash in between
   * must not leave an intent that a resume would read as the first POST still in doubt.
   */
  private void resendOnceJournalled(Slot slot, Runnable record, Runnable resend) {
    slot.moveTo(RunState.NOT_APPLIED);
    scope.writer.writeThen(record, resend);
  }

  /**
   * Listed after its window, the marker absent: the POST was not applied in time. Send it again, and
   * watch for a late start of the first one all the same: never silently two.
   */
  private void absent(Slot slot, String why) {
    counters.resent++;
    slot.lateStarts++;
    slot.lateFloor = slot.lateStarts == 1 ? slot.floor : Math.min(slot.lateFloor, slot.floor);
    slot.lateSince = slot.intentAt == null ? Instant.EPOCH : slot.intentAt;
    watch.watch(slot, scope.pipeline(slot.item.pipelineRef()), slot.lateFloor, 1,
        slot.lateSince.plus(settings.lateStartWatch()));
    resendOnceJournalled(slot, () -> journal.absentAfterWindow(slot.item.key(), why), () -> start(slot));
  }

  /** The run exists: watch it to its end, or settle it now. */
  private void started(Slot slot, String status, boolean finished) {
    if (scope.stopped() && !finished) {
      settlement.settle(slot, Outcome.SUBMITTED, status, "started; not watched to the end: " + scope.stopReason());
    } else if (!settings.waitForRuns()) {
      settlement.settle(slot, Outcome.SUBMITTED, status, null);
    } else if (finished) {
      settlement.finished(slot, status);
    } else {
      slot.moveTo(RunState.WATCHING);
      poller.watch(slot).onComplete(ar -> next(slot, ar));
    }
  }

  /** The batch stopped while the run was in a step: what it is depends on where it was. */
  private void stopped(Slot slot, String reason) {
    switch (slot.state()) {
      case RECONCILING -> settlement.settle(slot, Outcome.UNKNOWN, null, "not reconciled: " + reason);
      case WATCHING -> settlement.settle(slot, Outcome.SUBMITTED, null, "started; not watched to the end: " + reason);
      default -> settlement.settle(slot, Outcome.NOT_STARTED, null, reason);
    }
  }

  // ---- the end ---------------------------------------------------------------------------------

  /** A settled run's place is free: take the next one. */
  private void freed() {
    inFlight--;
    if (!finishing) {
      fill();
    }
  }

  /** Stops the batch: nothing more is sent; runs already started keep running (a resume polls them again). */
  private void abort(String reason) {
    if (scope.stop(reason)) {
      watch.stop();
      poller.stop(reason);
    }
    maybeFinish();
  }

  private void maybeFinish() {
    boolean drained = inFlight == 0 && (feed.exhausted() || scope.stopped()) && watch.isEmpty();
    if (finishing || !drained) {
      return;
    }
    finishing = true;
    scope.writer.run(journal::force).onComplete(ar -> {
      apiWorkers.close();
      inputWorker.close();
      journalWorker.close();
      result.complete(new Result(counters, governor, started, Instant.now(), scope.stopReason(), watch.duplicates()));
    });
  }

  /** The run {@code slot} watched was cancelled as a duplicate: watch the kept one, {@code kept}, instead. */
  private void repoint(Slot slot, int kept) {
    poller.repoint(slot, kept);
    scope.writer.write(() -> journal.submitted(slot.item.key(), kept));
  }
}
