package org.buddy4j.batch.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The batch runner's write-ahead journal: one JSON object per line, appended, never rewritten.
 * An {@code intent} record is forced to disk ({@link FileChannel#force}) <em>before</em> its run's
 * {@code POST …/pipelines/{pipeline_id}/executions} is sent, so after a crash every run that might
 * exist is known and can be reconciled by its marker instead of being sent again.
 *
 * <pre>
 * {"t":"batch","v":1,"batch":"3f9a12bc","file":"release.yaml","sha256":"…","runs":20,…}   header
 * {"t":"intent","key":"web-eu","line":7,"floor":41,"at":"…","timeout_ms":60000}   about to POST (forced)
 * {"t":"submitted","key":"web-eu","id":57}                        Buddy answered with the run
 * {"t":"not_applied","key":"web-eu","why":"429"}                   proven not started (429, refused)
 * {"t":"not_applied","key":"web-eu","why":"…","late_watch":true}  in doubt, declared absent after its window
 * {"t":"duplicate","key":"web-eu","id":58,"kept":57,"cancelled":true}  a second run with the marker, cancelled
 * {"t":"finished","key":"web-eu","id":57,"status":"SUCCESSFUL"}    the run is over
 * {"t":"failed","key":"web-eu","status":"REJECTED","message":"…"}  Buddy refused the POST (4xx)
 * {"t":"unknown","key":"web-eu","message":"…"}                     could not find out; the user decides
 * </pre>
 *
 * {@code floor} is the newest execution ID of the pipeline known before the POST: a run it created
 * has a higher ID, so reconciliation lists executions only down to it. {@code at} (wall clock) and
 * {@code timeout_ms} (the read timeout the POST is sent with) bound when an unanswered POST could still be
 * applied. Thread-safe.
 */
public final class Journal implements Closeable {
  static final ObjectMapper JSON = JsonMapper.builder().build();
  public static final int VERSION = 1;

  private final Path path;
  private final FileChannel channel;

  private Journal(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Starts a new journal with its header; refuses to overwrite an existing file. */
  public static Journal create(Path path, JournalHeader header) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      Journal j = new Journal(path, ch);
      j.append(header.toJson(), true);
      return j;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IllegalArgumentException("journal " + path + " already exists: resume it with --resume " + path
          + ", or choose another --journal");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal " + path, e);
    }
  }

  /** Opens an existing journal to append to (resume). A torn last line (a crash mid-write) is ended first. */
  public static Journal reopen(Path path) {
    try {
      FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      Journal j = new Journal(path, ch);
      if (ch.size() > 0) {
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel r = FileChannel.open(path, StandardOpenOption.READ)) {
          r.read(last, ch.size() - 1);
        }
        if (last.get(0) != '\n') {
          ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
      }
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + path, e);
    }
  }

  public Path path() {
    return path;
  }

  /** As below, now, without a recorded timeout (a resume then assumes its own client's). */
  public void intent(String key, int line, int floor) {
    append(record("intent", key).put("line", line).put("floor", floor).put("at", Instant.now().toString()), true);
  }

  /**
   * Records the intent to start {@code key}'s run and forces it to disk; call right before the POST.
   *
   * @param at now, by the runner's clock
   * @param timeout the read timeout the POST is sent with
   */
  public void intent(String key, int line, int floor, Instant at, java.time.Duration timeout) {
    ObjectNode r = record("intent", key).put("line", line).put("floor", floor).put("at", at.toString())
        .put("timeout_ms", timeout.toMillis());
    append(r, true);
  }

  /** An in-doubt POST was declared absent once its window had passed; a late start of it is watched for. */
  public void absentAfterWindow(String key, String why) {
    append(record("not_applied", key).put("why", why).put("late_watch", true), false);
  }

  /** A second run carries {@code key}'s marker: {@code id}, next to the kept {@code kept}. */
  public void duplicate(String key, int id, int kept, boolean cancelled, String status) {
    append(record("duplicate", key).put("id", id).put("kept", kept).put("cancelled", cancelled).put("status", status), true);
  }

  public void submitted(String key, int executionId) {
    append(record("submitted", key).put("id", executionId), false);
  }

  public void notApplied(String key, String why) {
    append(record("not_applied", key).put("why", why), false);
  }

  public void finished(String key, int executionId, String status) {
    append(record("finished", key).put("id", executionId).put("status", status), false);
  }

  public void failed(String key, String status, String message) {
    append(record("failed", key).put("status", status).put("message", message), false);
  }

  public void unknown(String key, String message) {
    append(record("unknown", key).put("message", message), false);
  }

  /** A resume began (for the record; replay ignores it). */
  public void resumed() {
    append(JSON.createObjectNode().put("t", "resume").put("at", Instant.now().toString()), true);
  }

  private static ObjectNode record(String type, String key) {
    return JSON.createObjectNode().put("t", type).put("key", key);
  }

  private synchronized void append(ObjectNode record, boolean force) {
    try {
      byte[] bytes = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + path, e);
    }
  }

  /** Forces everything written so far to disk. */
  public synchronized void force() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write journal " + path, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (channel.isOpen()) {
        channel.force(false);
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close journal " + path, e);
    }
  }
}
