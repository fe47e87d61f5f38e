package io.mailsweep.scan;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled checks of one domain concurrently. The returned future always completes
 * normally, within the deadline: a check that is late or breaks becomes INCONCLUSIVE with the
 * reason, so one bad domain never stops a run.
 */
public final class DomainScanner {
  private static final Logger log = LoggerFactory.getLogger(DomainScanner.class);

  private final List<Check> checks;
  private final Duration deadline;
  private final Map<String, Duration> deadlines;

  public DomainScanner(List<Check> checks, Duration deadline) {
    this(checks, deadline, Map.of());
  }

  /**
   * @param deadlines per check name, a deadline replacing {@code deadline} (transport checks wait
   *     for the run's shared probe pool, which takes longer than DNS)
   */
  public DomainScanner(List<Check> checks, Duration deadline, Map<String, Duration> deadlines) {
    this.checks = List.copyOf(checks);
    this.deadline = deadline;
    this.deadlines = Map.copyOf(deadlines);
  }

  public CompletableFuture<DomainScan> scan(ScanTarget target) {
    DomainName domain = target.domain();
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    List<CompletableFuture<CheckResult>> running = new ArrayList<>();
    for (Check check : checks) {
      running.add(guarded(check, target));
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> {
          List<CheckResult> results = running.stream().map(CompletableFuture::join).toList();
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
          return new DomainScan(domain, results, worst(results), reasons(results), start, millis);
        });
  }

  private CompletableFuture<CheckResult> guarded(Check check, ScanTarget target) {
    DomainName domain = target.domain();
    Duration limit = deadlines.getOrDefault(check.name(), deadline);
    CompletableFuture<CheckResult> future;
    try {
      future = check.run(target);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    return future
        .exceptionally(error -> {
          log.error("check {} failed on {}", check.name(), domain, error);
          return CheckResult.inconclusive(check.name(), "internal error in the check: " + error, List.of());
        })
        .completeOnTimeout(
            CheckResult.inconclusive(check.name(), "no result within the "
                + (limit == deadline ? "per-domain" : "transport") + " deadline of " + limit.toMillis() + " ms",
                List.of()),
            limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Status worst(List<CheckResult> results) {
    Status status = Status.NOT_APPLICABLE;
    for (CheckResult r : results) {
      status = status.worse(r.status());
    }
    return status;
  }

  private static String reasons(List<CheckResult> results) {
    String joined = results.stream()
        .filter(r -> r.reason() != null)
        .map(r -> r.check() + ": " + r.reason())
        .collect(Collectors.joining("; "));
    return joined.isEmpty() ? null : joined;
  }
}
