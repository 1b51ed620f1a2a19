package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code buddy emulator}'s memory caps: {@code --request-log} and {@code --run-history} reach the emulator it
 * starts (read back through the admin API of a real one), are in its help, and a value it cannot take is a
 * usage error that starts nothing.
 */
class EmulatorCommandTest {
  @Test
  void theCapFlagsReachTheEmulatorAndTheRequestLogKeepsAtMostN() {
    EmulatorCommand command = parse("--port=0", "--clock-speed=0", "--request-log=3", "--run-history=2");
    try (TestEmulator buddy = TestEmulator.start(command.options())) {
      JsonNode caps = buddy.admin("GET", "/retention", null);
      assertEquals(3, caps.path("requestLog").asInt(), caps.toString());
      assertEquals(2, caps.path("runHistory").asInt(), caps.toString());
      for (int i = 0; i < 5; i++) {
        TestEmulator.cli(buddy.env(), "workspaces", "get");
      }
      List<JsonNode> log = buddy.requests();
      assertEquals(3, log.size(), log.toString());
      long newest = log.get(2).path("seq").asLong();
      assertTrue(newest >= 5, "five commands sent at least five requests: " + log);
      assertEquals(newest - 2, log.get(0).path("seq").asLong(), "the newest three are kept: " + log);
    }
  }

  @Test
  void theRunHistoryFlagDropsAPipelinesOldestFinishedRuns() {
    // Pipeline 2's seed runs 1 and 2 are finished; with the clock frozen, new runs stay ENQUEUED.
    EmulatorCommand command = parse("--port=0", "--clock-speed=0", "--run-history=2");
    try (TestEmulator buddy = TestEmulator.start(command.options())) {
      Map<String, String> env = buddy.env();
      assertEquals(0, TestEmulator.cli(env, "runs", "start", "2").code());
      assertEquals(0, TestEmulator.cli(env, "runs", "start", "2").code());
      List<Integer> ids = buddy.executions(2).stream().map(e -> e.path("id").asInt()).toList();
      assertEquals(List.of(4, 3), ids, "the two finished seed runs were dropped, oldest first");
    }
  }

  @Test
  void theDefaultsAreTheEmulatorsAndTheHelpNamesTheFlags() {
    EmulatorCommand command = parse("--port=0");
    try (TestEmulator buddy = TestEmulator.start(command.options())) {
      JsonNode caps = buddy.admin("GET", "/retention", null);
      assertEquals(10_000, caps.path("requestLog").asInt());
      assertEquals(10_000, caps.path("runHistory").asInt());
    }
    String help = new CommandLine(new EmulatorCommand()).getUsageMessage();
    assertTrue(help.contains("--request-log=N") && help.contains("--run-history=N"), help);
  }

  @Test
  void aCapItCannotTakeIsAUsageErrorAndStartsNothing() {
    Result zero = TestEmulator.cli(Map.of(), "emulator", "--port=0", "--run-history=0");
    assertEquals(2, zero.code(), zero.toString());
    assertTrue(zero.err().contains("--run-history"), zero.err());
    Result negative = TestEmulator.cli(Map.of(), "emulator", "--port=0", "--request-log=-1");
    assertEquals(2, negative.code(), negative.toString());
    assertTrue(negative.err().contains("--request-log"), negative.err());
    Result words = TestEmulator.cli(Map.of(), "emulator", "--port=0", "--request-log=many");
    assertEquals(2, words.code(), words.toString());
  }

  private static EmulatorCommand parse(String... args) {
    EmulatorCommand command = new EmulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
