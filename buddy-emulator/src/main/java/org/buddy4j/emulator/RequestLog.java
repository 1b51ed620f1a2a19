package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The log of received API requests that {@code GET /__emulator/requests} shows: method, path, query,
 * operationId, status and the body with secrets replaced by {@code "***"}. Bounded (the newest
 * {@link #capacity()} entries; {@code EmulatorOptions.requestLogCapacity}, {@code PUT /__emulator/retention}),
 * so a long batch run against the emulator does not grow it forever.
 */
final class RequestLog {
  private final SecretRedactor redactor;
  private final Deque<LogEntry> entries = new ArrayDeque<>();
  private int capacity;
  private long sequence;

  RequestLog(int capacity, SecretRedactor redactor) {
    this.redactor = redactor;
    capacity(capacity);
  }

  synchronized LogEntry add(LogEntry entry) {
    entry.seq = ++sequence;
    entries.addLast(entry);
    trim();
    return entry;
  }

  synchronized JsonArray snapshot() {
    JsonArray out = new JsonArray();
    entries.forEach(e -> out.add(e.toJson(redactor)));
    return out;
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized int capacity() {
    return capacity;
  }

  /** Keeps at most {@code newCapacity} entries from now on (0: log nothing), dropping the oldest. */
  synchronized void capacity(int newCapacity) {
    if (newCapacity < 0) {
      throw ApiError.badRequest("Field 'requestLog' must be 0 or more");
    }
    capacity = newCapacity;
    trim();
  }

  private void trim() {
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
  }
}
