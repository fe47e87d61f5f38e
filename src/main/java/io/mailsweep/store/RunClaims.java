package io.mailsweep.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The keys of once-per-run rows (servers probed once however many domains name them) that this
 * process has already claimed for writing, so that concurrent partitions do not race on a unique
 * key: the first chunk that meets a key writes it, later ones skip it.
 */
final class RunClaims<T, K> {
  private final Function<T, K> key;
  private final Map<Long, Set<K>> claimed = new ConcurrentHashMap<>();

  RunClaims(Function<T, K> key) {
    this.key = key;
  }

  /** The items of {@code items} whose keys no earlier call claimed for run {@code runId}, now claimed. */
  List<T> claim(long runId, List<T> items) {
    Set<K> mine = claimed.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet());
    List<T> fresh = new ArrayList<>();
    for (T item : items) {
      if (mine.add(key.apply(item))) {
        fresh.add(item);
      }
    }
    return fresh;
  }
}
