package org.buddy4j.batch.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * The line-oriented batch formats (CSV, JSON lines): the file's lines, numbered, read one at a time.
 * Numbers are those of the file (1 for its first line), so every problem can name where it is.
 */
abstract class LineBatchSource implements BatchSource {
  private final BufferedReader reader;
  private int lineNo;

  LineBatchSource(BufferedReader reader) {
    this.reader = reader;
  }

  /**
   * The next line a run may start on, skipping blank lines and those {@code comment} matches; null at the
   * end of the file. {@link #lineNo()} is then its number.
   */
  final String nextContentLine(Predicate<String> comment) {
    String text;
    do {
      text = nextLine();
      if (text == null) {
        return null;
      }
    } while (text.isBlank() || comment.test(text));
    return text;
  }

  /** The very next line (a CSV quoted cell may go on in it), or null at the end of the file. */
  final String nextLine() {
    try {
      String text = reader.readLine();
      lineNo++;
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of the line read last. */
  final int lineNo() {
    return lineNo;
  }

  @Override
  public final void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // reading only
    }
  }
}
