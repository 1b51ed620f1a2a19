package org.buddy4j.cli;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.LogLevel;
import org.buddy4j.core.Redactor;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchFormat;
import org.buddy4j.batch.file.BatchItem;
import org.buddy4j.batch.engine.BatchEngine;
import org.buddy4j.batch.engine.ResultLog;
import org.buddy4j.batch.engine.RunMarker;
import org.buddy4j.batch.journal.Journal;
import org.buddy4j.batch.journal.JournalException;
import org.buddy4j.batch.journal.JournalHeader;
import org.buddy4j.batch.journal.JournalLock;
import org.buddy4j.batch.journal.JournalReplay;
import org.buddy4j.batch.report.BatchSummary;
import org.buddy4j.batch.report.HeapWatch;
import org.buddy4j.batch.report.ProgressDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buddy batch FILE}: starts every run a batch file lists
 * ({@code POST …/pipelines/{pipeline_id}/executions}), paced by Buddy's rate limit, each exactly once
 * (write-ahead journal, marker in the comment, reconciliation), optionally waiting for each to finish.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = BatchFieldsHelp.class,
    description = {
        "Start many pipeline runs from a batch file (YAML, CSV or JSON lines), each exactly once.",
        "",
        "Every line of the file is checked before anything is sent. Starts are paced by Buddy's",
        "X-Rate-Limit-* headers; each run's comment gets a marker [buddy4j:<batch>:<key>]; a journal",
        "records each start before it is sent, so an interrupted batch resumes with --resume JOURNAL",
        "without starting anything twice.",
        "",
        BatchFieldsHelp.PLACEHOLDER},
    footer = {"", "Exit codes: 0 all succeeded, 1 some failed, 2 bad usage or input (nothing sent), 3 some outcome unknown,",
        "4 a run was found started twice (the second cancelled if still running; see the summary)."})
final class BatchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "The batch file (.yaml/.yml, .csv, .jsonl/.ndjson); optional with --resume.")
  Path file;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "10", paramLabel = "N",
      description = "Runs in flight at once (started and not over) (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--rate", paramLabel = "PER_SECOND",
      description = "At most this many starts per second (default: as fast as the rate limit allows).")
  Double rate;

  @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Wait for each run to finish (default); --no-wait only starts them.")
  boolean waitForRuns;

  @Option(names = "--dry-run", description = "Check the file and print every request it would send; send none.")
  boolean dryRun;

  @Option(names = "--resume", paramLabel = "JOURNAL",
      description = "Finish an interrupted batch: skip finished runs, poll started ones, reconcile the rest.")
  Path resume;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "Where to write the journal (default: buddy-batch-<id>.journal.jsonl in the current directory).")
  Path journalPath;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of every run here.")
  Path report;

  @Option(names = "--input-format", paramLabel = "FORMAT", description = "yaml, csv or jsonl (default: from the file name).")
  BatchFormat inputFormat;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
      description = "auto, bar, plain or none (default: bar on a terminal, plain lines otherwise).")
  String progress;

  @Option(names = "--poll-interval", hidden = true, defaultValue = "3s", converter = DurationConverter.class)
  Duration pollInterval;

  @Option(names = "--request-timeout", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
      description = {"How long each request waits for Buddy's answer (default: ${DEFAULT-VALUE}). A start whose answer",
          "was lost counts as not started only once this (plus 5 s) has passed since it was sent."})
  Duration requestTimeout;

  @Option(names = "--settle", hidden = true, defaultValue = "2s", converter = DurationConverter.class,
      description = "How long after a lost answer to list executions for its marker.")
  Duration settle;

  @Option(names = "--doubt-margin", hidden = true, defaultValue = "5s", converter = DurationConverter.class,
      description = "Added to --request-timeout before a lost start counts as absent (journaling and sending take time).")
  Duration doubtMargin;

  @Option(names = "--late-start-watch", defaultValue = "0s", converter = DurationConverter.class, paramLabel = "DURATION",
      description = {"After a run is sent again because its first start was lost and not found in time, keep looking",
          "this long for a late start of the first one, even once the run is over (default: while the run is watched)."})
  Duration lateStartWatch;

  @Option(names = "--workers", hidden = true, defaultValue = "16")
  int workers;

  /** Held from before the journal is created or read back until the batch ends. */
  private JournalLock lock;

  @Override
  public Integer call() {
    BuddyCommand root = BuddyCommand.root(spec);
    CliContext ctx = root.context;
    if (concurrency < 1) {
      throw new UsageException("--concurrency must be at least 1");
    }
    if (rate != null && rate <= 0) {
      throw new UsageException("--rate must be more than 0");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new UsageException("--request-timeout must be more than 0");
    }
    if (resume != null && !dryRun) {
      if (!Files.isRegularFile(resume)) {
        throw new JournalException("no journal at " + resume);
      }
      // One runner per journal: lock it before reading it back, so what is read is what this runner owns.
      lock = JournalLock.acquire(resume);
    }
    try {
      return checkAndRun(root, ctx);
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  private int checkAndRun(BuddyCommand root, CliContext ctx) {
    Session.Settings settings = root.settings();
    JournalReplay replay = null;
    String workspace = settings.effectiveWorkspace();
    String project = settings.effectiveProject();
    BatchFormat format = inputFormat;
    if (resume != null) {
      replay = JournalReplay.read(resume);
      JournalHeader h = replay.header();
      if (file == null) {
        file = Path.of(h.file());
      }
      // The runs must be read exactly as when the journal began: same defaults, same format.
      workspace = h.workspace();
      project = h.project();
      format = h.format() == null ? format : BatchFormat.valueOf(h.format());
    } else if (file == null) {
      throw new UsageException("buddy batch: give the batch FILE (or --resume JOURNAL)");
    }
    BatchFile batch = new BatchFile(file, format, workspace, project);
    BatchFile.Summary summary = batch.check();
    if (replay != null && !replay.header().sha256().equals(summary.sha256())) {
      throw new JournalException(file + " changed since the journal " + resume + " began (SHA-256 "
          + abbrev(replay.header().sha256()) + " then, " + abbrev(summary.sha256()) + " now); a resume needs the same"
          + " file. Restore it, or start a new batch without --resume.");
    }
    if (dryRun) {
      return dryRun(ctx, batch, summary);
    }
    return run(root, ctx, settings, batch, summary, replay, format == null ? BatchFormat.of(file) : format, workspace, project);
  }

  private int dryRun(CliContext ctx, BatchFile batch, BatchFile.Summary summary) {
    String batchId = "dry-run";
    try (BatchFile.Items items = batch.items()) {
      while (items.hasNext()) {
        BatchItem item = items.next();
        var body = item.toRunOptions(RunMarker.of(batchId, item.key()).text()).toRequest();
        // One redactor per run: it needs only this run's secrets, and one for the whole batch would
        // scan every earlier run's (up to its cap) in each line.
        Redactor redactor = Redactor.standard();
        redactor.addSecretsOf(body);
        String json;
        try {
          json = redactor.redactJson(BuddyJson.mapper().writeValueAsString(body));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        ctx.out().println("POST /workspaces/" + item.workspace() + "/projects/" + item.project() + "/pipelines/"
            + item.pipeline() + "/executions " + json + "  # " + file + ":" + item.line());
      }
    }
    ctx.out().println("dry run: " + summary.runs() + " run(s) would be started; nothing was sent");
    return ExitCode.OK;
  }

  private int run(BuddyCommand root, CliContext ctx, Session.Settings settings, BatchFile batch, BatchFile.Summary summary,
                  JournalReplay replay, BatchFormat format, String workspace, String project) {
    if (root.global.logLevel() != LogLevel.NONE) {
      Verbosity.enableHttpLogging();
    }
    HeapWatch.start();
    Journal journal;
    String batchId;
    Path journalFile;
    if (replay != null) {
      batchId = replay.header().batchId();
      journalFile = resume;
      journal = Journal.reopen(resume);
      journal.resumed();
    } else {
      batchId = newBatchId();
      journalFile = journalPath != null ? journalPath : Path.of("buddy-batch-" + batchId + ".journal.jsonl");
      InputFiles.requireCreatable(journalFile, "--journal");
      lock = JournalLock.acquire(journalFile);
      try {
        journal = Journal.create(journalFile, new JournalHeader(batchId, file.toAbsolutePath().normalize().toString(), summary.sha256(),
            summary.runs(), format.name(), workspace, project, Instant.now()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    Path resultFile;
    try {
      resultFile = Files.createTempFile("buddy-batch-" + batchId + "-", ".results.jsonl");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProgressDisplay display = new ProgressDisplay(ctx.err(), progressMode(ctx), terminalWidth(ctx));
    if (display.mode() != ProgressDisplay.Mode.NONE) {
      ctx.err().println("batch " + batchId + ": " + summary.runs() + " run(s) from " + file + (replay != null
          ? ", resuming " + journalFile + " (" + replay.knownRuns() + " run(s) recorded)" : "") + "; journal " + journalFile);
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
    try (Session session = Session.open(ctx, settingsWith(settings, workspace, project), true, requestTimeout);
         ResultLog results = new ResultLog(resultFile)) {
      BatchEngine engine = new BatchEngine(vertx, session.client(),
          new BatchEngine.Settings(concurrency, waitForRuns, pollInterval, settle, rate, workers, doubtMargin, lateStartWatch,
              java.time.Clock.systemUTC()),
          batch, summary.runs(), batchId, journal, replay, results);
      // Ctrl-C: the journal is already safe (each intent is on disk before its POST); say how to go on.
      Path resumeWith = journalFile;
      Thread hint = new Thread(() -> ctx.err().println("\nbuddy: interrupted; finish the batch with: buddy batch --resume "
          + resumeWith), "buddy-interrupt-hint");
      Runtime.getRuntime().addShutdownHook(hint);
      var done = engine.start();
      engine.context().runOnContext(v -> {
        long timer = vertx.setPeriodic(display.intervalMillis(), id -> display.update(engine.counters(), engine.governor()));
        done.onComplete(ar -> vertx.cancelTimer(timer));
      });
      BatchEngine.Result result = done.await();
      try {
        Runtime.getRuntime().removeShutdownHook(hint);
      } catch (IllegalStateException shuttingDown) {
        // already exiting
      }
      long peak = HeapWatch.peakUsedBytes();
      engine.context().runOnContext(v -> display.finish(engine.counters(), engine.governor()));
      results.close();
      BatchSummary out = new BatchSummary(result, batchId, file.toString(), journalFile, peak, results.problems());
      waitForDisplay(vertx, engine);
      out.printTable(ctx.out());
      if (report != null) {
        out.writeReport(report, resultFile);
      }
      return out.exitCode();
    } finally {
      journal.close();
      vertx.close().await();
      try {
        Files.deleteIfExists(resultFile);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  private static void waitForDisplay(Vertx vertx, BatchEngine engine) {
    // Let the final progress line land before the summary.
    io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
    engine.context().runOnContext(v -> p.complete());
    p.future().await();
  }

  private static Session.Settings settingsWith(Session.Settings s, String workspace, String project) {
    return new Session.Settings(s.token(), s.endpoint(), workspace, project, s.logLevel());
  }

  private ProgressDisplay.Mode progressMode(CliContext ctx) {
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "bar" -> ProgressDisplay.Mode.BAR;
      case "plain" -> ProgressDisplay.Mode.PLAIN;
      case "none" -> ProgressDisplay.Mode.NONE;
      case "auto" -> System.console() != null && !"dumb".equals(ctx.env("TERM"))
          ? ProgressDisplay.Mode.BAR : ProgressDisplay.Mode.PLAIN;
      default -> throw new UsageException("--progress: '" + progress + "' is not one of auto, bar, plain, none");
    };
  }

  /** $COLUMNS, else what {@code stty size} says about the controlling terminal, else 100. */
  private static int terminalWidth(CliContext ctx) {
    String columns = ctx.env("COLUMNS");
    if (columns != null) {
      try {
        return Integer.parseInt(columns);
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    if (System.console() != null) {
      try {
        Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
          return Integer.parseInt(out.split(" ")[1]);
        }
      } catch (IOException | InterruptedException | RuntimeException ignored) {
        // no terminal size: the default will do
      }
    }
    return 100;
  }

  private static String newBatchId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }
}
