package org.buddy4j.batch.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A batch file: {@link #check()} reads it once, start to end, and reports every problem with its line
 * before anything is sent; {@link #items()} then streams the runs for the engine. Neither keeps more
 * than the current run (plus a compact index of keys for duplicates) in memory.
 */
public final class BatchFile {
  /** At most this many problems are listed; the rest are counted. */
  public static final int MAX_LISTED_PROBLEMS = 50;

  private final Path path;
  private final String name;
  private final BatchFormat format;
  private final String defaultWorkspace;
  private final String defaultProject;

  /** What a successful check found. */
  public record Summary(int runs, String sha256) {}

  public BatchFile(Path path, BatchFormat format, String defaultWorkspace, String defaultProject) {
    this.path = path;
    this.name = path.toString();
    this.format = format == null ? BatchFormat.of(path) : format;
    this.defaultWorkspace = defaultWorkspace;
    this.defaultProject = defaultProject;
  }

  public Path path() {
    return path;
  }

  /**
   * Reads the whole file and checks every run: fields, values, duplicates, syntax.
   *
   * @throws BatchFileException listing every problem (file:line: message)
   */
  public Summary check() {
    if (Files.isDirectory(path)) {
      throw new BatchFileException(new BatchProblem(name, 0, "is a directory; give the batch file itself"));
    }
    if (!Files.isRegularFile(path)) {
      throw new BatchFileException(new BatchProblem(name, 0, "no such file"));
    }
    List<BatchProblem> problems = new ArrayList<>();
    int[] total = {0};
    int runs = 0;
    KeyIndex keys = new KeyIndex();
    try (BatchSource source = format.open(path)) {
      if (source instanceof CsvBatchSource csv) {
        report(csv.headerProblems(), problems, total);
      }
      ItemParser parser = parser(source, problems, total);
      RawItem raw;
      while ((raw = source.next()) != null) {
        BatchItem item = parser.parse(raw, (line, msg) -> add(problems, total, line, msg));
        if (item == null) {
          continue;
        }
        runs++;
        int first = keys.putIfAbsent(item.key(), item.line());
        if (first != 0) {
          add(problems, total, item.line(), item.key().startsWith("r") && item.key().length() == 13
              ? "duplicate run: the same run as line " + first + " (give each a distinct 'key' to start it twice)"
              : "duplicate run: key '" + item.key() + "' is already used on line " + first);
        }
      }
    } catch (BatchSyntaxError e) {
      add(problems, total, e.line(), e.getMessage());
    }
    if (total[0] == 0 && runs == 0) {
      add(problems, total, 0, "no runs in the file");
    }
    if (total[0] > 0) {
      throw new BatchFileException(problems, total[0]);
    }
    return new Summary(runs, sha256(path));
  }

  private ItemParser parser(BatchSource source, List<BatchProblem> problems, int[] total) {
    RawItem defaults = source.defaults();
    if (defaults != null) {
      // The defaults are checked as a run of their own would be, minus the required fields.
      report(defaults, problems, total);
      if (defaults.fields().containsKey("key")) {
        add(problems, total, defaults.fields().get("key").line(), "'key' cannot be a default: each run needs its own");
      }
    }
    ItemParser parser = new ItemParser(defaults, defaultWorkspace, defaultProject);
    parser.checkDefaults((line, msg) -> add(problems, total, line, msg));
    return parser;
  }

  private void report(RawItem raw, List<BatchProblem> problems, int[] total) {
    for (int i = 0; i < raw.problems().size(); i++) {
      add(problems, total, raw.problemLines().get(i), raw.problems().get(i));
    }
  }

  private void add(List<BatchProblem> problems, int[] total, int line, String message) {
    total[0]++;
    if (problems.size() < MAX_LISTED_PROBLEMS) {
      problems.add(new BatchProblem(name, line, message));
    }
  }

  /** Streams the runs (call {@link #check()} first). Close the iterator when done. */
  public Items items() {
    return new Items(format.open(path));
  }

  /** A closeable stream of runs, read lazily from the file. */
  public final class Items implements Iterator<BatchItem>, AutoCloseable {
    private final BatchSource source;
    private final ItemParser parser;
    private BatchItem next;

    private Items(BatchSource source) {
      this.source = source;
      this.parser = new ItemParser(source.defaults(), defaultWorkspace, defaultProject);
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        RawItem raw = source.next();
        if (raw == null) {
          return false;
        }
        List<String> found = new ArrayList<>();
        next = parser.parse(raw, (line, msg) -> found.add(name + ":" + line + ": " + msg));
        if (next == null) {
          // check() passed, so the file changed under us: stop rather than guess.
          throw new BatchFileException(new BatchProblem(name, raw.line(), "changed while the batch ran: " + found));
        }
      }
      return true;
    }

    @Override
    public BatchItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      BatchItem out = next;
      next = null;
      return out;
    }

    @Override
    public void close() {
      source.close();
    }
  }

  /** SHA-256 of the file's bytes, hex: what the journal records and resume compares. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
