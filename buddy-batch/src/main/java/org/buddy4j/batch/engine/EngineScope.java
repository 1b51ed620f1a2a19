package org.buddy4j.batch.engine;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.buddy4j.batch.file.PipelineRef;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.http.RetryPolicy;

/**
 * What the engine's steps share: the client and its paced calls, the settings, the journal and its
 * writer, the counters, what is known per pipeline, and whether the batch has stopped. Event-loop only,
 * except {@link #stopReason()} (read by a POST on its worker just before it is sent).
 */
final class EngineScope {
  final Vertx vertx;
  final BuddyClient client;
  final BatchEngine.Settings settings;
  final Journal journal;
  final JournalWriter writer;
  final ApiCalls calls;
  final RunCounters counters;
  private final Map<PipelineRef, PipelineState> pipelines = new HashMap<>();
  private volatile String stopReason;

  EngineScope(Vertx vertx, BuddyClient client, BatchEngine.Settings settings, Journal journal, JournalWriter writer,
              ApiCalls calls, RunCounters counters) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.journal = journal;
    this.writer = writer;
    this.calls = calls;
    this.counters = counters;
  }

  /** The pipeline ({@code …/pipelines/{pipeline_id}}) a run belongs to. */
  PipelineState pipeline(PipelineRef ref) {
    return pipelines.computeIfAbsent(ref, r -> new PipelineState(r,
        client.workspace(r.workspace()).project(r.project()).pipeline(r.pipeline())));
  }

  Collection<PipelineState> pipelines() {
    return pipelines.values();
  }

  /** Why the batch stopped, or null while it goes on. */
  String stopReason() {
    return stopReason;
  }

  boolean stopped() {
    return stopReason != null;
  }

  /** Records the first reason the batch stops; returns whether this call stopped it. */
  boolean stop(String reason) {
    if (stopReason != null) {
      return false;
    }
    stopReason = reason;
    return true;
  }

  Instant now() {
    return settings.clock().instant();
  }

  String redact(String message) {
    return client.redactor().scrub(message);
  }

  /** Runs {@code then} on the event loop after {@code delayMs} (at least 1 ms). */
  void after(long delayMs, Runnable then) {
    vertx.setTimer(Math.max(1, delayMs), id -> then.run());
  }

  /** Runs {@code then} after {@code policy}'s jittered backoff for {@code failures} failures. */
  void after(RetryPolicy policy, int failures, Runnable then) {
    after(policy.backoff(failures).toMillis(), then);
  }
}
