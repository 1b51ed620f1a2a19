package org.buddy4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.buddy4j.batch.BatchRun;
import org.buddy4j.batch.file.BatchFormat;
import org.buddy4j.core.LogLevel;
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
 * The batch itself is buddy-batch's {@link BatchRun}; this command reads the flags, opens the session,
 * shows progress and the summary, and maps the outcome to an exit code.
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
    if (resume == null && file == null) {
      throw new UsageException("buddy batch: give the batch FILE (or --resume JOURNAL)");
    }
    Session.Settings settings = root.settings();
    BatchRun.Builder batch = BatchRun.builder().file(file).resume(resume).format(inputFormat)
        .defaults(settings.effectiveWorkspace(), settings.effectiveProject());
    if (dryRun) {
      return dryRun(ctx, batch);
    }
    if (journalPath != null && resume == null) {
      InputFiles.requireCreatable(journalPath, "--journal");
    }
    ProgressDisplay display = new ProgressDisplay(ctx.err(), progressMode(ctx), terminalWidth(ctx));
    batch.journal(journalPath).report(report).progress(display).concurrency(concurrency).rate(rate).waitForRuns(waitForRuns)
        .pollInterval(pollInterval).settle(settle).doubtMargin(doubtMargin).lateStartWatch(lateStartWatch).workers(workers);
    try (BatchRun run = batch.check()) {
      return run(root, ctx, settings, display, run);
    }
  }

  /** Each request the batch would send, as core builds it: {@code POST /workspaces/…/executions {…}  # FILE:LINE}. */
  private int dryRun(CliContext ctx, BatchRun.Builder batch) {
    int runs = batch.dryRun(start -> ctx.out().println(start.method() + " " + start.path() + " " + start.body()
        + "  # " + start.file() + ":" + start.item().line()));
    ctx.out().println("dry run: " + runs + " run(s) would be started; nothing was sent");
    return ExitCode.OK;
  }

  private int run(BuddyCommand root, CliContext ctx, Session.Settings settings, ProgressDisplay display, BatchRun run) {
    if (root.global.logLevel() != LogLevel.NONE) {
      Verbosity.enableHttpLogging();
    }
    run.begin();
    Path journalFile = run.journal();
    if (display.mode() != ProgressDisplay.Mode.NONE) {
      ctx.err().println("batch " + run.batchId() + ": " + run.runs() + " run(s) from " + run.file() + (run.resuming()
          ? ", resuming " + journalFile + " (" + run.knownRuns() + " run(s) recorded)" : "") + "; journal " + journalFile);
    }
    try (Session session = Session.open(ctx, settingsWith(settings, run.workspace(), run.project()), true, requestTimeout)) {
      // Ctrl-C: the journal is already safe (each intent is on disk before its POST); say how to go on.
      Thread hint = new Thread(() -> ctx.err().println("\nbuddy: interrupted; finish the batch with: buddy batch --resume "
          + journalFile), "buddy-interrupt-hint");
      Runtime.getRuntime().addShutdownHook(hint);
      BatchRun.Result result = run.run(session.client());
      try {
        Runtime.getRuntime().removeShutdownHook(hint);
      } catch (IllegalStateException shuttingDown) {
        // already exiting
      }
      result.summary().printTable(ctx.out());
      return result.exitCode();
    }
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
}
