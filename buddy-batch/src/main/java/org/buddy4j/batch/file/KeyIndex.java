package org.buddy4j.batch.file;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys seen so far and their lines, for finding duplicate runs: an open-addressing table of
 * 64-bit key hashes, about 12 bytes per run (a million runs fit in 12 MB), instead of a map of strings.
 */
final class KeyIndex {
  private long[] hashes = new long[1024];
  private int[] lines = new int[1024];
  private int size;

  /** Records {@code key} at {@code line}; returns the line it was first seen on, or 0 if new. */
  int putIfAbsent(String key, int line) {
    if (size * 2 >= hashes.length) {
      grow();
    }
    long h = hash(key);
    int i = slot(h, hashes.length);
    while (lines[i] != 0) {
      if (hashes[i] == h) {
        return lines[i];
      }
      i = (i + 1) & (hashes.length - 1);
    }
    hashes[i] = h;
    lines[i] = line;
    size++;
    return 0;
  }

  private void grow() {
    long[] oldHashes = hashes;
    int[] oldLines = lines;
    hashes = new long[oldHashes.length * 2];
    lines = new int[oldLines.length * 2];
    for (int j = 0; j < oldHashes.length; j++) {
      if (oldLines[j] != 0) {
        int i = slot(oldHashes[j], hashes.length);
        while (lines[i] != 0) {
          i = (i + 1) & (hashes.length - 1);
        }
        hashes[i] = oldHashes[j];
        lines[i] = oldLines[j];
      }
    }
  }

  private static int slot(long h, int length) {
    return (int) (h ^ (h >>> 32)) & (length - 1);
  }

  /** FNV-1a 64 over the key's UTF-8 bytes. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  int size() {
    return size;
  }

  @Override
  public String toString() {
    return "KeyIndex[" + size + " keys, " + Arrays.stream(lines).filter(l -> l != 0).count() + " slots used]";
  }
}
