package io.mailsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.scan.DomainScan;
import io.mailsweep.scan.ScannedDomain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WindowedScanReaderTest {

  /** Rows 1..n; rows in {@code scanned} count as already committed and are never offered. */
  private static WindowedScanReader.Source rows(long n, List<Long> scanned, List<Integer> pageSizes) {
    return (afterId, limit) -> {
      pageSizes.add(limit);
      return LongStream.rangeClosed(Math.max(1, afterId + 1), n)
          .filter(id -> !scanned.contains(id))
          .limit(limit)
          .mapToObj(id -> new ScanItem(id, "d" + id + ".test", ""))
          .toList();
    };
  }

  /** Scans that finish only when the test says so. */
  private static final class Scans {
    final Map<Long, CompletableFuture<ScannedDomain>> started = new ConcurrentHashMap<>();

    CompletableFuture<ScannedDomain> start(ScanItem item) {
      CompletableFuture<ScannedDomain> f = new CompletableFuture<>();
      started.put(item.inputRowId(), f);
      return f;
    }

    void finish(long id) {
      DomainScan scan = new DomainScan(DomainName.of("d" + id + ".test"), List.of(), Status.PASS, null,
          Instant.EPOCH, 0);
      started.get(id).complete(new ScannedDomain(id, scan));
    }
  }

  @Test
  void handsOutScansInTheOrderTheyFinishSoASlowOneHoldsBackNothing() throws Exception {
    Scans scans = new Scans();
    WindowedScanReader reader = new WindowedScanReader(rows(6, List.of(), new ArrayList<>()), scans::start, 4, 2,
        Duration.ofSeconds(5));
    CompletableFuture<ScannedDomain> first = CompletableFuture.supplyAsync(() -> read(reader));
    awaitStarted(scans, 4);
    assertThat(scans.started.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    scans.finish(3);
    assertThat(first.get().inputRowId()).isEqualTo(3);
    scans.finish(2);
    assertThat(reader.read().inputRowId()).isEqualTo(2);
    // Row 3's place went to row 5, and only that: four in flight. Row 1 stays slow while 2, 4, 5 pass it.
    assertThat(scans.started.keySet()).contains(5L).doesNotContain(6L);
    scans.finish(4);
    assertThat(reader.read().inputRowId()).isEqualTo(4);
    scans.finish(5);
    scans.finish(6);
    assertThat(reader.read().inputRowId()).isEqualTo(5);
    assertThat(reader.read().inputRowId()).isEqualTo(6);
    scans.finish(1);
    assertThat(reader.read().inputRowId()).isEqualTo(1);
    assertThat(reader.read()).isNull();
  }

  @Test
  void neverHasMoreThanTheWindowInFlight() throws Exception {
    Scans scans = new Scans();
    List<Integer> pageSizes = new ArrayList<>();
    WindowedScanReader reader = new WindowedScanReader(rows(100, List.of(), pageSizes), scans::start, 10, 50,
        Duration.ofSeconds(5));
    CompletableFuture<ScannedDomain> first = CompletableFuture.supplyAsync(() -> read(reader));
    awaitStarted(scans, 10);
    Thread.sleep(50);
    assertThat(scans.started).hasSize(10);
    assertThat(pageSizes).as("a page never holds more than the window").allMatch(size -> size <= 10);
    scans.finish(7);
    assertThat(first.get().inputRowId()).isEqualTo(7);
    int read = 1;
    for (long id = 1; id <= 100; id++) {
      if (id != 7) {
        scans.finish(id);
        assertThat(reader.read().inputRowId()).isEqualTo(id);
        read++;
      }
      assertThat(reader.inFlight()).isLessThanOrEqualTo(10);
    }
    assertThat(read).isEqualTo(100);
    assertThat(reader.read()).isNull();
  }

  @Test
  void offersOnlyWhatHasNoCommittedResultSoARestartScansTheRest() throws Exception {
    Scans scans = new Scans();
    WindowedScanReader reader = new WindowedScanReader(rows(5, List.of(1L, 3L, 4L), new ArrayList<>()),
        scans::start, 10, 10, Duration.ofSeconds(5));
    CompletableFuture<ScannedDomain> first = CompletableFuture.supplyAsync(() -> read(reader));
    awaitStarted(scans, 2);
    assertThat(scans.started.keySet()).containsExactlyInAnyOrder(2L, 5L);
    scans.finish(5);
    scans.finish(2);
    assertThat(first.get().inputRowId()).isEqualTo(5);
    assertThat(reader.read().inputRowId()).isEqualTo(2);
    assertThat(reader.read()).isNull();
  }

  @Test
  void failsInsteadOfWaitingForeverWhenNoScanFinishes() {
    Scans scans = new Scans();
    WindowedScanReader reader = new WindowedScanReader(rows(3, List.of(), new ArrayList<>()), scans::start, 3, 3,
        Duration.ofMillis(100));
    assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no domain scan finished within").hasMessageContaining("3 are in flight");
  }

  @Test
  void aScanThatFailsFailsTheRead() {
    WindowedScanReader reader = new WindowedScanReader(rows(1, List.of(), new ArrayList<>()),
        item -> CompletableFuture.failedFuture(new IllegalArgumentException("broken")), 1, 1, Duration.ofSeconds(5));
    assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
  }

  private static ScannedDomain read(WindowedScanReader reader) {
    try {
      return reader.read();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitStarted(Scans scans, int count) throws InterruptedException {
    for (int i = 0; i < 500 && scans.started.size() < count; i++) {
      Thread.sleep(10);
    }
  }
}
