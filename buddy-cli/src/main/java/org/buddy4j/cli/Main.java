package org.buddy4j.cli;

import org.buddy4j.cli.BuddyCli;

/** {@code java -jar buddy.jar …}: the {@code buddy} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = BuddyCli.run(args, System.getenv(), System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }
}
