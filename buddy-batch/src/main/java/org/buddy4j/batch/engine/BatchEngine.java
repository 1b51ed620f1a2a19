package org.buddy4j.batch.engine;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Execution;
import org.buddy4j.core.ExecutionStatus;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyApiException;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.errors.BuddyOutcomeUnknownException;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.errors.BuddyServerException;
import org.buddy4j.core.http.RetryPolicy;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.file.PipelineRef;
import org.buddy4j.batch.journal.ItemState;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.journal.JournalReplay;

/**
 * The batch runner's engine: a pump on one Vert.x event loop that keeps at most {@code concurrency}
 * runs in flight, pulling the next run from the streamed batch file as each one settles.
 *
 * <p>Per run: write the intent to the journal (forced) and {@code POST …/pipelines/{pipeline_id}/executions}
 * with the run's marker in its comment; then poll it with {@code GET …/executions} list pages until it
 * is over. A POST whose answer was lost ({@code BuddyOutcomeUnknownException}) is never sent again
 * blindly: the pipeline's executions are listed, newest first down to the ID known before the POST,
 * and the marker decides — found: it runs; proven absent: send it; cannot tell: UNKNOWN.
 *
 * <p>All state lives on the event loop; blocking buddy-core calls run on a worker pool after the
 * {@link QuotaGovernor} lets them go; journal and result writes go, in order, through one worker.
 */
public final class BatchEngine {
  private static final int CHUNK = 256;
  private static final int MAX_SCAN_FAILURES = 5;
  private static final int MAX_TRANSPORT_FAILURES = 5;
  private static final int MAX_POLL_FAILURES = 10;
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

    public Settings(int concurrency, boolean waitForRuns, Duration pollInterval, Duration settle, Double maxRate,
                    int workers) {
      this(concurrency, waitForRuns, pollInterval, settle, maxRate, workers, Duration.ofSeconds(5), Duration.ZERO,
          Clock.systemUTC());
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
  private final Map<PipelineRef, PipelineState> pipelines = new HashMap<>();
  private final ArrayDeque<BatchItem> buffer = new ArrayDeque<>();

  private Context context;
  private WorkerExecutor apiWorkers;
  private WorkerExecutor inputWorker;
  private WorkerExecutor journalWorker;
  private ApiCalls calls;
  private DuplicateWatch watch;
  private BatchFile.Items items;
  private boolean reading;
  private boolean inputDone;
  private int inFlight;
  private volatile String abortReason;
  private boolean finishing;
  private Instant started;
  private final Promise<Result> result = Promise.promise();

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
      calls = new ApiCalls(apiWorkers, client, governor, counters);
      watch = new DuplicateWatch(vertx, calls, settings.clock(), settings.pollInterval(), journal, this::write,
          this::maybeFinish, this::repoint);
      inputWorker.executeBlocking(file::items, true).onSuccess(it -> {
        items = it;
        fill();
      }).onFailure(err -> abort("cannot read the batch file: " + err.getMessage()));
    });
    return result.future();
  }

  /** The context the engine runs on (the progress display reads counters there). */
  public Context context() {
    return context;
  }

  public RunCounters counters() {
    return counters;
  }

  public QuotaGovernor governor() {
    return governor;
  }

  // ---- the pump ----------------------------------------------------------------------------------

  private void fill() {
    while (abortReason == null && inFlight < settings.concurrency()) {
      BatchItem item = buffer.poll();
      if (item == null) {
        if (!inputDone) {
          readMore();
        }
        break;
      }
      dispatch(item);
    }
    if (inputDone && buffer.isEmpty()) {
      governor.submissionsDone();
    }
    maybeFinish();
  }

  private void readMore() {
    if (reading) {
      return;
    }
    reading = true;
    inputWorker.executeBlocking(() -> {
      List<BatchItem> chunk = new ArrayList<>(CHUNK);
      while (chunk.size() < CHUNK && items.hasNext()) {
        chunk.add(items.next());
      }
      return chunk;
    }, true).onSuccess(chunk -> {
      reading = false;
      buffer.addAll(chunk);
      if (chunk.size() < CHUNK) {
        inputDone = true;
        inputWorker.executeBlocking(() -> {
          items.close();
          return null;
        }, true);
      }
      fill();
    }).onFailure(err -> {
      reading = false;
      abort(err.getMessage());
    });
  }

  private void dispatch(BatchItem item) {
    Slot slot = new Slot(item, RunMarker.of(batchId, item.key()));
    ItemState state = replay == null ? null : replay.state(item.key());
    ItemState.Action action = state == null ? ItemState.Action.SUBMIT : state.resumeAction();
    if (state != null && state.lateStarts() > 0) {
      // An earlier POST of this run was declared absent: a late start of it may still show up.
      PipelineState p = pipeline(item.pipelineRef());
      slot.lateStarts = state.lateStarts();
      slot.lateFloor = state.lateFloor();
      slot.lateSince = state.lateSince() == null ? Instant.EPOCH : state.lateSince();
      if (action == ItemState.Action.SKIP) {
        slot.executionId = state.executionId();
        slot.over = true;
      }
      watch.watch(slot, p, slot.lateFloor, slot.lateStarts, slot.lateSince.plus(settings.lateStartWatch()));
    }
    switch (action) {
      case SKIP -> {
        counters.alreadyDone++;
        boolean ok = state.stage() == ItemState.Stage.FINISHED && ExecutionStatus.SUCCESSFUL.equals(state.status());
        record(slot, state.executionId(), ok ? Outcome.SUCCEEDED : Outcome.FAILED, state.status(),
            state.message() == null ? "finished before the resume" : state.message());
        counters.done++;
        if (ok) {
          counters.succeeded++;
        } else {
          counters.failed++;
        }
      }
      case POLL -> {
        inFlight++;
        slot.executionId = state.executionId();
        slot.floor = state.floor();
        pipeline(item.pipelineRef()).saw(state.executionId());
        started(slot, null, false);
      }
      case RECONCILE -> {
        inFlight++;
        slot.floor = state.floor();
        // Unanswered when the runner stopped: it could still be applied until its timeout has passed.
        Instant at = state.intentAt() == null ? Instant.EPOCH : state.intentAt();
        Duration timeout = state.timeoutMs() > 0 ? Duration.ofMillis(state.timeoutMs()) : client.readTimeout();
        slot.intentAt = at;
        slot.absentAfter = at.plus(timeout).plus(settings.doubtMargin());
        reconcile(slot);
      }
      case SUBMIT -> {
        inFlight++;
        submit(slot);
      }
    }
  }

  private PipelineState pipeline(PipelineRef ref) {
    return pipelines.computeIfAbsent(ref, r -> new PipelineState(r,
        client.workspace(r.workspace()).project(r.project()).pipeline(r.pipeline())));
  }

  // ---- starting runs -----------------------------------------------------------------------------

  private void submit(Slot slot) {
    if (abortReason != null) {
      settle(slot, Outcome.NOT_STARTED, null, abortReason);
      return;
    }
    PipelineState p = pipeline(slot.item.pipelineRef());
    if (p.baseline == null) {
      // The newest run before we touch the pipeline: a run our POST creates has a higher ID.
      p.baseline = ExecutionPages.newestId(calls, p).andThen(ar -> {
        if (ar.succeeded()) {
          p.saw(ar.result());
        }
      });
    }
    p.baseline.onFailure(err -> {
      p.baseline = null; // ask again for the next run
      baselineFailed(slot, err);
    }).onSuccess(b -> {
      slot.floor = p.floor();
      RunOptions options = slot.item.toRunOptions(slot.marker.text());
      BatchItem item = slot.item;
      int floor = slot.floor;
      Duration timeout = client.readTimeout();
      AtomicReference<Instant> intentAt = new AtomicReference<>();
      AtomicReference<Instant> sentAt = new AtomicReference<>();
      Callable<Execution> post = () -> {
        if (abortReason != null) {
          throw new AbortedException(); // granted after the batch stopped: send nothing
        }
        Instant at = settings.clock().instant();
        try {
          journal.intent(item.key(), item.line(), floor, at, timeout);
        } catch (RuntimeException e) {
          throw new JournalWriteException(e);
        }
        intentAt.set(at);
        // The timeout runs from the send, not from the intent (forcing it to disk can take a while).
        sentAt.set(settings.clock().instant());
        return p.client.run(options);
      };
      calls.call(Lane.SUBMIT, post)
          .andThen(ar -> {
            slot.answered = false;
            if (intentAt.get() != null) {
              slot.intentAt = intentAt.get();
              slot.absentAfter = sentAt.get().plus(timeout).plus(settings.doubtMargin());
            }
          })
          .onSuccess(execution -> {
            counters.postAnswered(System.nanoTime());
            counters.submitted++;
            slot.executionId = execution.id();
            p.saw(execution.id());
            write(() -> journal.submitted(item.key(), execution.id()));
            started(slot, execution.status(), execution.isFinished());
          })
          .onFailure(err -> submitFailed(slot, p, err));
    });
  }

  /** Reading the pipeline's newest run failed: nothing was sent for this run yet. */
  private void baselineFailed(Slot slot, Throwable err) {
    String key = slot.item.key();
    if (err instanceof BuddyRateLimitException) {
      submit(slot);
    } else if (err instanceof BuddyAuthenticationException) {
      abort("Buddy refused the token (HTTP 401): " + redact(err.getMessage()));
      settle(slot, Outcome.NOT_STARTED, null, abortReason);
    } else if (err instanceof BuddyApiException api && api.status() < 500) {
      String msg = "pipeline " + slot.item.pipelineRef() + ": " + redact(String.join("; ", api.messages()))
          + " (HTTP " + api.status() + ")";
      write(() -> journal.failed(key, "REJECTED", msg));
      settle(slot, Outcome.FAILED, "REJECTED", msg);
    } else if (++slot.transportFailures >= MAX_TRANSPORT_FAILURES) {
      String msg = "could not read pipeline " + slot.item.pipelineRef() + ": " + redact(err.getMessage());
      write(() -> journal.failed(key, "NOT_SENT", msg));
      settle(slot, Outcome.FAILED, "NOT_SENT", msg);
    } else {
      vertx.setTimer(delayMs(REREAD, slot.transportFailures), id -> submit(slot));
    }
  }

  /** Sorts a failed POST by what is known about whether it was applied. */
  private void submitFailed(Slot slot, PipelineState p, Throwable err) {
    String key = slot.item.key();
    if (err instanceof AbortedException) {
      settle(slot, Outcome.NOT_STARTED, null, abortReason);
    } else if (err instanceof JournalWriteException) {
      abort("cannot write the journal: " + err.getCause().getMessage());
      settle(slot, Outcome.NOT_STARTED, null, abortReason);
    } else if (err instanceof BuddyException b && b.applied() == Applied.NO) {
      notApplied(slot, b);
    } else {
      // BuddyOutcomeUnknownException (reset or timeout after sending, 5xx), or anything unexpected:
      // the run may exist. Find out by its marker; never send it again blindly. Unanswered, it could still
      // be applied until its read timeout has passed (absentAfter, set above); Buddy itself answering 500
      // means it is done with the request, so a listing --settle after the answer decides.
      if (err.getCause() instanceof BuddyServerException server && server.status() == 500) {
        slot.answered = true;
        slot.absentAfter = settings.clock().instant().plus(settings.settle());
      }
      reconcile(slot);
    }
  }

  /** A POST Buddy refused (4xx, 429) or that never reached it: nothing runs, so it may be sent again. */
  private void notApplied(Slot slot, BuddyException err) {
    String key = slot.item.key();
    if (err instanceof BuddyRateLimitException) {
      // The governor now holds until the window resets; queue the run again — only once the journal says
      // this POST was not applied, or a crash in between would leave two intents and one run in doubt.
      writeThen(() -> journal.notApplied(key, "429"), () -> submit(slot));
    } else if (err instanceof BuddyAuthenticationException) {
      write(() -> journal.notApplied(key, "401"));
      abort("Buddy refused the token (HTTP 401): " + redact(err.getMessage()));
      settle(slot, Outcome.NOT_STARTED, null, abortReason);
    } else if (err instanceof BuddyApiException) {
      String msg = redact(err.getMessage());
      write(() -> journal.failed(key, "REJECTED", msg));
      settle(slot, Outcome.FAILED, "REJECTED", msg);
    } else {
      // Never reached Buddy (buddy-core already retried what was safe).
      String notSent = "not sent: " + redact(err.getMessage());
      if (++slot.transportFailures >= MAX_TRANSPORT_FAILURES) {
        write(() -> journal.notApplied(key, notSent));
        String msg = "could not reach Buddy: " + redact(err.getMessage());
        write(() -> journal.failed(key, "NOT_SENT", msg));
        settle(slot, Outcome.FAILED, "NOT_SENT", msg);
      } else {
        writeThen(() -> journal.notApplied(key, notSent),
            () -> vertx.setTimer(delayMs(RESEND, slot.transportFailures), id -> submit(slot)));
      }
    }
  }

  /** A Vert.x timer delay (at least 1 ms) from {@code policy}'s jittered backoff after {@code failures} failures. */
  private static long delayMs(RetryPolicy policy, int failures) {
    return Math.max(1, policy.backoff(failures).toMillis());
  }

  private void started(Slot slot, String status, boolean finished) {
    if (abortReason != null && !finished) {
      settle(slot, Outcome.SUBMITTED, status, "started; not watched to the end: " + abortReason);
      return;
    }
    if (!settings.waitForRuns()) {
      record(slot, slot.executionId, Outcome.SUBMITTED, status, null);
      settleCount(slot);
      return;
    }
    if (finished) {
      finish(slot, status);
      return;
    }
    PipelineState p = pipeline(slot.item.pipelineRef());
    p.running.put(slot.executionId, slot);
    counters.running++;
    if (!p.polling) {
      p.polling = true;
      vertx.setTimer(settings.pollInterval().toMillis(), id -> poll(p));
    }
  }

  // ---- reconciliation ----------------------------------------------------------------------------

  private void reconcile(Slot slot) {
    PipelineState p = pipeline(slot.item.pipelineRef());
    p.toReconcile.add(slot);
    scheduleScan(p, settings.settle().toMillis());
  }

  private void scheduleScan(PipelineState p, long delayMs) {
    if (p.scanScheduled) {
      return;
    }
    p.scanScheduled = true;
    // Wait a moment first, so a POST still being processed by Buddy shows up in the list.
    vertx.setTimer(Math.max(1, delayMs), id -> scan(p));
  }

  private void scan(PipelineState p) {
    p.scanScheduled = false;
    List<Slot> pending = new ArrayList<>(p.toReconcile);
    p.toReconcile.clear();
    if (pending.isEmpty()) {
      return;
    }
    if (abortReason != null) {
      pending.forEach(s -> settle(s, Outcome.UNKNOWN, null, "not reconciled: " + abortReason));
      return;
    }
    Map<String, Slot> byMarker = new HashMap<>();
    int downTo = Integer.MAX_VALUE;
    for (Slot s : pending) {
      byMarker.put(s.marker.text(), s);
      downTo = Math.min(downTo, s.floor);
    }
    Map<Slot, org.buddy4j.core.generated.model.ExecutionData> found = new HashMap<>();
    Instant listedAt = settings.clock().instant(); // a run applied before this is in the listing
    ExecutionPages.walk(calls, p, downTo, e -> {
      for (String marker : RunMarker.find(e.getComment())) {
        Slot s = byMarker.get(marker);
        if (s != null && e.getId() > s.floor) {
          found.merge(s, e, (a, b) -> a.getId() <= b.getId() ? a : b); // the oldest, if ever two
        }
      }
    }).onSuccess(pages -> {
      for (Slot s : pending) {
        var e = found.get(s);
        String key = s.item.key();
        if (e != null) {
          counters.reconciled++;
          counters.submitted++;
          s.executionId = e.getId();
          write(() -> journal.submitted(key, e.getId()));
          started(s, e.getStatus(), ExecutionStatus.isFinished(e.getStatus(), e.getFinishDate() != null));
        } else if (s.absentAfter != null && listedAt.isBefore(s.absentAfter)) {
          // Not there yet, but the POST could still be applied: look again (paced) until its window is over.
          p.toReconcile.add(s);
        } else {
          // Listed after its window (after Buddy's 500, or its timeout plus margin), past the floor, and the
          // marker is not there: the POST was not applied in time. Send it again, and watch for a late start
          // of the first one all the same: never silently two.
          counters.resent++;
          String why = s.answered ? "reconciled after HTTP 500: no run carries its marker"
              : "reconciled after its timeout: no run carries its marker";
          write(() -> journal.absentAfterWindow(key, why));
          s.lateStarts++;
          s.lateFloor = s.lateStarts == 1 ? s.floor : Math.min(s.lateFloor, s.floor);
          s.lateSince = s.intentAt == null ? Instant.EPOCH : s.intentAt;
          watch.watch(s, p, s.lateFloor, 1, s.lateSince.plus(settings.lateStartWatch()));
          // Re-send only once the journal says why: a crash in between must not leave an intent that
          // a resume would read as the first POST still in doubt.
          writeThen(() -> journal.absentAfterWindow(key, why), () -> submit(s));
        }
      }
      if (!p.toReconcile.isEmpty()) {
        long untilWindow = p.toReconcile.stream().filter(x -> x.absentAfter != null)
            .mapToLong(x -> Duration.between(settings.clock().instant(), x.absentAfter).toMillis()).min().orElse(0);
        scheduleScan(p, Math.max(1, Math.min(settings.pollInterval().toMillis(), untilWindow + 1)));
      }
    }).onFailure(err -> {
      for (Slot s : pending) {
        if (++s.scanFailures >= MAX_SCAN_FAILURES) {
          String msg = "could not find out whether the run started: " + redact(err.getMessage());
          write(() -> journal.unknown(s.item.key(), msg));
          settle(s, Outcome.UNKNOWN, null, msg);
        } else {
          p.toReconcile.add(s);
        }
      }
      if (!p.toReconcile.isEmpty()) {
        scheduleScan(p, Math.min(30_000, Math.max(50, settings.settle().toMillis()) << Math.min(6, pending.get(0).scanFailures)));
      }
    });
  }

  // ---- polling -----------------------------------------------------------------------------------

  private void poll(PipelineState p) {
    if (p.running.isEmpty() || abortReason != null) {
      p.polling = false;
      return;
    }
    int minId = p.running.firstKey();
    long pages = (Math.max(p.maxKnownId, minId) - minId) / ExecutionPages.PER_PAGE + 1;
    Future<?> round;
    if (p.running.size() <= 10 && p.running.size() < pages) {
      // A few old runs deep in the list: one GET each is cheaper than paging down to them.
      List<Future<?>> gets = new ArrayList<>();
      for (Slot s : new ArrayList<>(p.running.values())) {
        gets.add(calls.call(Lane.OBSERVE, () -> client.workspace(p.ref.workspace()).project(p.ref.project())
                .pipeline(p.ref.pipeline()).execution(s.executionId).data())
            .onSuccess(e -> seen(p, e))
            .onFailure(err -> pollFailed(p, s, err)));
      }
      round = Future.join(gets);
    } else {
      round = ExecutionPages.walk(calls, p, minId, e -> seen(p, e));
    }
    round.onComplete(ar -> {
      if (p.running.isEmpty() || abortReason != null) {
        p.polling = false;
      } else {
        vertx.setTimer(settings.pollInterval().toMillis(), id -> poll(p));
      }
    });
  }

  private void seen(PipelineState p, org.buddy4j.core.generated.model.ExecutionData e) {
    Slot s = p.running.get(e.getId());
    if (s == null) {
      return;
    }
    s.pollFailures = 0;
    if (ExecutionStatus.isFinished(e.getStatus(), e.getFinishDate() != null)) {
      p.running.remove(e.getId());
      counters.running--;
      finish(s, e.getStatus());
    }
  }

  private void pollFailed(PipelineState p, Slot s, Throwable err) {
    if (err instanceof BuddyRateLimitException) {
      return; // asked again next round
    }
    if (err instanceof BuddyNotFoundException || ++s.pollFailures >= MAX_POLL_FAILURES) {
      p.running.remove(s.executionId);
      counters.running--;
      String msg = "run #" + s.executionId + " could not be read: " + redact(err.getMessage());
      write(() -> journal.unknown(s.item.key(), msg));
      settle(s, Outcome.UNKNOWN, null, msg);
    }
  }

  private void finish(Slot slot, String status) {
    write(() -> journal.finished(slot.item.key(), slot.executionId, status));
    settle(slot, ExecutionStatus.SUCCESSFUL.equals(status) ? Outcome.SUCCEEDED : Outcome.FAILED, status, null);
  }

  // ---- settling and the end ----------------------------------------------------------------------

  private void settle(Slot slot, Outcome outcome, String status, String message) {
    record(slot, slot.executionId, outcome, status, message);
    settleCount(slot);
    switch (outcome) {
      case SUCCEEDED -> counters.succeeded++;
      case FAILED -> counters.failed++;
      case UNKNOWN -> counters.unknown++;
      case NOT_STARTED -> counters.notStarted++;
      case SUBMITTED -> { }
    }
  }

  /** Frees the slot (for SUBMITTED with --no-wait, record() was called already). */
  private void settleCount(Slot slot) {
    slot.over = true;
    inFlight--;
    counters.done++;
    if (!finishing) {
      fill();
    }
  }

  private void record(Slot slot, int executionId, Outcome outcome, String status, String message) {
    write(() -> results.record(slot.item, executionId, outcome, status, message));
  }

  private void write(Runnable io) {
    journalWorker.executeBlocking(() -> {
      io.run();
      return null;
    }, true).onFailure(err -> abort("cannot write the journal: " + err.getMessage()));
  }

  /**
   * Writes a record, then goes on. A run's not_applied must be in the journal before its next intent: the
   * intent is written on an API worker, so with a plain {@link #write} a not_applied could land after it,
   * and a crash before the new POST's answer left "not applied" as the run's last word while that POST
   * may have started it — the resume then started it a second time (CrashResumeIT, trial 8 of a build).
   */
  private void writeThen(Runnable io, Runnable next) {
    journalWorker.executeBlocking(() -> {
      io.run();
      return null;
    }, true).onComplete(ar -> {
      if (ar.failed()) {
        abort("cannot write the journal: " + ar.cause().getMessage());
      }
      next.run(); // after an abort, submit() settles the run as not started
    });
  }

  private void abort(String reason) {
    if (abortReason == null) {
      abortReason = reason;
      if (watch != null) {
        watch.stop();
      }
      // Runs already started keep running in Buddy; the journal has them, a resume polls them again.
      for (PipelineState p : pipelines.values()) {
        List<Slot> running = new ArrayList<>(p.running.values());
        p.running.clear();
        counters.running -= running.size();
        running.forEach(s -> settle(s, Outcome.SUBMITTED, null, "started; not watched to the end: " + reason));
      }
    }
    maybeFinish();
  }

  private void maybeFinish() {
    boolean drained = inFlight == 0 && ((inputDone && buffer.isEmpty()) || abortReason != null)
        && (watch == null || watch.isEmpty());
    if (finishing || !drained) {
      return;
    }
    finishing = true;
    journalWorker.executeBlocking(() -> {
      journal.force();
      return null;
    }, true).onComplete(ar -> {
      apiWorkers.close();
      inputWorker.close();
      journalWorker.close();
      result.complete(new Result(counters, governor, started, Instant.now(), abortReason, watch.duplicates()));
    });
  }

  /** The run {@code slot} watched was cancelled as a duplicate: watch the kept one, {@code kept}, instead. */
  private void repoint(Slot slot, int kept) {
    PipelineState p = pipeline(slot.item.pipelineRef());
    if (p.running.remove(slot.executionId, slot)) {
      p.running.put(kept, slot);
    }
    slot.executionId = kept;
    write(() -> journal.submitted(slot.item.key(), kept));
  }

  private String redact(String message) {
    return client.redactor().scrub(message);
  }

  /** The batch stopped before this POST was sent. */
  private static final class AbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** The intent could not be written, so the POST was not sent. */
  private static final class JournalWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JournalWriteException(Throwable cause) {
      super(cause);
    }
  }
}
