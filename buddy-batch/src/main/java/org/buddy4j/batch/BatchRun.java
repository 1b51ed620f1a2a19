package org.buddy4j.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.buddy4j.batch.engine.BatchEngine;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchFileException;
import org.buddy4j.batch.file.BatchFormat;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.journal.JournalException;
import org.buddy4j.batch.journal.JournalHeader;
import org.buddy4j.batch.journal.JournalLock;
import org.buddy4j.batch.report.BatchSummary;
import org.buddy4j.batch.report.ProgressListener;
import org.buddy4j.core.BuddyClient;

/**
 * Runs a batch file with a {@link BuddyClient}: every run it lists is started exactly once with
 * {@code POST /workspaces/{w}/projects/{p}/pipelines/{pipeline_id}/executions}, paced by Buddy's rate
 * limit, and (by default) watched until it is over. A write-ahead journal records each start before it is
 * sent, so an interrupted batch resumes from it ({@link Builder#resume}) without starting anything twice.
 *
 * <pre>{@code
 * BuddyClient client = BuddyClient.builder().token(token)
 *     .rateLimitPolicy(RateLimitPolicy.failFast()) // the engine paces itself and wants 429s back
 *     .readTimeout(Duration.ofSeconds(60))         // the request timeout: a lost start is in doubt this long
 *     .build();
 * try (BatchRun batch = BatchRun.builder().file(Path.of("runs.yaml")).defaults("acme", "web")
 *     .concurrency(20).journal(Path.of("runs.journal.jsonl")).check()) {
 *   BatchRun.Result result = batch.run(client);
 *   System.exit(result.exitCode());
 * }
 * }</pre>
 *
 * <p>{@link Builder#check()} reads every line before anything is sent ({@link BatchFileException} names the
 * bad ones); {@link #run} creates (or reopens and locks) the journal, runs the engine on its own Vert.x.
 */
public final class BatchRun implements AutoCloseable {
  private final Builder settings;
  private final BatchCheck checked;
  private JournalLock lock;
  private String batchId;
  private Path journalPath;
  private Journal journal;
  private boolean ran;

  /** What starting one run would send (a dry run): core's method, path and body, secrets masked. */
  public record PlannedStart(Path file, BatchItem item, String method, String path, String body) {
    /** The request line only: the item holds the run's secrets unmasked. */
    @Override
    public String toString() {
      return method + " " + path + " " + body;
    }
  }

  /** What a batch did: its summary (table, report, totals) and exit code, and the engine's own result. */
  public record Result(String batchId, Path journal, BatchEngine.Result engine, BatchSummary summary) {
    /** 0 all succeeded, 1 some failed or not started, 3 some outcome unknown, 4 a run was started twice. */
    public int exitCode() {
      return summary.exitCode();
    }
  }

  private BatchRun(Builder settings, BatchCheck checked, JournalLock lock) {
    this.settings = settings;
    this.checked = checked;
    this.lock = lock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The batch file (on resume: the one the journal names, unless another was given). */
  public Path file() {
    return checked.file();
  }

  /** How many runs the file lists. */
  public int runs() {
    return checked.summary().runs();
  }

  /** The workspace runs without their own are read with (on resume: the journal's); likewise {@link #project()}. */
  public String workspace() {
    return checked.workspace();
  }

  public String project() {
    return checked.project();
  }

  /** Whether this batch resumes a journal, and then how many runs it already mentions ({@link #knownRuns()}). */
  public boolean resuming() {
    return checked.replay() != null;
  }

  public int knownRuns() {
    return checked.replay() == null ? 0 : checked.replay().knownRuns();
  }

  /** The batch's ID (its runs' markers carry it); known once {@link #begin()} has run. */
  public String batchId() {
    return batchId;
  }

  /** Where the journal is; known once {@link #begin()} has run. */
  public Path journal() {
    return journalPath;
  }

  /**
   * Creates the journal (locked) or reopens the one resumed; {@link #run} does this itself when it has not
   * been done. Call it first to know {@link #batchId()} and {@link #journal()} before the batch starts.
   *
   * @throws JournalException the journal exists already, or another runner holds it
   */
  public BatchRun begin() {
    if (journal != null) {
      return this;
    }
    if (checked.replay() != null) {
      batchId = checked.replay().header().batchId();
      journalPath = settings.resume;
      journal = Journal.reopen(journalPath);
      journal.resumed();
      return this;
    }
    byte[] id = new byte[4];
    new SecureRandom().nextBytes(id);
    batchId = HexFormat.of().formatHex(id);
    journalPath = settings.journal != null ? settings.journal : Path.of("buddy-batch-" + batchId + ".journal.jsonl");
    lock = JournalLock.acquire(journalPath);
    try {
      journal = Journal.create(journalPath, new JournalHeader(batchId, checked.file().toAbsolutePath().normalize().toString(),
          checked.summary().sha256(), checked.summary().runs(), checked.format().name(), checked.workspace(),
          checked.project(), settings.clock.instant()));
    } catch (IllegalArgumentException e) {
      throw new JournalException(e.getMessage());
    }
    return this;
  }

  /**
   * Starts every run with {@code client} and returns when each is settled (over, or started with
   * {@code waitForRuns(false)}), or the batch stopped (e.g. the token was refused).
   */
  public Result run(BuddyClient client) {
    if (ran) {
      throw new IllegalStateException("a BatchRun runs once; resume its journal with a new one");
    }
    ran = true;
    begin();
    return EngineRun.run(client, settings.engineSettings(), settings.progress, settings.report, checked, batchId,
        journalPath, journal);
  }

  /** Releases the journal's lock (one runner per journal) and closes it if the batch never ran. */
  @Override
  public void close() {
    if (journal != null) {
      journal.close();
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /** How a batch is read and run; {@link #check()} reads it, {@link #dryRun} describes it. */
  public static final class Builder {
    private Path file;
    private Path resume;
    private BatchFormat format;
    private String workspace;
    private String project;
    private Path journal;
    private Path report;
    private int concurrency = 10;
    private Double rate;
    private boolean waitForRuns = true;
    private Duration pollInterval = Duration.ofSeconds(3);
    private Duration settle = Duration.ofSeconds(2);
    private Duration doubtMargin = Duration.ofSeconds(5);
    private Duration lateStartWatch = Duration.ZERO;
    private int workers = 16;
    private Clock clock = Clock.systemUTC();
    private ProgressListener progress;

    private Builder() {}

    /** The batch file (.yaml/.yml, .csv, .jsonl/.ndjson); optional on resume (the journal names it). */
    public Builder file(Path file) {
      this.file = file;
      return this;
    }

    /** Finishes the batch this journal records: finished runs are skipped, started ones polled, the rest reconciled. */
    public Builder resume(Path journal) {
      this.resume = journal;
      return this;
    }

    /** The file's format when its name does not say (on resume: the journal's). */
    public Builder format(BatchFormat format) {
      this.format = format;
      return this;
    }

    /** The workspace and project of runs that name none (on resume: the journal's). */
    public Builder defaults(String workspace, String project) {
      this.workspace = workspace;
      this.project = project;
      return this;
    }

    /** Where to write the journal (default: {@code buddy-batch-<id>.journal.jsonl} in the current directory). */
    public Builder journal(Path journal) {
      this.journal = journal;
      return this;
    }

    /** Write the JSON report of every run here once the batch ends. */
    public Builder report(Path report) {
      this.report = report;
      return this;
    }

    /** Runs in flight at once, started and not over (default 10). */
    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** At most this many starts per second (default null: as fast as the rate limit allows). */
    public Builder rate(Double perSecond) {
      this.rate = perSecond;
      return this;
    }

    /** Whether to watch each run until it is over (default) or only start it. */
    public Builder waitForRuns(boolean wait) {
      this.waitForRuns = wait;
      return this;
    }

    /** How often started runs are polled (default 3 s). */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** How long after a lost answer to list executions for its marker (default 2 s). */
    public Builder settle(Duration settle) {
      this.settle = Objects.requireNonNull(settle);
      return this;
    }

    /** Added to the client's read timeout before a lost start counts as absent (default 5 s). */
    public Builder doubtMargin(Duration margin) {
      this.doubtMargin = Objects.requireNonNull(margin);
      return this;
    }

    /**
     * After a run is sent again because its first start was lost and not found in time, how long to keep
     * looking for a late start of the first one once the run is over (default 0: while the run is watched).
     */
    public Builder lateStartWatch(Duration watch) {
      this.lateStartWatch = Objects.requireNonNull(watch);
      return this;
    }

    /** Worker threads for blocking API calls (default 16). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** The runner's wall clock: intent times in the journal and the in-doubt windows (default UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Told how the batch goes, on the engine's loop, every {@link ProgressListener#intervalMillis()}. */
    public Builder progress(ProgressListener listener) {
      this.progress = listener;
      return this;
    }

    BatchEngine.Settings engineSettings() {
      return new BatchEngine.Settings(concurrency, waitForRuns, pollInterval, settle, rate, workers, doubtMargin,
          lateStartWatch, clock);
    }

    /**
     * Reads the journal (on resume, locked first: what is read is what this runner owns) and checks every
     * line of the batch file; nothing is sent.
     *
     * @throws BatchFileException a line is bad (each named with its file and line)
     * @throws JournalException the journal is missing, damaged or in use, or the file changed since it began
     */
    public BatchRun check() {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1");
      }
      JournalLock held = null;
      if (resume != null) {
        if (!Files.isRegularFile(resume)) {
          throw new JournalException("no journal at " + resume);
        }
        held = JournalLock.acquire(resume);
      }
      try {
        return new BatchRun(this, BatchCheck.read(file, resume, format, workspace, project), held);
      } catch (RuntimeException e) {
        if (held != null) {
          held.close();
        }
        throw e;
      }
    }

    /**
     * Checks the batch as {@link #check()} does and describes each run's start in order, sending nothing.
     *
     * @return how many runs the file lists
     */
    public int dryRun(Consumer<PlannedStart> each) {
      BatchCheck c = BatchCheck.read(file, resume, format, workspace, project);
      DryRun describer = new DryRun("dry-run", c.file());
      try (BatchFile.Items items = c.batch().items()) {
        while (items.hasNext()) {
          each.accept(describer.describe(items.next()));
        }
      }
      return c.summary().runs();
    }
  }
}
