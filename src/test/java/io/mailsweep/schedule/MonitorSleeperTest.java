package io.mailsweep.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MonitorSleeperTest {
  private final MonitorSleeper sleeper = new MonitorSleeper();

  private static long millis(ThrowingRunnable r) throws Exception {
    long start = System.nanoTime();
    r.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void sleepsForTheDuration() throws Exception {
    assertThat(millis(() -> sleeper.sleep(Duration.ofMillis(100)))).isBetween(95L, 2_000L);
  }

  @Test
  void aWakeBeforeTheSleepIsNotLostAndIsUsedOnce() throws Exception {
    sleeper.wake();
    assertThat(millis(() -> sleeper.sleep(Duration.ofMinutes(5)))).isLessThan(1_000L);
    assertThat(millis(() -> sleeper.sleep(Duration.ofMillis(50)))).isGreaterThanOrEqualTo(45L);
  }

  @Test
  void aWakeDuringTheSleepEndsIt() throws Exception {
    CompletableFuture<Void> waker = CompletableFuture.runAsync(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sleeper.wake();
    });
    assertThat(millis(() -> sleeper.sleep(Duration.ofMinutes(5)))).isLessThan(5_000L);
    waker.get(5, TimeUnit.SECONDS);
  }
}
