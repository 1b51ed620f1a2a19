package org.buddy4j.batch.engine;

import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchItem;

/**
 * The batch file, streamed: runs are read in chunks on their own worker (never on the event loop) into a
 * small buffer the pump takes from, so a file of any size is never held in memory. Event-loop only.
 */
final class ItemFeed {
  private static final int CHUNK = 256;

  private final BatchFile file;
  private final WorkerExecutor worker;
  private final ArrayDeque<BatchItem> buffer = new ArrayDeque<>();
  private BatchFile.Items items;
  private boolean reading;
  private boolean done;

  ItemFeed(BatchFile file, WorkerExecutor worker) {
    this.file = file;
    this.worker = worker;
  }

  /** Opens the file; {@code ready} runs once it can be read, {@code failed} with why not. */
  void open(Runnable ready, Consumer<String> failed) {
    worker.executeBlocking(file::items, true).onSuccess(it -> {
      items = it;
      ready.run();
    }).onFailure(err -> failed.accept("cannot read the batch file: " + err.getMessage()));
  }

  /** The next run read, or null when none is buffered (see {@link #exhausted()}). */
  BatchItem next() {
    return buffer.poll();
  }

  /** Every run has been taken. */
  boolean exhausted() {
    return done && buffer.isEmpty();
  }

  /** Reads the next chunk (unless one is being read or the file is done); {@code more} runs after it. */
  void readMore(Runnable more, Consumer<String> failed) {
    if (reading || done) {
      return;
    }
    reading = true;
    worker.executeBlocking(() -> {
      List<BatchItem> chunk = new ArrayList<>(CHUNK);
      while (chunk.size() < CHUNK && items.hasNext()) {
        chunk.add(items.next());
      }
      return chunk;
    }, true).onSuccess(chunk -> {
      reading = false;
      buffer.addAll(chunk);
      if (chunk.size() < CHUNK) {
        done = true;
        worker.executeBlocking(() -> {
          items.close();
          return null;
        }, true);
      }
      more.run();
    }).onFailure(err -> {
      reading = false;
      failed.accept(err.getMessage());
    });
  }
}
