package org.buddy4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code buddy emulator}: runs the local Buddy API emulator in the foreground until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = {"Run a local Buddy API emulator (admin API under /__emulator) until interrupted.",
        "Point the CLI at it with: BUDDY_API_ENDPOINT=http://127.0.0.1:PORT BUDDY_TOKEN=buddy4j-emulator-token"})
final class EmulatorCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "Port (0 picks a free one; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--seed", paramLabel = "FILE", description = "Seed file (JSON or YAML) instead of the built-in one.")
  Path seed;

  @Option(names = "--clock-speed", paramLabel = "X", description = "Simulated seconds per real second (runs finish X times faster).")
  Double clockSpeed;

  @Option(names = "--rate-limit", paramLabel = "LIMIT/SECONDS", description = "Requests per window, e.g. 100/10.")
  String rateLimit;

  // The two caps that keep a long-running emulator's memory bounded (buddy-emulator/README.md, "Bounded memory").
  @Option(names = "--request-log", paramLabel = "N", defaultValue = "10000",
      description = "Requests the admin API's log keeps, the newest (0 keeps none; default: ${DEFAULT-VALUE}).")
  int requestLog;

  @Option(names = "--run-history", paramLabel = "N", defaultValue = "10000",
      description = {"Runs each pipeline keeps (at least 1; default: ${DEFAULT-VALUE}): starting one past it drops "
          + "the oldest finished runs, which then answer 404. A run still going is never dropped."})
  int runHistory;

  @Override
  public Integer call() throws InterruptedException {
    CliContext ctx = BuddyCommand.root(spec).context;
    BuddyEmulator emulator = BuddyEmulator.start(options());
    ctx.out().println("Buddy emulator listening on " + emulator.baseUrl() + " (token " + emulator.token()
        + ", admin API under " + emulator.baseUrl() + "/__emulator). Ctrl-C stops it.");
    ctx.out().flush();
    emulator.serveUntilShutdown();
    return ExitCode.OK;
  }

  /** The emulator's options from the flags; a {@link UsageException} for a value it cannot take. */
  EmulatorOptions options() {
    if (requestLog < 0) {
      throw new UsageException("--request-log: needs 0 or more, got " + requestLog);
    }
    if (runHistory < 1) {
      throw new UsageException("--run-history: needs 1 or more, got " + runHistory);
    }
    EmulatorOptions options = EmulatorOptions.defaults().host(host).port(port)
        .requestLogCapacity(requestLog).runHistoryCapacity(runHistory);
    if (seed != null) {
      if (!Files.isReadable(seed)) {
        throw new UsageException("--seed: cannot read " + seed);
      }
      options.seedFile(seed);
    }
    if (clockSpeed != null) {
      options.clockSpeed(clockSpeed);
    }
    if (rateLimit != null) {
      String[] parts = rateLimit.split("/");
      try {
        options.rateLimit(Integer.parseInt(parts[0].trim()), parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 60);
      } catch (NumberFormatException e) {
        throw new UsageException("--rate-limit: '" + rateLimit + "' is not LIMIT/SECONDS, e.g. 100/10");
      }
    }
    return options;
  }
}
