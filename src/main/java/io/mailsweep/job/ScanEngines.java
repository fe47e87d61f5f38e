package io.mailsweep.job;

import io.mailsweep.scan.ScanEngine;
import io.mailsweep.scan.SharedProbes;
import io.mailsweep.store.ProbeLedger;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holds the one {@link ScanEngine} of each run executing in this process, so that every
 * partition of a run shares its DNS cache, in-flight cap and canary verdict. On a worker of a
 * remote run the engine's MX probes also go through the run's {@link ProbeLedger}, so that no
 * two workers probe one address.
 */
public class ScanEngines implements AutoCloseable {
  /** How often a worker waiting for another's probe result looks for it. */
  static final Duration LEDGER_POLL = Duration.ofMillis(250);
  /** A claim not renewed for this long belongs to a worker that died; another takes it over. */
  static final Duration LEDGER_LEASE = Duration.ofSeconds(30);

  private final Map<Long, ScanEngine> engines = new ConcurrentHashMap<>();
  private final Map<Long, Ledger> ledgers = new ConcurrentHashMap<>();
  private final JdbcTemplate jdbc;

  /** Engines that probe on their own, whatever the run's workers (tests, tools). */
  public ScanEngines() {
    this(null);
  }

  /** @param jdbc the shared database, for the probe ledgers of remote runs */
  public ScanEngines(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public ScanEngine engine(long runId, ScanRequest request) {
    return engines.computeIfAbsent(runId, id -> new ScanEngine(request.settings()));
  }

  /** The engine of a partition's run, sharing its MX probes with the other workers of a remote run. */
  public ScanEngine engine(long runId, JobParameters parameters) {
    ScanRequest request = RunParameters.request(parameters);
    if (jdbc == null || Workers.of(parameters) == Workers.LOCAL) {
      return engine(runId, request);
    }
    return engines.computeIfAbsent(runId, id -> new ScanEngine(request.settings(),
        ledgers.computeIfAbsent(id, i -> new Ledger(jdbc, i, request.settings().longestDomainScan())).ledger));
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
    Ledger ledger = ledgers.remove(runId);
    if (ledger != null) {
      ledger.close();
    }
  }

  @Override
  public void close() {
    engines.keySet().forEach(this::release);
  }

  /** A run's ledger and the thread that polls and renews it. */
  private static final class Ledger implements AutoCloseable {
    final ProbeLedger ledger;
    final ScheduledExecutorService scheduler;

    /** @param longestWait a domain's scan ends by then, so no one waits longer for a probe result */
    Ledger(JdbcTemplate jdbc, long runId, Duration longestWait) {
      this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailsweep-probe-ledger-" + runId);
        t.setDaemon(true);
        return t;
      });
      Duration maxWait = longestWait.compareTo(LEDGER_LEASE.multipliedBy(2)) > 0 ? longestWait
          : LEDGER_LEASE.multipliedBy(2);
      this.ledger = new ProbeLedger(jdbc, runId, ProbeLedger.workerId(),
          new ProbeLedger.Timing(LEDGER_POLL, LEDGER_LEASE, maxWait), scheduler);
    }

    @Override
    public void close() {
      ledger.close();
      scheduler.shutdownNow();
    }
  }
}
