package io.mailsweep.job;

import io.mailsweep.scan.ScanEngine;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the one {@link ScanEngine} of each run executing in this process, so that every
 * partition of a run shares its DNS cache, in-flight cap and canary verdict.
 */
public class ScanEngines implements AutoCloseable {
  private final Map<Long, ScanEngine> engines = new ConcurrentHashMap<>();

  public ScanEngine engine(long runId, ScanRequest request) {
    return engines.computeIfAbsent(runId, id -> new ScanEngine(request.settings()));
  }

  /** The DNS cache figures of the run's engine in this process, if it has one. */
  public Optional<String> stats(long runId) {
    ScanEngine engine = engines.get(runId);
    if (engine == null) {
      return Optional.empty();
    }
    long hits = engine.cacheHits();
    long asked = hits + engine.cacheMisses();
    return Optional.of(String.format(Locale.ROOT, "%,d DNS questions, %,d answered from the run cache (%d%%)",
        asked, hits, asked == 0 ? 0 : 100 * hits / asked));
  }

  /** The runs executing in this process (from their first step until they end). */
  public Set<Long> runs() {
    return Set.copyOf(engines.keySet());
  }

  public void release(long runId) {
    ScanEngine engine = engines.remove(runId);
    if (engine != null) {
      engine.close();
    }
  }

  @Override
  public void close() {
    engines.keySet().forEach(this::release);
  }
}
