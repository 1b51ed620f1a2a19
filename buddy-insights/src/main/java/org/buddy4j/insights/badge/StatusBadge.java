package org.buddy4j.insights.badge;

import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.insights.unified.Job;

/**
 * A shields-style status badge (label on grey, state in its colour) for the latest run of a pipeline
 * on a branch, found with {@code GET …/pipelines/{pipeline_id}/executions} (newest first, at most
 * {@link #MAX_RUNS_SCANNED} runs). {@link #toSvg()} is a standalone, well-formed SVG with no scripts,
 * links, images or fonts to fetch: serve it as {@code image/svg+xml}.
 */
public record StatusBadge(String label, BadgeState state, Job latestRun) {
  /** How many runs are searched for one on the branch, at most. */
  public static final int MAX_RUNS_SCANNED = 500;

  public StatusBadge {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(state, "state");
  }

  /** The badge of the latest run of {@code pipeline} on {@code branch} (any branch when null); label {@code build}. */
  public static StatusBadge latest(PipelineClient pipeline, String branch) {
    return latest(pipeline, branch, "build");
  }

  /** The badge of the latest run of {@code pipeline} on {@code branch} (any branch when null). */
  public static StatusBadge latest(PipelineClient pipeline, String branch, String label) {
    Job latest = null;
    try (Stream<Job> runs = pipeline.executions(50).limit(MAX_RUNS_SCANNED).map(Job::of)) {
      Iterator<Job> it = runs.iterator();
      while (it.hasNext()) {
        Job j = it.next();
        if (branch == null || branch.equals(j.branch())) {
          latest = j;
          break;
        }
      }
    }
    return new StatusBadge(label, BadgeState.of(latest), latest);
  }

  /** A badge for a known state (no API call). */
  public static StatusBadge of(String label, BadgeState state) {
    return new StatusBadge(label, state, null);
  }

  /** The badge as SVG: 20 px high, width from the text. */
  public String toSvg() {
    return BadgeSvg.render(label, state.text(), state.color(), latestRun == null ? null
        : latestRun.workflowName() + " #" + latestRun.id() + " on " + latestRun.ref() + ": "
            + latestRun.buddyStatus().toLowerCase(Locale.ROOT));
  }
}
