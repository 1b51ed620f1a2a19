package org.buddy4j.batch.engine;

import org.buddy4j.batch.file.BatchItem;

/** One run in flight: its item, its marker, and what is known so far. Event-loop only. */
final class Slot {
  final BatchItem item;
  final RunMarker marker;
  /** Newest execution ID of the pipeline known before the (last) POST: our run's ID is higher. */
  int floor;
  int executionId;
  int transportFailures;
  int scanFailures;
  /** A GET of this run failed (e.g. 404): how many times in a row. */
  int pollFailures;
  /** When the last intent was written (runner's clock), and when its POST counts as absent if not found. */
  java.time.Instant intentAt;
  java.time.Instant absentAfter;
  /** Buddy answered the last POST (500): it is done with it, no late apply to wait for. */
  boolean answered;
  /** In-doubt POSTs declared absent whose late start has not been seen; their lowest floor; the last one's time. */
  int lateStarts;
  int lateFloor;
  java.time.Instant lateSince;
  /** The run is settled (its outcome recorded); a duplicate watch may outlive it. */
  boolean over;

  Slot(BatchItem item, RunMarker marker) {
    this.item = item;
    this.marker = marker;
  }
}
