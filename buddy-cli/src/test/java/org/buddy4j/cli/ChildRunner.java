package org.buddy4j.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code buddy.jar} (built by {@code package}) as a real child JVM, the way a user runs it. */
final class ChildRunner {
  private ChildRunner() {}

  static Path jar() {
    Path jar = Path.of(System.getProperty("buddy4j.jar", "target/buddy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": run these through `./mvnw verify` (after package)");
    }
    return jar;
  }

  /** {@code java [jvmArgs] -jar buddy.jar args…} with the given environment added, output to {@code log}. */
  static Process start(Map<String, String> env, List<String> jvmArgs, Path log, String... args) throws IOException {
    return start(env, jvmArgs, log, null, args);
  }

  /** As above, stderr to {@code errLog} apart from stdout (null: both to {@code log}). */
  static Process start(Map<String, String> env, List<String> jvmArgs, Path log, Path errLog, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A CLI that starts and ends quickly: skip the optimizing compiler's warm-up.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile());
    if (errLog == null) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(errLog.toFile());
    }
    pb.environment().keySet().removeIf(k -> k.startsWith("BUDDY"));
    pb.environment().putAll(env);
    pb.directory(new File(System.getProperty("java.io.tmpdir")));
    return pb.start();
  }
}
