package org.buddy4j.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The emulator's notion of "now" for executions and token expiry. It runs at {@code speed} simulated
 * seconds per real second (0 = frozen) and can be pushed forward with {@link #advance(Duration)}, so
 * tests see a run finish without waiting and stay deterministic.
 */
final class SimulatedClock {
  private final LongSupplier realNanos;
  private Instant simulatedAtAnchor;
  private long realAtAnchor;
  private double speed;

  SimulatedClock(Instant start, double speed) {
    this(start, speed, System::nanoTime);
  }

  SimulatedClock(Instant start, double speed, LongSupplier realNanos) {
    this.realNanos = realNanos;
    this.simulatedAtAnchor = start;
    this.realAtAnchor = realNanos.getAsLong();
    this.speed = checkSpeed(speed);
  }

  synchronized Instant now() {
    long elapsed = realNanos.getAsLong() - realAtAnchor;
    return simulatedAtAnchor.plusNanos((long) (elapsed * speed));
  }

  synchronized double speed() {
    return speed;
  }

  /** Changes the speed from now on; time already simulated is kept. */
  synchronized void setSpeed(double newSpeed) {
    reanchor();
    speed = checkSpeed(newSpeed);
  }

  synchronized void advance(Duration by) {
    if (by.isNegative()) {
      throw ApiError.badRequest("Field 'seconds' must not be negative");
    }
    reanchor();
    simulatedAtAnchor = simulatedAtAnchor.plus(by);
  }

  private void reanchor() {
    simulatedAtAnchor = now();
    realAtAnchor = realNanos.getAsLong();
  }

  private static double checkSpeed(double speed) {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw ApiError.badRequest("Field 'speed' must be a number >= 0");
    }
    return speed;
  }
}
