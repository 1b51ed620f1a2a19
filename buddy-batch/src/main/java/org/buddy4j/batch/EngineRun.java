package org.buddy4j.batch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.buddy4j.batch.engine.BatchEngine;
import org.buddy4j.batch.engine.ResultLog;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.report.BatchSummary;
import org.buddy4j.batch.report.HeapWatch;
import org.buddy4j.batch.report.ProgressListener;
import org.buddy4j.core.BuddyClient;

/**
 * One run of the engine: its own Vert.x (one event loop), a temporary result log, the progress listener's
 * timer on the engine's loop, and at the end the summary and report. The journal is closed when it ends.
 */
final class EngineRun {
  private EngineRun() {}

  static BatchRun.Result run(BuddyClient client, BatchEngine.Settings settings, ProgressListener progress, Path report,
                             BatchCheck checked, String batchId, Path journalPath, Journal journal) {
    HeapWatch.start();
    Path resultFile;
    try {
      resultFile = Files.createTempFile("buddy-batch-" + batchId + "-", ".results.jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    try (ResultLog results = new ResultLog(resultFile)) {
      BatchEngine engine = new BatchEngine(vertx, client, settings, checked.batch(), checked.summary().runs(), batchId,
          journal, checked.replay(), results);
      Future<BatchEngine.Result> done = engine.start();
      if (progress != null) {
        engine.context().runOnContext(v -> {
          long timer = vertx.setPeriodic(progress.intervalMillis(), id -> progress.update(engine.counters(), engine.governor()));
          done.onComplete(ar -> vertx.cancelTimer(timer));
        });
      }
      BatchEngine.Result result = done.await();
      long peak = HeapWatch.peakUsedBytes();
      if (progress != null) {
        // On the engine's loop like every update, and landed before the caller prints the summary.
        Promise<Void> shown = Promise.promise();
        engine.context().runOnContext(v -> {
          progress.finish(engine.counters(), engine.governor());
          shown.complete();
        });
        shown.future().await();
      }
      results.close();
      BatchSummary summary = new BatchSummary(result, batchId, checked.file().toString(), journalPath, peak,
          results.problems());
      if (report != null) {
        summary.writeReport(report, resultFile);
      }
      return new BatchRun.Result(batchId, journalPath, result, summary);
    } finally {
      journal.close();
      vertx.close().await();
      try {
        Files.deleteIfExists(resultFile);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }
}
