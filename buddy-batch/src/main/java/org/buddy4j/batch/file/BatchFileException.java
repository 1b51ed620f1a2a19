package org.buddy4j.batch.file;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A batch file has mistakes: every one found, each with its line. Nothing was sent. The CLI prints
 * the message (one line per problem) and exits with 2, without a stack trace.
 */
public final class BatchFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<BatchProblem> problems;
  private final int total;

  public BatchFileException(List<BatchProblem> problems, int total) {
    super(describe(problems, total));
    this.problems = List.copyOf(problems);
    this.total = total;
  }

  public BatchFileException(BatchProblem problem) {
    this(List.of(problem), 1);
  }

  private static String describe(List<BatchProblem> problems, int total) {
    String lines = problems.stream().map(BatchProblem::toString).collect(Collectors.joining("\n"));
    return total > problems.size() ? lines + "\n… and " + (total - problems.size()) + " more problem(s)" : lines;
  }

  /** The problems shown (at most the first 50). */
  public List<BatchProblem> problems() {
    return problems;
  }

  /** How many problems there were in all. */
  public int total() {
    return total;
  }
}
