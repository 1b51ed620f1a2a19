package org.buddy4j.emulator;

import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A JSON value encoded once and written again as bytes while what it is made from stays the same: the
 * parts of a run's answer that every run of a pipeline repeats (its creator, three times; its pipeline;
 * each action; its branch), which were a third of rendering a new run. The key is everything the value
 * is made from, as immutable values (strings, numbers, booleans, null; a mutable JSON part as its
 * encoded text, or a list of immutable values, which is kept as a copy) compared with {@code equals},
 * so any change to them makes the value again: no invalidation to forget. Touched only from the
 * emulator's event loop.
 */
final class EncodedJson {
  private Object[] key;
  private SerializedString json;

  /** The encoding of {@code value}'s result, made again only when {@code key} differs from the last one. */
  SerializedString of(Supplier<?> value, Object... key) {
    if (json == null || !Arrays.equals(this.key, key)) {
      json = new SerializedString(Json.encode(value.get()));
      for (int i = 0; i < key.length; i++) {
        if (key[i] instanceof List) {
          key[i] = new ArrayList<>((List<?>) key[i]); // the caller's list may change in place later
        }
      }
      this.key = key;
    }
    return json;
  }
}
