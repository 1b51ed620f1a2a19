package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.buddy4j.batch.journal.ItemState;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.journal.JournalException;
import org.buddy4j.batch.journal.JournalHeader;
import org.buddy4j.batch.journal.JournalReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal written and read back: what resume does with each run. */
class JournalReplayTest {
  @TempDir
  Path dir;

  private Journal journal(Path p) {
    return Journal.create(p, new JournalHeader("b1", "batch.yaml", "abc123", 5, "YAML", "buddy", "web", Instant.now()));
  }

  @Test
  void eachRunsLastRecordDecidesWhatResumeDoes() {
    Path p = dir.resolve("j.jsonl");
    try (Journal j = journal(p)) {
      j.intent("finished", 2, 10);
      j.submitted("finished", 11);
      j.finished("finished", 11, "SUCCESSFUL");
      j.intent("submitted", 3, 11);
      j.submitted("submitted", 12);
      j.intent("intent-only", 4, 12);
      j.intent("refused", 5, 12);
      j.notApplied("refused", "429");
      j.intent("rejected", 6, 12);
      j.failed("rejected", "REJECTED", "HTTP 404");
      j.intent("unknown", 7, 9);
      j.unknown("unknown", "could not list executions");
    }
    JournalReplay r = JournalReplay.read(p);
    assertEquals("b1", r.header().batchId());
    assertEquals("abc123", r.header().sha256());
    assertEquals("buddy", r.header().workspace());
    assertEquals(6, r.knownRuns());

    ItemState finished = r.state("finished");
    assertEquals(ItemState.Action.SKIP, finished.resumeAction());
    assertEquals(11, finished.executionId());
    assertEquals("SUCCESSFUL", finished.status());

    ItemState submitted = r.state("submitted");
    assertEquals(ItemState.Action.POLL, submitted.resumeAction());
    assertEquals(12, submitted.executionId());

    ItemState intent = r.state("intent-only");
    assertEquals(ItemState.Action.RECONCILE, intent.resumeAction());
    assertEquals(12, intent.floor(), "reconciliation lists executions down to the floor recorded with the intent");
    assertEquals(0, intent.executionId());

    assertEquals(ItemState.Action.SUBMIT, r.state("refused").resumeAction());
    assertEquals(ItemState.Action.SKIP, r.state("rejected").resumeAction());
    assertEquals(ItemState.Action.RECONCILE, r.state("unknown").resumeAction());
    assertEquals(9, r.state("unknown").floor());
    assertNull(r.state("never-started"), "a run the journal never mentions is sent fresh");
  }

  @Test
  void aTornLastLineIsIgnoredAndReopeningEndsIt() throws IOException {
    Path p = dir.resolve("torn.jsonl");
    try (Journal j = journal(p)) {
      j.intent("a", 2, 1);
    }
    // A crash in the middle of writing the next record.
    Files.writeString(p, "{\"t\":\"submitted\",\"key\":\"a\",\"i", StandardOpenOption.APPEND);
    JournalReplay r = JournalReplay.read(p);
    assertEquals(ItemState.Stage.INTENT, r.state("a").stage());
    try (Journal j = Journal.reopen(p)) {
      j.submitted("a", 7);
    }
    // The torn line is closed off, so the new record is whole and read; the torn one stays ignored.
    String text = Files.readString(p);
    assertTrue(text.contains("\"i\n{\"t\":\"submitted\",\"key\":\"a\",\"id\":7}"), text);
    assertThrows(JournalException.class, () -> JournalReplay.read(p), "damage before the last line is refused");
  }

  @Test
  void damagedOrForeignFilesAreRefused() throws IOException {
    Path notJournal = dir.resolve("x.jsonl");
    Files.writeString(notJournal, "{\"pipeline\":2}\n");
    assertTrue(assertThrows(JournalException.class, () -> JournalReplay.read(notJournal)).getMessage()
        .contains("is not a buddy batch journal"));
    assertTrue(assertThrows(JournalException.class, () -> JournalReplay.read(dir.resolve("none.jsonl"))).getMessage()
        .startsWith("no journal at"));
    Path p = dir.resolve("j.jsonl");
    journal(p).close();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> journal(p)).getMessage()
        .contains("already exists: resume it with --resume"));
  }

  @Test
  void intentsAreOnDiskBeforeTheCallReturns() throws IOException {
    Path p = dir.resolve("forced.jsonl");
    try (Journal j = journal(p)) {
      j.intent("k", 1, 0);
      // Read through a separate channel while the journal is still open: the record is there.
      assertTrue(Files.readString(p).contains("\"t\":\"intent\",\"key\":\"k\""));
    }
  }
}
