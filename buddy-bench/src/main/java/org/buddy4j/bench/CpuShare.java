package org.buddy4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the machine's CPUs during a measurement: this JVM (emulator, runner and client alike) versus
 * every other process, from {@code /proc/stat} and the process CPU time. The load average cannot tell
 * the two apart (a measurement's own threads raise it); this can, so a figure taken while another build
 * ran says so. On a system without {@code /proc/stat} only this JVM's share is known.
 */
record CpuShare(long wallNanos, long processCpuNanos, long busyTicks, long stealTicks, long totalTicks) {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static CpuShare now() {
    long busy = -1;
    long steal = -1;
    long total = -1;
    try {
      // cpu  user nice system idle iowait irq softirq steal guest guest_nice
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      busy = user + nice + system + irq + softirq;
      total = busy + idle + iowait + steal;
    } catch (IOException | RuntimeException e) {
      // not Linux: only this JVM's share is known
    }
    return new CpuShare(System.nanoTime(), OS.getProcessCpuTime(), busy, steal, total);
  }

  /** Average CPUs in use since {@code start}: by this JVM, by other processes, and stolen by the hypervisor. */
  String since(CpuShare start) {
    double seconds = (wallNanos - start.wallNanos) / 1e9;
    double ours = (processCpuNanos - start.processCpuNanos) / 1e9 / seconds;
    int cpus = Runtime.getRuntime().availableProcessors();
    if (busyTicks < 0 || start.busyTicks < 0 || totalTicks <= start.totalTicks) {
      return String.format(Locale.ROOT, "this JVM %.2f of %d CPUs", ours, cpus);
    }
    double perTick = (double) cpus / (totalTicks - start.totalTicks);
    double busy = (busyTicks - start.busyTicks) * perTick;
    double steal = (stealTicks - start.stealTicks) * perTick;
    return String.format(Locale.ROOT, "CPUs in use %.2f of %d: this JVM %.2f, other processes %.2f; steal %.2f",
        busy, cpus, ours, Math.max(0, busy - ours), steal);
  }
}
