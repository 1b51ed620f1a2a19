package org.buddy4j.insights.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Buddy's status → the unified status and conclusion, kept apart. */
class JobMappingTest {
  @Test
  void everyDocumentedStatus() {
    assertEquals(JobStatus.QUEUED, JobStatus.of("ENQUEUED", false));
    assertEquals(JobStatus.QUEUED, JobStatus.of("INITIAL", false));
    assertEquals(JobStatus.IN_PROGRESS, JobStatus.of("INPROGRESS", false));
    assertEquals(JobStatus.IN_PROGRESS, JobStatus.of("TERMINATING", false));
    assertEquals(JobStatus.IN_PROGRESS, JobStatus.of("WAITING_FOR_APPLY", false));
    assertEquals(JobStatus.COMPLETED, JobStatus.of("SUCCESSFUL", true));
    assertEquals(JobStatus.COMPLETED, JobStatus.of("TERMINATED", true));
    assertEquals(JobConclusion.PASSED, JobConclusion.of("SUCCESSFUL"));
    assertEquals(JobConclusion.FAILED, JobConclusion.of("FAILED"));
    assertEquals(JobConclusion.CANCELLED, JobConclusion.of("TERMINATED"));
    assertEquals(JobConclusion.SKIPPED, JobConclusion.of("SKIPPED"));
    assertEquals(JobConclusion.SKIPPED, JobConclusion.of("NOT_EXECUTED"));
    assertNull(JobConclusion.of("INPROGRESS"));
    // a status from the future: completed only with a finish date, and no conclusion either way
    assertEquals(JobStatus.COMPLETED, JobStatus.of("ARCHIVED", true));
    assertEquals(JobStatus.IN_PROGRESS, JobStatus.of("ARCHIVED", false));
    assertNull(JobConclusion.of("ARCHIVED"));
  }
}
