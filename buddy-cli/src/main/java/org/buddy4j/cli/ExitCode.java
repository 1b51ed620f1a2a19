package org.buddy4j.cli;

/** The {@code buddy} command's exit codes. */
public final class ExitCode {
  /** Everything succeeded. */
  public static final int OK = 0;
  /** Something failed: a run, a request Buddy refused, a batch with failed runs. */
  public static final int FAILED = 1;
  /** A mistake in the command line or an input file; nothing was sent. */
  public static final int USAGE = 2;
  /** A batch has runs whose outcome is unknown: check them in Buddy before going on. */
  public static final int UNKNOWN = 3;
  /** A batch found a run started twice (a late start after a re-send): the second was cancelled or must be. */
  public static final int DUPLICATE = 4;
  /** {@code buddy plan}: the plan has changes to apply (4, like a batch's duplicate: each command has its own 4). */
  public static final int CHANGES_PENDING = 4;

  private ExitCode() {}
}
