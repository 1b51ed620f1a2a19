package org.buddy4j.batch.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.batch.file.BatchItem;

/**
 * Each run's result, one JSON line per run, written to a file as runs settle (so a 100,000-run batch
 * does not hold its results in memory); the report streams it back. The first few problem runs are
 * also kept for the summary printed at the end.
 */
public final class ResultLog implements Closeable {
  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int KEPT_PROBLEMS = 20;

  /** A run that did not succeed, for the summary. */
  public record Problem(String key, int line, String pipeline, int executionId, Outcome outcome, String status, String message) {}

  private final Path path;
  private final BufferedWriter out;
  private final List<Problem> problems = new ArrayList<>();

  public ResultLog(Path path) {
    this.path = path;
    try {
      this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Writes one run's result (called on the journal's worker thread, in order). */
  synchronized void record(BatchItem item, int executionId, Outcome outcome, String status, String message) {
    ObjectNode n = JSON.createObjectNode().put("key", item.key()).put("line", item.line())
        .put("workspace", item.workspace()).put("project", item.project()).put("pipeline", item.pipeline())
        .put("ref", item.refText()).put("outcome", outcome.name());
    if (executionId > 0) {
      n.put("execution_id", executionId);
    }
    if (status != null) {
      n.put("status", status);
    }
    if (message != null) {
      n.put("message", message);
    }
    try {
      out.write(JSON.writeValueAsString(n));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    if (outcome != Outcome.SUCCEEDED && outcome != Outcome.SUBMITTED && problems.size() < KEPT_PROBLEMS) {
      problems.add(new Problem(item.key(), item.line(), item.pipelineRef().toString(), executionId, outcome, status, message));
    }
  }

  public synchronized List<Problem> problems() {
    return List.copyOf(problems);
  }

  public Path path() {
    return path;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
