package org.buddy4j.batch;

import java.nio.file.Path;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchFormat;
import org.buddy4j.batch.journal.JournalException;
import org.buddy4j.batch.journal.JournalHeader;
import org.buddy4j.batch.journal.JournalReplay;

/**
 * A batch file read and checked, line by line, before anything is sent; on resume, with the journal read
 * back and the file proven the same one the journal began with (its SHA-256).
 *
 * @param format the file's format, as given or from its name
 * @param workspace the default workspace the file is read with (on resume: the journal's)
 */
record BatchCheck(Path file, BatchFile batch, BatchFile.Summary summary, JournalReplay replay, BatchFormat format,
                  String workspace, String project) {

  /** Reads {@code resume} (when not null) and checks the file; throws what the file or journal got wrong. */
  static BatchCheck read(Path file, Path resume, BatchFormat format, String workspace, String project) {
    JournalReplay replay = null;
    Path path = file;
    String ws = workspace;
    String pr = project;
    BatchFormat fmt = format;
    if (resume != null) {
      replay = JournalReplay.read(resume);
      JournalHeader h = replay.header();
      path = path != null ? path : Path.of(h.file());
      // The runs must be read exactly as when the journal began: same defaults, same format.
      ws = h.workspace();
      pr = h.project();
      fmt = h.format() == null ? fmt : BatchFormat.valueOf(h.format());
    } else if (path == null) {
      throw new IllegalStateException("give the batch file (or a journal to resume)");
    }
    BatchFile batch = new BatchFile(path, fmt, ws, pr);
    BatchFile.Summary summary = batch.check();
    if (replay != null && !replay.header().sha256().equals(summary.sha256())) {
      throw new JournalException(path + " changed since the journal " + resume + " began (SHA-256 "
          + abbrev(replay.header().sha256()) + " then, " + abbrev(summary.sha256()) + " now); a resume needs the same"
          + " file. Restore it, or start a new batch without --resume.");
    }
    return new BatchCheck(path, batch, summary, replay, fmt == null ? BatchFormat.of(path) : fmt, ws, pr);
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }
}
