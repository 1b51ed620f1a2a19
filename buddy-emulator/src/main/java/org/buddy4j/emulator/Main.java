package org.buddy4j.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar buddy-emulator.jar [--host 127.0.0.1] [--port 8080] [--seed file.json|yaml]
 * [--clock-speed 1] [--random-seed 42] [--request-log 10000] [--run-history 10000]}: runs the emulated Buddy API until interrupted.
 */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) throws InterruptedException {
    EmulatorOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("buddy-emulator: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(usage());
      return;
    }
    BuddyEmulator emulator = BuddyEmulator.start(options);
    System.out.println("Buddy emulator listening on " + emulator.baseUrl() + " (token " + emulator.token()
      + ", admin API under " + emulator.baseUrl() + "/__emulator)");
    emulator.serveUntilShutdown();
  }

  /** The options an argument list asks for; null for --help; IllegalArgumentException for a mistake. */
  static EmulatorOptions parse(String[] args) {
    EmulatorOptions options = EmulatorOptions.defaults().port(8080);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port":
          options.port(number(value(args, ++i, arg), arg));
          break;
        case "--host":
          options.host(value(args, ++i, arg));
          break;
        case "--seed": {
          Path seed = Path.of(value(args, ++i, arg));
          if (!Files.isReadable(seed)) {
            throw new IllegalArgumentException("Cannot read seed file " + seed);
          }
          options.seedFile(seed);
          break;
        }
        case "--clock-speed":
          try {
            options.clockSpeed(Double.parseDouble(value(args, ++i, arg)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--clock-speed needs a number, got '" + args[i] + "'");
          }
          break;
        case "--random-seed":
          options.randomSeed(number(value(args, ++i, arg), arg));
          break;
        case "--request-log":
          options.requestLogCapacity(atLeast(number(value(args, ++i, arg), arg), 0, arg));
          break;
        case "--run-history":
          options.runHistoryCapacity(atLeast(number(value(args, ++i, arg), arg), 1, arg));
          break;
        case "-h":
        case "--help":
          return null;
        default:
          throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    return options;
  }

  private static int number(String text, String option) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
    }
  }

  private static int atLeast(int n, int min, String option) {
    if (n < min) {
      throw new IllegalArgumentException(option + " needs a whole number of at least " + min + ", got " + n);
    }
    return n;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  static String usage() {
    return "usage: java -jar buddy-emulator.jar [--host 127.0.0.1] [--port 8080] [--seed seed.json|seed.yaml]"
      + " [--clock-speed 1] [--random-seed 42] [--request-log 10000] [--run-history 10000]";
  }
}
