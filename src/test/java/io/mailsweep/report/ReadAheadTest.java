package io.mailsweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void everyBatchArrivesInOrderOnTheCallingThreadAndTheProducerRunsOnItsOwn() {
    List<Integer> seen = new ArrayList<>();
    List<String> producerThreads = new ArrayList<>();
    Thread caller = Thread.currentThread();

    ReadAhead.<Integer>run("test-read", sink -> {
      producerThreads.add(Thread.currentThread().getName());
      for (int i = 0; i < 1_000; i++) {
        sink.put(i);
      }
    }, batch -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      seen.add(batch);
    });

    assertThat(seen).hasSize(1_000).isSorted().startsWith(0).endsWith(999);
    assertThat(producerThreads).containsExactly("test-read");
  }

  @Test
  void theProducerStaysAtMostAFewBatchesAhead() {
    AtomicInteger produced = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AtomicInteger ahead = new AtomicInteger();

    ReadAhead.<Integer>run("test-read", sink -> {
      for (int i = 0; i < 200; i++) {
        ahead.accumulateAndGet(produced.incrementAndGet() - consumed.get(), Math::max);
        sink.put(i);
      }
    }, batch -> {
      consumed.incrementAndGet();
      Thread.onSpinWait();
    });

    assertThat(consumed.get()).isEqualTo(200);
    assertThat(ahead.get()).isLessThanOrEqualTo(ReadAhead.DEPTH + 2);
  }

  @Test
  void aFailureOfTheProducerIsThrownHereAfterTheBatchesBeforeIt() {
    List<Integer> seen = new ArrayList<>();

    assertThatThrownBy(() -> ReadAhead.<Integer>run("test-read", sink -> {
      sink.put(1);
      sink.put(2);
      throw new IllegalStateException("database gone");
    }, seen::add)).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    assertThat(seen).containsExactly(1, 2);
  }

  @Test
  void aFailureOfTheConsumerStopsTheProducerAndIsThrownAsItIs() {
    AtomicInteger produced = new AtomicInteger();
    Thread[] producer = new Thread[1];

    assertThatThrownBy(() -> ReadAhead.<Integer>run("test-read", sink -> {
      producer[0] = Thread.currentThread();
      for (int i = 0; i < 1_000_000; i++) {
        produced.incrementAndGet();
        sink.put(i);
      }
    }, batch -> {
      if (batch == 3) {
        throw new IllegalArgumentException("disk full");
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("disk full");
    assertThat(producer[0].isAlive()).isFalse();
    assertThat(produced.get()).isLessThan(1_000);
  }
}
