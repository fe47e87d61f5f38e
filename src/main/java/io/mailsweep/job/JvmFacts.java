package io.mailsweep.job;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The JVM a run executes in, for the run's first log line: a scan is CPU-bound on a small machine,
 * and which collector and heap it had decides much of its speed (README, "JVM settings for large
 * lists").
 *
 * @param collectors the names of the JVM's garbage collector beans ({@code G1 Young Generation},
 *     {@code PS Scavenge}, ...)
 */
record JvmFacts(String version, List<String> collectors, long maxHeapBytes, int cores) {

  JvmFacts {
    collectors = List.copyOf(collectors);
  }

  static JvmFacts current() {
    List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .toList();
    Runtime runtime = Runtime.getRuntime();
    return new JvmFacts(Runtime.version().toString(), names, maxHeap(runtime), runtime.availableProcessors());
  }

  /**
   * The heap ceiling as set ({@code -Xmx} or the JVM's choice); {@link Runtime#maxMemory()} leaves
   * out a survivor space under some collectors, so it is only the fallback.
   */
  private static long maxHeap(Runtime runtime) {
    try {
      HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotspot != null) {
        return Long.parseLong(hotspot.getVMOption("MaxHeapSize").getValue());
      }
    } catch (RuntimeException e) {
      // Not HotSpot, or the flag is missing: fall back to what the runtime reports.
    }
    return runtime.maxMemory();
  }

  /** The collector's common name, from the names its beans carry in HotSpot. */
  String collector() {
    for (String name : collectors) {
      if (name.startsWith("G1 ")) {
        return "G1";
      }
      if (name.startsWith("PS ")) {
        return "Parallel";
      }
      if (name.startsWith("ZGC")) {
        return "ZGC";
      }
      if (name.startsWith("Shenandoah")) {
        return "Shenandoah";
      }
      if (name.equals("Copy") || name.equals("MarkSweepCompact")) {
        return "Serial";
      }
      if (name.startsWith("Epsilon")) {
        return "Epsilon";
      }
    }
    return collectors.isEmpty() ? "unknown" : String.join(" + ", collectors);
  }

  /** For example {@code JDK 17.0.15, Parallel collector, heap up to 512 MiB, 2 cores}. */
  String describe() {
    String heap = maxHeapBytes == Long.MAX_VALUE ? "no heap limit" : "heap up to " + (maxHeapBytes >> 20) + " MiB";
    return "JDK " + version + ", " + collector() + " collector, " + heap + ", " + cores
        + (cores == 1 ? " core" : " cores");
  }
}
