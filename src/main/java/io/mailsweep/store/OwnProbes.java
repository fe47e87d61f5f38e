package io.mailsweep.store;

import io.mailsweep.net.smtp.ProbeResultCodec;
import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probes this worker runs on the claims it holds: each result is stored for the run's other
 * workers, a failed probe gives its claim up so that another worker may try, and while any probe
 * runs the worker's pending claims are renewed, so that workers waiting for them see a live holder.
 * A probe may wait long for its subnet's turn before it starts; the renewals keep its claim meanwhile.
 */
final class OwnProbes {
  private static final Logger log = LoggerFactory.getLogger(OwnProbes.class);

  private final ProbeClaims claims;
  private final String worker;
  private final AtomicInteger running = new AtomicInteger();

  OwnProbes(ProbeClaims claims, String worker) {
    this.claims = claims;
    this.worker = worker;
  }

  /** Runs {@code probeHere} on the claim just taken; the result is stored before it is returned. */
  CompletableFuture<SmtpProbeResult> probe(InetSocketAddress target,
      Supplier<CompletableFuture<SmtpProbeResult>> probeHere) {
    running.incrementAndGet();
    CompletableFuture<SmtpProbeResult> started;
    try {
      started = probeHere.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.whenComplete((result, error) -> {
      try {
        if (error == null) {
          share(target, result);
        } else {
          release(target);
        }
      } finally {
        running.decrementAndGet();
      }
    });
  }

  /** Renews the pending claims while a probe runs; called every third of the lease. */
  void renew() {
    if (running.get() == 0) {
      return;
    }
    try {
      claims.renew(worker);
    } catch (RuntimeException e) {
      log.warn("could not renew the SMTP probe claims of {}: {}", worker, e.toString());
    }
  }

  private void share(InetSocketAddress target, SmtpProbeResult result) {
    byte[] encoded;
    try {
      encoded = ProbeResultCodec.encode(result);
    } catch (IllegalArgumentException e) {
      log.warn("the SMTP probe result of {} cannot be shared with the run's other workers: {}", target,
          e.getMessage());
      release(target);
      return;
    }
    try {
      claims.store(target, encoded);
    } catch (RuntimeException e) {
      log.warn("could not store the SMTP probe result of {}: {}", target, e.toString());
    }
  }

  private void release(InetSocketAddress target) {
    try {
      claims.release(target, worker);
    } catch (RuntimeException e) {
      log.warn("could not release the SMTP probe claim of {}: {}", target, e.toString());
    }
  }
}
