package io.mailsweep.store;

import io.mailsweep.net.smtp.ProbeResultCodec;
import io.mailsweep.net.smtp.ProbeResultFormatException;
import io.mailsweep.net.smtp.SmtpProbeResult;
import io.mailsweep.scan.SharedProbes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares SMTP probe results among the worker processes of one run through the {@code probe_claim}
 * table, so that no two workers probe the same (address, port): the first to insert the row probes
 * and stores the result, the others read it. A worker waiting for another's probe polls the row
 * without holding a thread; a claim whose holder stops renewing it (the holder died) is taken over
 * once the same holder and time have been seen for longer than the lease, by this machine's clock,
 * so the workers' clocks need not agree. A stored result this build cannot read is probed again.
 *
 * <p>Every statement is short and commits on its own, outside any chunk transaction. The reads,
 * claims and take-overs of an ask run on the scheduler, so the threads that ask never block on the
 * database; a result is stored, or a failed probe's claim given up, by the thread that ends the
 * probe.
 */
public final class ProbeLedger implements SharedProbes, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProbeLedger.class);
  /** The width of {@code probe_claim.worker}. */
  private static final int WORKER_LENGTH = 200;

  /**
   * @param poll how often a waiting worker reads the row again
   * @param lease how long a claim may go unrenewed before another worker takes it over; the holder
   *     renews its claims every third of it
   * @param maxWait how long a worker waits for another's result before it gives up (the ask fails);
   *     longer than a probe may take, its wait for a turn in its subnet included
   */
  public record Timing(Duration poll, Duration lease, Duration maxWait) {
    public Timing {
      if (poll.isNegative() || poll.isZero() || lease.compareTo(poll) <= 0 || maxWait.compareTo(lease) <= 0) {
        throw new IllegalArgumentException("probe ledger times must grow from poll to lease to maxWait: " + poll
            + ", " + lease + ", " + maxWait);
      }
    }
  }

  private final ProbeClaims claims;
  private final OwnProbes own;
  private final String worker;
  private final Timing timing;
  private final ScheduledExecutorService scheduler;
  private final ScheduledFuture<?> renewal;

  /**
   * @param worker this process's name in the claims, unique among the run's live workers
   *     ({@link #workerId()})
   * @param scheduler runs the ledger's statements and polls; the caller shuts it down
   */
  public ProbeLedger(JdbcTemplate jdbc, long runId, String worker, Timing timing,
      ScheduledExecutorService scheduler) {
    if (worker.isEmpty() || worker.length() > WORKER_LENGTH) {
      throw new IllegalArgumentException("worker id must have 1 to " + WORKER_LENGTH + " characters: " + worker);
    }
    this.claims = new ProbeClaims(jdbc, runId);
    this.own = new OwnProbes(claims, worker);
    this.worker = worker;
    this.timing = timing;
    this.scheduler = scheduler;
    long every = Math.max(1, timing.lease().toMillis() / 3);
    this.renewal = scheduler.scheduleWithFixedDelay(own::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** This process's worker id: the host name (a random one when it has none) and the process id. */
  public static String workerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host-" + UUID.randomUUID();
    }
    String pid = "/" + ProcessHandle.current().pid();
    return host.substring(0, Math.min(host.length(), WORKER_LENGTH - pid.length())) + pid;
  }

  @Override
  public CompletableFuture<SmtpProbeResult> resultFor(InetSocketAddress target,
      Supplier<CompletableFuture<SmtpProbeResult>> probeHere) {
    Ask ask = new Ask(target, probeHere);
    ask.after(Duration.ZERO);
    return ask.result;
  }

  /** Stops renewing this worker's claims: any it still holds are taken over after the lease. */
  @Override
  public void close() {
    renewal.cancel(false);
  }

  /** One ask for one target, stepped on the scheduler until it has a result, a claim, or gives up. */
  private final class Ask {
    final InetSocketAddress target;
    final Supplier<CompletableFuture<SmtpProbeResult>> probeHere;
    final CompletableFuture<SmtpProbeResult> result = new CompletableFuture<>();
    final long deadline = System.nanoTime() + timing.maxWait().toNanos();
    /** The holder last read, and since when (System.nanoTime) it has been the same. */
    ProbeClaims.Claim seen;
    long seenSince;
    DataAccessException lastError;

    Ask(InetSocketAddress target, Supplier<CompletableFuture<SmtpProbeResult>> probeHere) {
      this.target = target;
      this.probeHere = probeHere;
    }

    void step() {
      try {
        Optional<ProbeClaims.Claim> row = claims.read(target);
        if (row.isEmpty()) {
          if (claims.insert(target, worker)) {
            forward(own.probe(target, probeHere));
            return;
          }
        } else if (row.get().result() != null) {
          stored(row.get());
          return;
        } else if (stale(row.get()) && claims.takeOver(target, row.get(), worker)) {
          forward(own.probe(target, probeHere));
          return;
        }
      } catch (DataAccessException e) {
        log.debug("probe ledger statement on {} failed; trying again", target, e);
        lastError = e;
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      after(timing.poll());
    }

    /** Whether a pending claim has shown the same holder and time for longer than the lease. */
    boolean stale(ProbeClaims.Claim claim) {
      long now = System.nanoTime();
      if (seen == null || !seen.sameHolder(claim)) {
        seen = claim;
        seenSince = now;
        return false;
      }
      return now - seenSince > timing.lease().toNanos();
    }

    /**
     * Completes with the stored result. One this build cannot read is probed again: by this worker
     * as the holder when it wins the claim, else here only, while the winner stores its result.
     */
    void stored(ProbeClaims.Claim claim) {
      try {
        result.complete(ProbeResultCodec.decode(claim.result()));
      } catch (ProbeResultFormatException e) {
        log.warn("the stored SMTP probe result of {} is unreadable ({}); probing it here", target, e.getMessage());
        forward(claims.takeOver(target, claim, worker) ? own.probe(target, probeHere) : probeHere.get());
      }
    }

    void after(Duration delay) {
      if (System.nanoTime() - deadline > 0) {
        TimeoutException timeout = new TimeoutException("no SMTP probe result for " + target + " within "
            + timing.maxWait().toMillis() + " ms" + (seen == null ? "" : "; worker " + seen.worker()
            + " holds the claim"));
        result.completeExceptionally(lastError == null ? timeout : timeout.initCause(lastError));
        return;
      }
      try {
        scheduler.schedule(this::step, delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        result.completeExceptionally(new IllegalStateException("the probe ledger has stopped", e));
      }
    }

    void forward(CompletableFuture<SmtpProbeResult> probe) {
      probe.whenComplete((r, error) -> {
        if (error == null) {
          result.complete(r);
        } else {
          result.completeExceptionally(error);
        }
      });
    }
  }
}
