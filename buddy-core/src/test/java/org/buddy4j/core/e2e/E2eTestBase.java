package org.buddy4j.core.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.ProjectClient;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * One emulator per test class on a free loopback port (frozen clock; tests move or speed it up), reset
 * to its starting seed before every test, and the real {@link BuddyClient} pointed at it with fast polling.
 * The timeout only guards against a hang (as buddy-emulator's junit-platform.properties did here before).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class E2eTestBase {
  static final String WORKSPACE = "buddy";
  static final String PROJECT = "company-website";

  static BuddyEmulator emulator;
  static EmulatorAdmin admin;
  static BuddyClient buddy;

  @BeforeAll
  static void startEmulator() {
    emulator = BuddyEmulator.start(EmulatorOptions.defaults().port(0).clockSpeed(0).randomSeed(7));
    admin = new EmulatorAdmin(emulator.baseUrl());
    buddy = client().build();
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void resetEmulator() {
    admin.reset();
  }

  /** A client builder aimed at the emulator, polling every 20–100 ms. */
  static BuddyClient.Builder client() {
    return BuddyClient.builder().endpoint(emulator.baseUrl()).token(emulator.token())
      .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100));
  }

  static ProjectClient project() {
    return buddy.workspace(WORKSPACE).project(PROJECT);
  }

  static PipelineClient pipeline(int id) {
    return project().pipeline(id);
  }
}
