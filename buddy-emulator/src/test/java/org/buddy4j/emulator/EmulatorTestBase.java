package org.buddy4j.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts one emulator per test class on a free loopback port with a frozen clock (tests move it with
 * the admin API), and resets it to the built-in seed before every test.
 */
abstract class EmulatorTestBase {
  static BuddyEmulator emulator;
  static ApiClient api;

  @BeforeAll
  static void startEmulator() {
    emulator = BuddyEmulator.start(EmulatorOptions.defaults().clockSpeed(0).randomSeed(7));
    api = new ApiClient(emulator);
  }

  @AfterAll
  static void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @BeforeEach
  void resetEmulator() {
    api.withToken(emulator.token()).reset();
  }
}
