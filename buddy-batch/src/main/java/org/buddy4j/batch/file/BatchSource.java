package org.buddy4j.batch.file;

import java.io.Closeable;

/**
 * Reads a batch file one run at a time, so a file of any size is streamed, never loaded whole.
 * A syntax error the reader cannot get past ends the source with a {@link BatchFileException}.
 */
public interface BatchSource extends Closeable {
  /** The file-level defaults ({@code defaults:} in YAML), or null; known before the first run. */
  RawItem defaults();

  /** The next run, or null at the end of the file. */
  RawItem next();

  @Override
  void close();
}
