package org.buddy4j.batch.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.buddy4j.batch.engine.BatchEngine;
import org.buddy4j.batch.engine.Duplicate;
import org.buddy4j.batch.engine.QuotaGovernor;
import org.buddy4j.batch.engine.ResultLog;
import org.buddy4j.batch.engine.RunCounters;

/**
 * The end of a batch: the summary table on stdout, the JSON report ({@code --report FILE}, with
 * every run streamed from the result log), and the exit code — 0 all succeeded, 1 some failed or
 * were not started, 3 some outcome unknown, 4 a run was found started twice (cancelled or not; that wins:
 * someone has to look).
 */
public final class BatchSummary {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final BatchEngine.Result result;
  private final String batchId;
  private final String file;
  private final Path journal;
  private final long peakHeap;
  private final long peakLive;
  private final List<ResultLog.Problem> problems;

  public BatchSummary(BatchEngine.Result result, String batchId, String file, Path journal, long peakHeap,
                      List<ResultLog.Problem> problems) {
    this.result = result;
    this.batchId = batchId;
    this.file = file;
    this.journal = journal;
    this.peakHeap = peakHeap;
    this.peakLive = HeapWatch.peakLiveBytes();
    this.problems = problems;
  }

  /** 0, 1, 3 or 4 (see the class comment). */
  public int exitCode() {
    RunCounters c = result.counters();
    if (!result.duplicates().isEmpty()) {
      return 4;
    }
    if (c.unknown > 0) {
      return 3;
    }
    if (c.failed > 0 || c.notStarted > 0 || result.abortReason() != null) {
      return 1;
    }
    return 0;
  }

  public void printTable(PrintStream out) {
    RunCounters c = result.counters();
    QuotaGovernor g = result.governor();
    double seconds = result.elapsed().toMillis() / 1000.0;
    out.printf(Locale.ROOT, "Batch %s  %s  (%d runs, %.1f s)%n", batchId, file, c.total, seconds);
    row(out, "succeeded", c.succeeded);
    row(out, "failed", c.failed);
    row(out, "unknown", c.unknown);
    if (c.notStarted > 0) {
      row(out, "not started", c.notStarted);
    }
    int submittedOnly = c.done - c.succeeded - c.failed - c.unknown - c.notStarted;
    if (submittedOnly > 0) {
      row(out, "started, not waited for", submittedOnly);
    }
    if (c.alreadyDone > 0) {
      row(out, "(of which done before this resume)", c.alreadyDone);
    }
    if (c.reconciled + c.resent > 0) {
      out.printf(Locale.ROOT, "  lost answers: %d run(s) found again by marker, %d proven not started and sent once%n",
          c.reconciled, c.resent);
    }
    for (Duplicate d : result.duplicates()) {
      out.printf(Locale.ROOT, "  STARTED TWICE: %s  #%d %s (kept #%d)%s%n", d.key(), d.executionId(),
          d.cancelled() ? "cancelled" : "NOT cancelled", d.keptId(), d.status() != null ? ", " + d.status() : "");
      out.println("      " + d.message());
    }
    String limit = g.limit() > 0 ? String.format(Locale.ROOT, "; rate limit %d per %.0f s", g.limit(), g.windowSeconds()) : "";
    out.printf(Locale.ROOT, "  %d starts at %.1f/s, %d requests in all, %d answered 429%s%n", c.posts, c.achievedRate(),
        c.requests, c.rateLimited, limit);
    out.printf(Locale.ROOT, "  peak heap %.1f MB in use, %.1f MB live after GC (max %.0f MB)%n", peakHeap / 1048576.0,
        peakLive / 1048576.0, HeapWatch.maxBytes() / 1048576.0);
    if (!problems.isEmpty()) {
      out.println("  not succeeded:");
      for (ResultLog.Problem p : problems) {
        out.printf(Locale.ROOT, "    %s:%d  %-10s %s%s%s%n", file, p.line(), p.outcome(), p.pipeline(),
            p.executionId() > 0 ? " #" + p.executionId() : "", p.status() != null ? " " + p.status() : "");
        if (p.message() != null) {
          out.println("      " + p.message());
        }
      }
      int more = c.failed + c.unknown + c.notStarted - problems.size();
      if (more > 0) {
        out.println("    … and " + more + " more (see --report)");
      }
    }
    if (result.abortReason() != null) {
      out.println("  stopped: " + result.abortReason());
    }
    if (c.unknown > 0 || c.notStarted > 0 || result.abortReason() != null) {
      out.println("  journal: " + journal + " (after checking, finish with: buddy batch " + file + " --resume " + journal + ")");
    } else {
      out.println("  journal: " + journal);
    }
    out.flush();
  }

  private static void row(PrintStream out, String label, int n) {
    out.printf(Locale.ROOT, "  %-34s %7d%n", label, n);
  }

  /** Writes the JSON report, streaming each run from the result log. */
  public void writeReport(Path report, Path resultLog) {
    RunCounters c = result.counters();
    QuotaGovernor g = result.governor();
    try (JsonGenerator gen = JSON.getFactory().createGenerator(Files.newOutputStream(report), JsonEncoding.UTF8);
         BufferedReader runs = Files.newBufferedReader(resultLog, StandardCharsets.UTF_8)) {
      gen.useDefaultPrettyPrinter();
      gen.writeStartObject();
      gen.writeStringField("batch", batchId);
      gen.writeStringField("file", file);
      gen.writeStringField("journal", journal.toString());
      gen.writeStringField("started", result.started().toString());
      gen.writeStringField("finished", result.finished().toString());
      gen.writeNumberField("seconds", result.elapsed().toMillis() / 1000.0);
      gen.writeNumberField("exit_code", exitCode());
      if (result.abortReason() != null) {
        gen.writeStringField("stopped", result.abortReason());
      }
      gen.writeObjectFieldStart("totals");
      gen.writeNumberField("runs", c.total);
      gen.writeNumberField("succeeded", c.succeeded);
      gen.writeNumberField("failed", c.failed);
      gen.writeNumberField("unknown", c.unknown);
      gen.writeNumberField("not_started", c.notStarted);
      gen.writeNumberField("submitted", c.submitted);
      gen.writeNumberField("done_before_resume", c.alreadyDone);
      gen.writeNumberField("reconciled", c.reconciled);
      gen.writeNumberField("resent_after_reconciliation", c.resent);
      gen.writeNumberField("duplicates_cancelled", result.duplicates().stream().filter(Duplicate::cancelled).count());
      gen.writeNumberField("duplicates_not_cancelled", result.duplicates().stream().filter(d -> !d.cancelled()).count());
      gen.writeEndObject();
      gen.writeArrayFieldStart("duplicates");
      for (Duplicate d : result.duplicates()) {
        gen.writeStartObject();
        gen.writeStringField("key", d.key());
        gen.writeStringField("marker", d.marker());
        gen.writeNumberField("execution_id", d.executionId());
        gen.writeNumberField("kept_execution_id", d.keptId());
        gen.writeBooleanField("cancelled", d.cancelled());
        gen.writeStringField("status", d.status());
        gen.writeStringField("message", d.message());
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeObjectFieldStart("requests");
      gen.writeNumberField("total", c.requests);
      gen.writeNumberField("run_posts_answered", c.posts);
      gen.writeNumberField("rate_limited_429", c.rateLimited);
      gen.writeNumberField("submissions_per_second", round(c.achievedRate()));
      gen.writeNumberField("rate_limit", g.limit());
      gen.writeNumberField("rate_limit_window_seconds", round(g.windowSeconds()));
      gen.writeNumberField("limiter_holds", g.holds());
      gen.writeEndObject();
      gen.writeObjectFieldStart("memory");
      gen.writeNumberField("peak_heap_bytes", peakHeap);
      gen.writeNumberField("peak_live_heap_bytes", peakLive);
      gen.writeNumberField("max_heap_bytes", HeapWatch.maxBytes());
      gen.writeEndObject();
      gen.writeArrayFieldStart("runs");
      String line;
      while ((line = runs.readLine()) != null) {
        if (!line.isBlank()) {
          gen.writeTree(JSON.readTree(line));
        }
      }
      gen.writeEndArray();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + report, e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
