package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.Test;

/**
 * Part of {@code ./mvnw verify} so {@link CliStartup} never rots: one round of {@code curl} against an
 * emulator and of a short JVM command (the standalone emulator's {@code --help}, on this classpath: the
 * bench does not build on buddy-cli, so it builds beside it). Sanity only: both run, the figures are
 * finite and the table has a row each. No time is held to anything here.
 */
class CliStartupSmokeTest {
  @Test
  void oneRoundGivesARowPerContender() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "GNU time is not installed");
    try (BuddyEmulator emulator = BuddyEmulator.start(EmulatorOptions.defaults().port(0))) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<CliStartup.Contender> contenders = List.of(
          new CliStartup.Contender("curl", List.of("curl", "-sf", "-H", "Authorization: Bearer " + emulator.token(),
              emulator.baseUrl() + "/workspaces")),
          new CliStartup.Contender("cli", List.of(java, "-cp", System.getProperty("java.class.path"),
              "org.buddy4j.emulator.Main", "--help")));
      Map<String, String> env = Map.of("BUDDY_API_ENDPOINT", emulator.baseUrl(), "BUDDY_TOKEN", emulator.token());
      List<CliStartup.Figures> figures = CliStartup.measure(contenders, env, 1);
      assertEquals(2, figures.size());
      for (CliStartup.Figures f : figures) {
        assertTrue(f.wallSeconds() > 0 && f.peakRssMb() > 0 && Double.isFinite(f.cpuSeconds()), f.toString());
      }
      String table = CliStartup.render(figures, 1, CliStartup.loadAverage(), CliStartup.loadAverage());
      assertTrue(table.contains("| curl | ") && table.contains("| cli | "), table);
    }
  }
}
