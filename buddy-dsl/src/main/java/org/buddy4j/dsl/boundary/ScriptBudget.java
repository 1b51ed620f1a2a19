package org.buddy4j.dsl.boundary;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * How much a script may compute: CPU time of the thread running it (the {@code --timeout}), and a
 * wall-clock deadline for the whole execution. CPU time is what bounds a runaway loop; waiting for a
 * pipeline on Buddy sleeps and costs none, so a real run may wait far longer than its CPU budget. The
 * compiler puts a {@link Boundary#tick()} at the top of every loop body and closure body, and every
 * checked call ticks too, so {@code while (true) { }} is stopped within a few steps of running out.
 */
public final class ScriptBudget implements AutoCloseable {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ThreadLocal<ScriptBudget> CURRENT = new ThreadLocal<>();
  /** Reading the thread's CPU clock costs a system call: look every this many steps. */
  private static final int STEPS_PER_LOOK = 64;

  private final Duration cpu;
  private final Duration wall;
  private final long cpuStart;
  private final long cpuLimitNanos;
  private final long wallDeadline;
  private final ScriptBudget previous;
  private int steps;
  private String spent;

  private ScriptBudget(Duration cpu, Duration wall) {
    this.cpu = cpu;
    this.wall = wall;
    this.cpuStart = cpuNow();
    this.cpuLimitNanos = cpu.toNanos();
    this.wallDeadline = System.nanoTime() + wall.toNanos();
    this.previous = CURRENT.get();
  }

  /** Starts counting for a script executed on this thread until {@link #close()}. */
  public static ScriptBudget start(Duration cpu, Duration wall) {
    ScriptBudget budget = new ScriptBudget(cpu, wall);
    CURRENT.set(budget);
    return budget;
  }

  static void tick() {
    ScriptBudget budget = CURRENT.get();
    if (budget != null) {
      budget.step();
    }
  }

  private void step() {
    if (spent != null) {
      throw new ScriptStopped(spent); // stays spent: a finally block cannot loop on
    }
    if (++steps % STEPS_PER_LOOK != 0) {
      return;
    }
    if (cpuNow() - cpuStart > cpuLimitNanos) {
      spent = "the script was stopped: it computed for longer than its time limit of " + seconds(cpu)
          + " of CPU time (--timeout)";
    } else if (System.nanoTime() - wallDeadline > 0) {
      spent = "the script was stopped: it ran for longer than its time limit of " + seconds(wall);
    }
    if (spent != null) {
      throw new ScriptStopped(spent);
    }
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  private static long cpuNow() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() >= 1 && d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
