package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JvmFactsTest {

  private static JvmFacts with(List<String> collectors, long heap, int cores) {
    return new JvmFacts("17.0.15+6", collectors, heap, cores);
  }

  @Test
  void namesHotSpotsCollectorsByTheirBeans() {
    assertThat(with(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation"), 1, 1).collector())
        .isEqualTo("G1");
    assertThat(with(List.of("PS Scavenge", "PS MarkSweep"), 1, 1).collector()).isEqualTo("Parallel");
    assertThat(with(List.of("Copy", "MarkSweepCompact"), 1, 1).collector()).isEqualTo("Serial");
    assertThat(with(List.of("ZGC Cycles", "ZGC Pauses"), 1, 1).collector()).isEqualTo("ZGC");
    assertThat(with(List.of("Shenandoah Pauses", "Shenandoah Cycles"), 1, 1).collector()).isEqualTo("Shenandoah");
    assertThat(with(List.of("Epsilon Heap"), 1, 1).collector()).isEqualTo("Epsilon");
    assertThat(with(List.of("Odd One", "Odd Two"), 1, 1).collector()).isEqualTo("Odd One + Odd Two");
    assertThat(with(List.of(), 1, 1).collector()).isEqualTo("unknown");
  }

  @Test
  void describesVersionCollectorHeapAndCores() {
    assertThat(with(List.of("PS Scavenge", "PS MarkSweep"), 512L << 20, 2).describe())
        .isEqualTo("JDK 17.0.15+6, Parallel collector, heap up to 512 MiB, 2 cores");
    assertThat(with(List.of("G1 Young Generation"), Long.MAX_VALUE, 1).describe())
        .isEqualTo("JDK 17.0.15+6, G1 collector, no heap limit, 1 core");
  }

  @Test
  void readsTheRunningJvm() {
    JvmFacts here = JvmFacts.current();
    assertThat(here.version()).isEqualTo(Runtime.version().toString());
    assertThat(here.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    // The flag as set, at least what the runtime reports (which may leave out a survivor space).
    assertThat(here.maxHeapBytes()).isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
    assertThat(here.collector()).isNotEqualTo("unknown");
  }
}
