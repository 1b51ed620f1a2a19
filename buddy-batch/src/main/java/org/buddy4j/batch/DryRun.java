package org.buddy4j.batch;

import java.nio.file.Path;
import org.buddy4j.batch.engine.RunMarker;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.http.RequestRecorder;

/**
 * Describes the start of each run as buddy-core would send it and sends nothing: the run goes through
 * core's client built to record instead of sending ({@link RequestRecorder}), so method, path and body
 * are the ones core itself builds, with every secret masked.
 */
final class DryRun {
  /**
   * A client remembers every secret it was given (its redactor) and the recorder every request: a fresh
   * pair every so many runs keeps a dry run of a file bigger than the heap in bounded memory.
   */
  private static final int RUNS_PER_CLIENT = 1000;

  private final String batchId;
  private final Path file;
  private RequestRecorder recorder;
  private BuddyClient client;
  private int described;

  DryRun(String batchId, Path file) {
    this.batchId = batchId;
    this.file = file;
  }

  /** What starting {@code item}'s run would send. */
  BatchRun.PlannedStart describe(BatchItem item) {
    if (described++ % RUNS_PER_CLIENT == 0) {
      recorder = new RequestRecorder(r -> "{\"id\": 1, \"status\": \"INPROGRESS\"}");
      client = BuddyClient.builder().token("dry-run: nothing is sent").endpoint("https://dry-run.invalid")
          .recordInstead(recorder).build();
    }
    RunOptions options = item.toRunOptions(RunMarker.of(batchId, item.key()).text());
    int before = recorder.requests().size();
    client.workspace(item.workspace()).project(item.project()).pipeline(item.pipeline()).run(options);
    RequestRecorder.Described sent = recorder.requests().get(before);
    // One redactor per run: it needs only this run's secrets, and one for the whole batch would scan
    // every earlier run's in each line.
    Redactor redactor = Redactor.standard();
    redactor.addSecretsOf(options.toRequest());
    return new BatchRun.PlannedStart(file, item, sent.method(), sent.path(), redactor.redactJson(sent.body()));
  }
}
