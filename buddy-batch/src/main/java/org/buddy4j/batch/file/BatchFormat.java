package org.buddy4j.batch.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The three batch file formats, chosen by file extension (or {@code --input-format}). */
public enum BatchFormat {
  YAML, CSV, JSONL;

  /** The format a file's extension names: .yaml/.yml, .csv, .jsonl/.ndjson/.json. */
  public static BatchFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    throw new BatchFileException(new BatchProblem(file.toString(), 0,
        "cannot tell the format from the file name: use .yaml, .yml, .csv, .jsonl or .ndjson (or --input-format yaml|csv|jsonl)"));
  }

  /**
   * Skips a UTF-8 byte order mark at the start (Excel's "CSV UTF-8" and some Windows editors write
   * one); line numbers are unaffected.
   */
  static void skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  /** Opens a streaming reader of this format (a leading byte order mark is skipped). */
  public BatchSource open(Path file) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      skipByteOrderMark(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return switch (this) {
      case YAML -> new YamlBatchSource(reader);
      case CSV -> new CsvBatchSource(reader);
      case JSONL -> new JsonLinesBatchSource(reader);
    };
  }
}
