package org.buddy4j.batch.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Measures the batch's heap: sampled every 100 ms on a daemon thread, the peak heap in use (garbage
 * included) and the peak live heap (what the heap pools held right after a collection — what the
 * batch really keeps). The second is the one that shows whether memory grows with the batch.
 */
public final class HeapWatch {
  private static volatile long peakUsed;
  private static volatile long peakLive;
  private static Thread sampler;

  private HeapWatch() {}

  /** Starts (or restarts) measuring. */
  public static synchronized void start() {
    peakUsed = 0;
    peakLive = 0;
    if (sampler == null) {
      sampler = new Thread(() -> {
        while (true) {
          sample();
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "buddy-heap-watch");
      sampler.setDaemon(true);
      sampler.start();
    }
  }

  /** Takes one sample now. */
  public static void sample() {
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        MemoryUsage afterGc = pool.getCollectionUsage();
        live += afterGc == null ? 0 : afterGc.getUsed();
      }
    }
    if (used > peakUsed) {
      peakUsed = used;
    }
    if (live > peakLive) {
      peakLive = live;
    }
  }

  /** The most heap in use at any sample, garbage included. */
  public static long peakUsedBytes() {
    sample();
    return peakUsed;
  }

  /** The most heap still in use right after a collection. */
  public static long peakLiveBytes() {
    sample();
    return peakLive;
  }

  /** The heap's maximum size (-Xmx), in bytes. */
  public static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }
}
