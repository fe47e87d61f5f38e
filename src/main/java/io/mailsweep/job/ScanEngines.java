package io.mailsweep.job;

import io.mailsweep.scan.ScanEngine;
import java.util.Map;
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
