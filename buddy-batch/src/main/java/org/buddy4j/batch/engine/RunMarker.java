package org.buddy4j.batch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker {@code [buddy4j:<batch-id>:<key>]} the runner appends to each run's comment: how a run whose
 * start answer was lost is found again among the pipeline's executions. Built and found only here.
 */
public final class RunMarker {
  private static final String PREFIX = "[buddy4j:";
  private static final Pattern PATTERN = Pattern.compile("\\[buddy4j:[^\\]\\s]+\\]");

  /** Built once: it is compared against every listed execution's comment. */
  private final String text;

  private RunMarker(String batchId, String key) {
    this.text = PREFIX + Objects.requireNonNull(batchId, "batchId") + ":" + Objects.requireNonNull(key, "key") + "]";
  }

  /** The marker of run {@code key} in batch {@code batchId}. */
  public static RunMarker of(String batchId, String key) {
    return new RunMarker(batchId, key);
  }

  /** The marker as it stands in a comment. */
  public String text() {
    return text;
  }

  /** Whether {@code comment} carries this marker (anywhere in it). */
  public boolean in(String comment) {
    return comment != null && comment.contains(text());
  }

  /** The text of every marker in {@code comment}, in order; none for a null comment or one without markers. */
  public static List<String> find(String comment) {
    if (comment == null || !comment.contains(PREFIX)) {
      return List.of(); // most comments: skip the regex
    }
    List<String> found = new ArrayList<>();
    Matcher m = PATTERN.matcher(comment);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunMarker m && m.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
