package org.buddy4j.batch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a journal back: its header and the last state of every run in it. A torn last line (the
 * process died while writing it) is ignored — it was never forced, so its POST was never sent; a
 * damaged line anywhere else stops the resume.
 */
public final class JournalReplay {
  private final JournalHeader header;
  private final Map<String, ItemState> states;
  private final int records;

  private JournalReplay(JournalHeader header, Map<String, ItemState> states, int records) {
    this.header = header;
    this.states = states;
    this.records = records;
  }

  /**
   * @throws JournalException the file is missing, is not a journal, or is damaged before its last line
   */
  public static JournalReplay read(Path path) {
    Map<String, ItemState> states = new HashMap<>();
    JournalHeader header = null;
    int records = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      String pendingBad = null;
      int pendingBadLine = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (pendingBad != null) {
          throw new JournalException(path + ":" + pendingBadLine + ": damaged journal line: " + pendingBad);
        }
        JsonNode r;
        try {
          r = Journal.JSON.readTree(line);
        } catch (IOException e) {
          pendingBad = abbreviate(line);
          pendingBadLine = lineNo;
          continue;
        }
        if (header == null) {
          if (!"batch".equals(r.path("t").asText())) {
            throw new JournalException(path + " is not a buddy batch journal (no header on its first line)");
          }
          if (r.path("v").asInt() != Journal.VERSION) {
            throw new JournalException(path + " was written by another journal version (" + r.path("v").asInt() + ")");
          }
          header = JournalHeader.fromJson(r);
          continue;
        }
        records++;
        apply(states, r);
      }
    } catch (NoSuchFileException e) {
      throw new JournalException("no journal at " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + path, e);
    }
    if (header == null) {
      throw new JournalException(path + " is empty: it is not a buddy batch journal");
    }
    return new JournalReplay(header, states, records);
  }

  private static void apply(Map<String, ItemState> states, JsonNode r) {
    String key = r.path("key").asText(null);
    if (key == null) {
      return; // resume markers and the like
    }
    ItemState old = states.get(key);
    if (old == null) {
      old = new ItemState(ItemState.Stage.INTENT, 0, 0, null, null, null, 0, 0, null, 0);
    }
    int id = old.executionId();
    ItemState next = switch (r.path("t").asText()) {
      case "intent" -> new ItemState(ItemState.Stage.INTENT, 0, r.path("floor").asInt(), null, null,
          r.hasNonNull("at") ? Instant.parse(r.get("at").asText()) : null, r.path("timeout_ms").asLong(0),
          old.lateStarts(), old.lateSince(), old.lateFloor());
      case "submitted" -> old.next(ItemState.Stage.SUBMITTED, r.path("id").asInt(), null, null);
      case "not_applied" -> r.path("late_watch").asBoolean(false)
          // Declared absent after its window: a late apply of it would be a second run, watched for.
          ? new ItemState(ItemState.Stage.NOT_APPLIED, 0, old.floor(), null, r.path("why").asText(null), old.intentAt(),
              old.timeoutMs(), old.lateStarts() + 1, old.intentAt(),
              old.lateStarts() == 0 ? old.floor() : Math.min(old.lateFloor(), old.floor()))
          : old.next(ItemState.Stage.NOT_APPLIED, 0, null, r.path("why").asText(null));
      case "finished" -> old.next(ItemState.Stage.FINISHED, r.path("id").asInt(id), r.path("status").asText(), null);
      case "failed" -> old.next(ItemState.Stage.FAILED, id, r.path("status").asText(), r.path("message").asText(null));
      case "unknown" -> old.next(ItemState.Stage.UNKNOWN, 0, null, r.path("message").asText(null));
      case "duplicate" -> new ItemState(old.stage(), old.executionId(), old.floor(), old.status(), old.message(),
          old.intentAt(), old.timeoutMs(), Math.max(0, old.lateStarts() - 1), old.lateSince(), old.lateFloor());
      default -> states.get(key);
    };
    if (next != null) {
      states.put(key, next);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  public JournalHeader header() {
    return header;
  }

  /** The last state of {@code key}, or null when the journal never mentions it (not yet started). */
  public ItemState state(String key) {
    return states.get(key);
  }

  /** How many runs the journal mentions. */
  public int knownRuns() {
    return states.size();
  }

  /** How many records follow the header. */
  public int records() {
    return records;
  }

  /** Every run's state, by key. */
  public Map<String, ItemState> states() {
    return java.util.Collections.unmodifiableMap(states);
  }
}
