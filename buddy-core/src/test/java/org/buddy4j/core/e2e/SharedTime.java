package org.buddy4j.core.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.buddy4j.core.Sleeper;
import org.buddy4j.core.testing.SimulatedTime;

/**
 * One simulated time for the client and the emulator: when the client sleeps (between polls), its clock and
 * the emulator's clock ({@code POST /__emulator/clock/advance}) both move by the pause, in no real time. A wait
 * then sees exactly what Buddy would do in that time, however busy the machine is.
 */
final class SharedTime extends java.time.Clock implements Sleeper {
  private final SimulatedTime client;
  private final EmulatorAdmin admin;

  SharedTime(EmulatorAdmin admin) {
    this.admin = admin;
    this.client = new SimulatedTime(admin.now());
  }

  @Override
  public void sleep(Duration duration) {
    client.sleep(duration);
    admin.advance(duration.toNanos() / 1e9);
  }

  /** All pauses the client took. */
  Duration slept() {
    return client.slept();
  }

  @Override
  public Instant instant() {
    return client.instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public java.time.Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
