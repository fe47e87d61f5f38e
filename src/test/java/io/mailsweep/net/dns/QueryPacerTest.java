package io.mailsweep.net.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The pacer's schedule, read from a hand-moved clock and a scheduler that only records what it is
 * given: which sends start at once, and how long each of the others is told to wait.
 */
class QueryPacerTest {
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private final List<Long> delays = new ArrayList<>();
  private final List<Runnable> scheduled = new ArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();

  private final QueryPacer.Scheduler recording = (task, delayNanos) -> {
    delays.add(delayNanos);
    scheduled.add(task);
  };

  private QueryPacer pacer(int perSecond) {
    return new QueryPacer(perSecond, clock::get, recording);
  }

  private CompletableFuture<Integer> send(QueryPacer pacer) {
    return pacer.submit(() -> CompletableFuture.completedFuture(sent.incrementAndGet()));
  }

  private void advance(Duration d) {
    clock.addAndGet(d.toNanos());
  }

  private static long ms(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }

  @Test
  void aBurstIsSpreadOneIntervalApartAndOnlyTheFirstGoesAtOnce() {
    QueryPacer pacer = pacer(100);
    List<CompletableFuture<Integer>> sends = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sends.add(send(pacer));
    }
    assertThat(sent).hasValue(1);
    assertThat(sends.get(0)).isCompletedWithValue(1);
    assertThat(delays).containsExactly(ms(10), ms(20), ms(30), ms(40));
    assertThat(pacer.waiting()).isEqualTo(4);

    scheduled.forEach(Runnable::run);
    assertThat(sent).hasValue(5);
    assertThat(sends).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(pacer.waiting()).isZero();
  }

  @Test
  void aWaitingSendIsNotStartedBeforeItsSlot() {
    QueryPacer pacer = pacer(20);
    send(pacer);
    CompletableFuture<Integer> second = send(pacer);
    assertThat(delays).containsExactly(ms(50));
    assertThat(second).isNotDone();
    assertThat(sent).as("the second send, and so its DNS timeout, has not started").hasValue(1);
    scheduled.get(0).run();
    assertThat(second).isCompletedWithValue(2);
  }

  @Test
  void sendsLaterInTheScheduleWaitOnlyForWhatIsLeft() {
    QueryPacer pacer = pacer(100);
    for (int i = 0; i < 4; i++) {
      send(pacer);
    }
    advance(Duration.ofMillis(15));
    send(pacer);
    assertThat(delays).containsExactly(ms(10), ms(20), ms(30), ms(40 - 15));
  }

  @Test
  void idleTimeEarnsNoBurst() {
    QueryPacer pacer = pacer(100);
    send(pacer);
    advance(Duration.ofSeconds(5));
    send(pacer);
    send(pacer);
    send(pacer);
    assertThat(sent).hasValue(2);
    assertThat(delays).containsExactly(ms(10), ms(20));
  }

  @Test
  void theIntervalIsRoundedUpSoTheRateIsNeverExceeded() {
    assertThat(pacer(3).intervalNanos()).isEqualTo(333_333_334L);
    assertThat(pacer(QueryRate.MAX).intervalNanos()).isEqualTo(1_000L);
    QueryPacer pacer = pacer(3);
    for (int i = 0; i < 4; i++) {
      send(pacer);
    }
    assertThat(delays.get(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void manyThreadsReserveDistinctSlots() throws Exception {
    QueryPacer pacer = pacer(1000);
    List<Long> reserved = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(new Thread(() -> {
        for (int i = 0; i < 250; i++) {
          reserved.add(pacer.reserve());
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(10).toMillis());
    }
    assertThat(reserved).hasSize(1000).doesNotHaveDuplicates();
    assertThat(reserved.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(ms(999));
  }

  @Test
  void anUnpacedPacerNeverSchedules() {
    QueryPacer none = new QueryPacer(0, clock::get, recording);
    for (int i = 0; i < 100; i++) {
      send(none);
    }
    assertThat(sent).hasValue(100);
    assertThat(delays).isEmpty();
    assertThat(QueryPacer.unpaced().intervalNanos()).isZero();
  }

  @Test
  void aSchedulerThatHasShutDownFailsTheSendInsteadOfThrowing() {
    QueryPacer pacer = new QueryPacer(10, clock::get, (task, delay) -> {
      throw new RejectedExecutionException("timer shut down");
    });
    send(pacer);
    CompletableFuture<Integer> refused = send(pacer);
    assertThat(refused).isCompletedExceptionally();
    assertThat(pacer.waiting()).isZero();
  }

  @Test
  void aSendThatThrowsFailsItsFuture() {
    CompletableFuture<Object> f = pacer(10).submit(() -> {
      throw new IllegalStateException("no socket");
    });
    assertThat(f).isCompletedExceptionally();
  }
}
