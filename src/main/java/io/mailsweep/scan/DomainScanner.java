package io.mailsweep.scan;

import io.mailsweep.check.Check;
import io.mailsweep.check.CheckResult;
import io.mailsweep.check.DnsEvidence;
import io.mailsweep.check.ScanTarget;
import io.mailsweep.check.Status;
import io.mailsweep.domain.DomainName;
import io.mailsweep.net.dns.Dns;
import io.mailsweep.net.dns.DnsAnswer;
import io.mailsweep.net.dns.DnsStatus;
import io.mailsweep.net.dns.RecordType;
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
 *
 * <p>With a gate, the domain's own TXT record is asked first (the SPF check asks it anyway, and the
 * run cache answers it again). When that question goes unanswered through every retry, the
 * domain's name servers are taken to be unreachable, as a resolver caches a resolution failure
 * (RFC 9520 §3): its checks are not run, each is INCONCLUSIVE with the unanswered question as
 * evidence, and the dozens of other lookups they would make are not asked. Without the gate, such
 * a domain keeps every one of those lookups waiting through its retries until the deadline, and a
 * list with 1% of such domains spends most of its concurrency on them.
 */
public final class DomainScanner {
  private static final Logger log = LoggerFactory.getLogger(DomainScanner.class);

  private final List<Check> checks;
  private final Duration deadline;
  private final Map<String, Duration> deadlines;
  private final Dns gate;

  public DomainScanner(List<Check> checks, Duration deadline) {
    this(checks, deadline, Map.of(), null);
  }

  /**
   * @param deadlines per check name, a deadline replacing {@code deadline} (transport checks wait
   *     for the run's shared probe pool, which takes longer than DNS)
   * @param gate DNS asked for the domain's TXT record before its checks run, or null to run them
   *     straight away
   */
  public DomainScanner(List<Check> checks, Duration deadline, Map<String, Duration> deadlines, Dns gate) {
    this.checks = List.copyOf(checks);
    this.deadline = deadline;
    this.deadlines = Map.copyOf(deadlines);
    this.gate = gate;
  }

  public CompletableFuture<DomainScan> scan(ScanTarget target) {
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    if (gate == null) {
      return runChecks(target, start, startNanos);
    }
    CompletableFuture<DnsAnswer> asked;
    try {
      asked = gate.query(target.domain(), RecordType.TXT);
    } catch (RuntimeException e) {
      asked = CompletableFuture.failedFuture(e);
    }
    return asked
        .handle((answer, error) -> answer)
        .completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(answer -> answer != null && answer.status() == DnsStatus.TIMEOUT
            ? CompletableFuture.completedFuture(unanswered(target.domain(), answer, start, startNanos))
            : runChecks(target, start, startNanos));
  }

  private CompletableFuture<DomainScan> runChecks(ScanTarget target, Instant start, long startNanos) {
    List<CompletableFuture<CheckResult>> running = new ArrayList<>();
    for (Check check : checks) {
      running.add(guarded(check, target, startNanos));
    }
    return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> done(target.domain(), running.stream().map(CompletableFuture::join).toList(),
            start, startNanos));
  }

  /** Every check INCONCLUSIVE, with the question that went unanswered as its evidence. */
  private DomainScan unanswered(DomainName domain, DnsAnswer answer, Instant start, long startNanos) {
    String reason = "not checked: the domain's name servers did not answer " + answer.describe()
        + "; its other lookups were not asked";
    List<String> evidence = DnsEvidence.of(answer);
    List<CheckResult> results = checks.stream()
        .map(check -> CheckResult.inconclusive(check.name(), reason, evidence))
        .toList();
    return done(domain, results, start, startNanos);
  }

  private static DomainScan done(DomainName domain, List<CheckResult> results, Instant start, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    return new DomainScan(domain, results, worst(results), reasons(results), start, millis);
  }

  private CompletableFuture<CheckResult> guarded(Check check, ScanTarget target, long startNanos) {
    DomainName domain = target.domain();
    Duration limit = deadlines.getOrDefault(check.name(), deadline);
    long left = Math.max(1, limit.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
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
            left, TimeUnit.MILLISECONDS);
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
