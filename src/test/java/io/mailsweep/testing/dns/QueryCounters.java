package io.mailsweep.testing.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Queries that reached the server with a parsable question, per name and type, and when the first
 * {@link #MAX_TIMES} of them arrived. Thread-safe.
 */
final class QueryCounters {
  /** Arrival times kept; later arrivals are counted but not timed. */
  static final int MAX_TIMES = 100_000;

  private final Map<QueryKey, LongAdder> perQuestion = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final LongAdder tcp = new LongAdder();
  private final List<Long> arrivals = new ArrayList<>();

  void record(QueryKey question, Transport transport) {
    long now = System.nanoTime();
    perQuestion.computeIfAbsent(question, k -> new LongAdder()).increment();
    total.increment();
    if (transport == Transport.TCP) {
      tcp.increment();
    }
    synchronized (arrivals) {
      if (arrivals.size() < MAX_TIMES) {
        arrivals.add(now);
      }
    }
  }

  /** {@link System#nanoTime()} at each query's arrival; concurrent arrivals may be out of order. */
  List<Long> arrivals() {
    synchronized (arrivals) {
      return List.copyOf(arrivals);
    }
  }

  /** Queries for the key's name and type; for {@link QueryKey#ANY_TYPE}, for every type. */
  long count(QueryKey question) {
    if (question.type() != QueryKey.ANY_TYPE) {
      LongAdder n = perQuestion.get(question);
      return n == null ? 0 : n.sum();
    }
    return perQuestion.entrySet().stream()
        .filter(e -> e.getKey().name().equals(question.name()))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  long total() {
    return total.sum();
  }

  long tcp() {
    return tcp.sum();
  }

  /** Not atomic with respect to queries arriving meanwhile. */
  void reset() {
    perQuestion.clear();
    total.reset();
    tcp.reset();
    synchronized (arrivals) {
      arrivals.clear();
    }
  }
}
