package io.mailsweep.scan;

import io.mailsweep.net.smtp.SmtpProbeResult;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Shares SMTP probe results among the processes that scan one run, so that an MX address named by
 * domains in several workers' partitions still sees one conversation from the run. {@link MxProbes}
 * asks once per (address, port) and process; an implementation decides whether this process
 * probes or takes another process's result.
 */
@FunctionalInterface
public interface SharedProbes {
  /** A run scanned by one process: every address is probed here. */
  SharedProbes LOCAL = (target, probeHere) -> probeHere.get();

  /**
   * The run's result for {@code target}: another process's, or the one {@code probeHere} starts
   * when this process is the one to probe. Fails when no result could be had (the failure is not
   * the server's behaviour, and the caller may ask again).
   */
  CompletableFuture<SmtpProbeResult> resultFor(InetSocketAddress target,
      Supplier<CompletableFuture<SmtpProbeResult>> probeHere);
}
