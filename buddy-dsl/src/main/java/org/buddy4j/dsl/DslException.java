package org.buddy4j.dsl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mistake in a Buddy script (syntax, an unknown word, a missing field, a wrong value): one clean
 * message per problem, {@code file:line[:col]: message}, and no request was sent for it. The CLI prints
 * {@link #getMessage()} and exits with 2; no stack trace is meant to be shown.
 */
public final class DslException extends RuntimeException {
  private final List<DslProblem> problems;

  public DslException(List<DslProblem> problems) {
    super(problems.stream().map(DslProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** A problem whose place is not known yet; {@link BuddyScripts} adds the script's file and line. */
  public DslException(String message) {
    this(List.of(new DslProblem("", 0, 0, message)));
  }

  /** Every problem, in the order found. */
  public List<DslProblem> problems() {
    return problems;
  }

  /** Whether the place of the (single) problem is still unknown. */
  boolean unplaced() {
    return problems.size() == 1 && problems.get(0).file().isEmpty();
  }
}
