package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.function.Consumer;

/**
 * Journal and result writes, in order, on one worker thread (never on the event loop). A write that
 * fails stops the batch ({@code onFailure}): a runner that cannot journal must not send.
 */
final class JournalWriter {
  private final WorkerExecutor worker;
  private final Consumer<String> onFailure;

  JournalWriter(WorkerExecutor worker, Consumer<String> onFailure) {
    this.worker = worker;
    this.onFailure = onFailure;
  }

  /** Queues a write; the pump goes on at once. */
  void write(Runnable io) {
    run(io).onFailure(err -> onFailure.accept("cannot write the journal: " + err.getMessage()));
  }

  /**
   * Writes a record, then goes on. A run's not_applied must be in the journal before its next intent: the
   * intent is written on an API worker, so with a plain {@link #write} a not_applied could land after it,
   * and a crash before the new POST's answer left "not applied" as the run's last word while that POST
   * may have started it — the resume then started it a second time (CrashResumeIT, trial 8 of a build).
   * {@code next} runs after a failed write too: the batch has stopped by then, so it sends nothing.
   */
  void writeThen(Runnable io, Runnable next) {
    run(io).onComplete(ar -> {
      if (ar.failed()) {
        onFailure.accept("cannot write the journal: " + ar.cause().getMessage());
      }
      next.run();
    });
  }

  /** Runs {@code io} after every write queued before it. */
  Future<Void> run(Runnable io) {
    return worker.executeBlocking(() -> {
      io.run();
      return null;
    }, true);
  }
}
