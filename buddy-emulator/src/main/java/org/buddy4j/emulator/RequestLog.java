package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The log of received API requests that {@code GET /__emulator/requests} shows: method, path, query,
 * operationId, status and the body with secrets replaced by {@code "***"}. Bounded, so a long batch run
 * against the emulator does not grow it forever.
 */
final class RequestLog {
  private final int capacity;
  private final Deque<JsonObject> entries = new ArrayDeque<>();
  private long sequence;

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized JsonObject add(JsonObject entry) {
    entry.put("seq", ++sequence);
    entries.addLast(entry);
    while (entries.size() > capacity) {
      entries.removeFirst();
    }
    return entry;
  }

  synchronized JsonArray snapshot() {
    JsonArray out = new JsonArray();
    entries.forEach(e -> out.add(e.copy()));
    return out;
  }

  synchronized void clear() {
    entries.clear();
  }
}
