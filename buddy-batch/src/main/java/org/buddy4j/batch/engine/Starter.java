package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.engine.RunEvent.Kind;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.errors.BuddyApiException;
import org.buddy4j.core.errors.BuddyAuthenticationException;
import org.buddy4j.core.errors.BuddyException;
import org.buddy4j.core.errors.BuddyException.Applied;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.errors.BuddyServerException;

/**
 * The start step: learns the pipeline's newest execution ID once (a run our POST creates has a higher
 * one), waits for the run's turn, forces its intent to the journal and sends
 * {@code POST /workspaces/{w}/projects/{p}/pipelines/{pipeline_id}/executions} with the run's marker in its
 * comment. Reports what it learned — started, in doubt, not applied, refused — and never sends twice itself.
 */
final class Starter {
  private final EngineScope scope;

  Starter(EngineScope scope) {
    this.scope = scope;
  }

  /** One attempt to start {@code slot}'s run; the event says how it went. */
  Future<RunEvent> start(Slot slot) {
    if (scope.stopped()) {
      return Future.succeededFuture(RunEvent.of(Kind.STOPPED, scope.stopReason()));
    }
    PipelineState p = scope.pipeline(slot.item.pipelineRef());
    if (p.baseline == null) {
      // The newest run before we touch the pipeline: a run our POST creates has a higher ID.
      p.baseline = ExecutionPages.newestId(scope.calls, p).andThen(ar -> {
        if (ar.succeeded()) {
          p.saw(ar.result());
        }
      });
    }
    return p.baseline.transform(ar -> {
      if (ar.failed()) {
        p.baseline = null; // ask again for the next run
        return Future.succeededFuture(baselineFailed(slot, ar.cause()));
      }
      return send(slot, p);
    });
  }

  /** Reading the pipeline's newest run failed: nothing was sent for this run yet. */
  private RunEvent baselineFailed(Slot slot, Throwable err) {
    if (err instanceof BuddyRateLimitException) {
      return RunEvent.of(Kind.PIPELINE_RATE_LIMITED, null);
    }
    if (err instanceof BuddyAuthenticationException) {
      return RunEvent.of(Kind.TOKEN_REFUSED, tokenRefused(err));
    }
    if (err instanceof BuddyApiException api && api.status() < 500) {
      return RunEvent.of(Kind.REJECTED, "pipeline " + slot.item.pipelineRef() + ": "
          + scope.redact(String.join("; ", api.messages())) + " (HTTP " + api.status() + ")");
    }
    return RunEvent.of(Kind.PIPELINE_UNREADABLE, scope.redact(err.getMessage()));
  }

  private Future<RunEvent> send(Slot slot, PipelineState p) {
    slot.floor = p.floor();
    RunOptions options = slot.item.toRunOptions(slot.marker.text());
    BatchItem item = slot.item;
    int floor = slot.floor;
    Duration timeout = scope.client.readTimeout();
    AtomicReference<Instant> intentAt = new AtomicReference<>();
    AtomicReference<Instant> sentAt = new AtomicReference<>();
    Callable<Execution> post = () -> {
      if (scope.stopped()) {
        throw new StoppedException(); // granted after the batch stopped: send nothing
      }
      Instant at = scope.now();
      try {
        scope.journal.intent(item.key(), item.line(), floor, at, timeout);
      } catch (RuntimeException e) {
        throw new JournalWriteException(e);
      }
      intentAt.set(at);
      // The timeout runs from the send, not from the intent (forcing it to disk can take a while).
      sentAt.set(scope.now());
      return p.client.run(options);
    };
    return scope.calls.call(Lane.SUBMIT, post)
        .andThen(ar -> {
          slot.answered = false;
          if (intentAt.get() != null) {
            slot.intentAt = intentAt.get();
            slot.absentAfter = sentAt.get().plus(timeout).plus(scope.settings.doubtMargin());
          }
        })
        .map(execution -> {
          scope.counters.postAnswered(System.nanoTime());
          p.saw(execution.id());
          return RunEvent.started(execution.id(), execution.status(), execution.isFinished());
        })
        .recover(err -> Future.succeededFuture(postFailed(slot, err)));
  }

  /** Sorts a failed POST by what is known about whether it was applied. */
  private RunEvent postFailed(Slot slot, Throwable err) {
    if (err instanceof StoppedException) {
      return RunEvent.of(Kind.STOPPED, scope.stopReason());
    }
    if (err instanceof JournalWriteException) {
      return RunEvent.of(Kind.JOURNAL_FAILED, "cannot write the journal: " + err.getCause().getMessage());
    }
    if (err instanceof BuddyException b && b.applied() == Applied.NO) {
      // Refused (4xx, 429) or never reached Buddy: nothing runs.
      if (err instanceof BuddyRateLimitException) {
        return RunEvent.of(Kind.RATE_LIMITED, "429");
      }
      if (err instanceof BuddyAuthenticationException) {
        return new RunEvent(Kind.TOKEN_REFUSED, 0, "401", false, tokenRefused(err));
      }
      if (err instanceof BuddyApiException) {
        return RunEvent.of(Kind.REJECTED, scope.redact(err.getMessage()));
      }
      return RunEvent.of(Kind.NOT_SENT, scope.redact(err.getMessage())); // buddy-core already retried what was safe
    }
    // BuddyOutcomeUnknownException (reset or timeout after sending, 5xx), or anything unexpected: the run
    // may exist. Unanswered, it could still be applied until its read timeout has passed (absentAfter, set
    // above); Buddy itself answering 500 means it is done with the request, so a listing --settle after the
    // answer decides.
    if (err.getCause() instanceof BuddyServerException server && server.status() == 500) {
      slot.answered = true;
      slot.absentAfter = scope.now().plus(scope.settings.settle());
    }
    return RunEvent.of(Kind.IN_DOUBT, null);
  }

  private String tokenRefused(Throwable err) {
    return "Buddy refused the token (HTTP 401): " + scope.redact(err.getMessage());
  }

  /** The batch stopped before this POST was sent. */
  private static final class StoppedException extends RuntimeException {
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
