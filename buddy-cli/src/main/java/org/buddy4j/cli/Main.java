package org.buddy4j.cli;

/** {@code java -jar buddy.jar …}: the {@code buddy} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Picocli looks for groovy.lang.Closure (annotation values written as closures) unless told not to;
    // finding it on our classpath costs a third of a second of Groovy start-up in every command.
    System.setProperty("picocli.disable.closures", "true");
    int code = BuddyCli.run(args, System.getenv(), System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }
}
